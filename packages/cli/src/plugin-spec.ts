/**
 * `--input KIND:PATH` and `--report FORMAT[:PATH]`: the kind (a built-in name, a module path or a
 * package name) ends at the first `:` — a Windows drive (`C:\…`) at the start of a module path is
 * skipped — and everything after it is the path, colons and drive letters included.
 */

export interface PluginSpec {
  /** Built-in name, `./module.mjs`, `/abs/module.mjs`, `C:\mod.mjs` or a package name. */
  kind: string;
  /** The rest after the separating `:`; undefined when there is none. */
  target?: string;
  /** As given on the command line. */
  raw: string;
}

/** Index where a drive letter prefix (`C:\` or `C:/`) ends, else 0. */
function driveLength(text: string): number {
  return /^[A-Za-z]:[\\/]/.test(text) ? 2 : 0;
}

/** Splits `KIND:REST` at the first `:` that is not part of a drive letter in KIND. */
export function splitPluginSpec(raw: string): PluginSpec {
  const start = driveLength(raw);
  const colon = raw.indexOf(':', start);
  if (colon < 0) return { kind: raw, raw };
  return { kind: raw.slice(0, colon), target: raw.slice(colon + 1), raw };
}

/** True when KIND names a module file rather than a built-in or a package. */
export function isModulePath(kind: string): boolean {
  return (
    kind.startsWith('./') ||
    kind.startsWith('../') ||
    kind.startsWith('/') ||
    kind.startsWith('.\\') ||
    kind.startsWith('..\\') ||
    driveLength(kind) > 0 ||
    /\.(?:mjs|cjs|js|mts|cts|ts)$/i.test(kind)
  );
}

/** True when a report target names a folder (`csv:out/`): it ends with a path separator. */
export function isFolderTarget(target: string): boolean {
  return target.endsWith('/') || target.endsWith('\\');
}
