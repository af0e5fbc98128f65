/**
 * A tiny YAML writer for the generated policy: block mappings and sequences, every scalar written as
 * a JSON string or number (valid YAML 1.2), leaves that are short arrays of scalars as flow lists.
 */
export function toYaml(value, indent = 0) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []\n';
    if (value.every(isScalar)) return ` [${value.map(scalar).join(', ')}]\n`;
    let text = '\n';
    for (const item of value) {
      const body = toYaml(item, indent + 2);
      text += isScalar(item) ? `${pad}-${body}` : `${pad}- ${body.trimStart()}`;
    }
    return text;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return ' {}\n';
    let text = '\n';
    for (const [key, item] of entries) text += `${pad}${key}:${toYaml(item, indent + 2)}`;
    return text;
  }
  return ` ${scalar(value)}\n`;
}

function isScalar(value) {
  return value === null || typeof value !== 'object';
}

function scalar(value) {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** A whole document: top-level keys at column 0, a comment header. */
export function yamlDocument(header, object) {
  return `${header
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n')}\n${toYaml(object).slice(1)}`;
}
