/**
 * The naive way, as a user of json-rules-engine would write it: the policy's custom rules added to one
 * Engine once, then `await engine.run(facts)` for every installation record. Run on a sample of the
 * file (the first `sample` records) and extrapolated to the whole file.
 *
 * It is given every advantage: the operators our rules use are registered with compiled patterns
 * cached; facts the naive user would have to compute with a catalogue (product, category, vendor,
 * domestic, licence model) are passed as undefined, so it does LESS work than a real naive audit.
 */
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { RECORD_COLUMNS } from './csv-text.mjs';

const requireFromCore = createRequire(
  fileURLToPath(new URL('../../packages/core/package.json', import.meta.url)),
);
const requireFromScanners = createRequire(
  fileURLToPath(new URL('../../packages/scanners/package.json', import.meta.url)),
);
const { Engine } = requireFromCore('json-rules-engine');
const semver = requireFromCore('semver');
const picomatch = requireFromCore('picomatch');
const Papa = requireFromScanners('papaparse');

/** The policy's rules on one json-rules-engine, with the operators they use. */
function naiveEngine(rules) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const regexes = new Map();
  const globs = new Map();
  engine.addOperator('matchesRegex', (fact, pattern) => {
    if (typeof fact !== 'string') return false;
    let regex = regexes.get(pattern);
    if (!regex) {
      const insensitive = pattern.startsWith('(?i)');
      regex = new RegExp(insensitive ? pattern.slice(4) : pattern, insensitive ? 'iu' : 'u');
      regexes.set(pattern, regex);
    }
    return regex.test(fact);
  });
  engine.addOperator('matchesGlob', (fact, pattern) => {
    if (typeof fact !== 'string') return false;
    let glob = globs.get(pattern);
    if (!glob) {
      glob = picomatch(pattern, { nocase: true });
      globs.set(pattern, glob);
    }
    return glob(fact);
  });
  engine.addOperator('versionInRange', (fact, range) => {
    const version = typeof fact === 'string' ? semver.coerce(fact) : null;
    return version !== null && semver.satisfies(version, range);
  });
  engine.addOperator('dateBefore', (fact, date) => typeof fact === 'string' && fact < date);
  for (const rule of rules) {
    engine.addRule({ name: rule.id, conditions: rule.conditions, event: { type: rule.id } });
  }
  return engine;
}

/** Reads the first `sample` data rows of the inventory as facts objects (host facts included). */
async function sampleFacts(file, sample) {
  const handle = await open(file, 'r');
  const decoder = new TextDecoder('utf-8');
  const parser = new Papa.Parser({ delimiter: ',', newline: '\n', quoteChar: '"' });
  const facts = [];
  let header;
  let pending = '';
  let os = {};
  try {
    const buffer = new Uint8Array(1024 * 1024);
    while (facts.length < sample) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const text = pending + decoder.decode(buffer.subarray(0, bytesRead), { stream: true });
      const result = parser.parse(text, 0, true);
      pending = text.slice(result.meta.cursor);
      for (const row of result.data) {
        if (!header) {
          header = row;
          continue;
        }
        if (facts.length >= sample) break;
        const at = (name) => row[header.indexOf(name)] || undefined;
        if (at('os')) os = { osName: at('os'), osVersion: at('os_version'), osEdition: at('os_edition') };
        const record = { host: at('host'), unit: at('unit'), ...os };
        record.osId = /windows/i.test(record.osName ?? '')
          ? 'windows'
          : /kylin/i.test(record.osName ?? '')
            ? 'kylin'
            : 'uos';
        for (const [column] of RECORD_COLUMNS) {
          const value = at(column);
          if (value !== undefined) record[camel(column)] = value;
        }
        facts.push(record);
      }
    }
  } finally {
    await handle.close();
  }
  return facts;
}

function camel(column) {
  return column.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
}

/** Runs the naive audit on a sample; returns records/s and how many rule events fired. */
export async function naiveRun(file, rules, sample) {
  const facts = await sampleFacts(file, sample);
  const engine = naiveEngine(rules);
  let events = 0;
  const started = performance.now();
  for (const record of facts) {
    const { events: fired } = await engine.run(record);
    events += fired.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { records: facts.length, seconds, recordsPerSecond: facts.length / seconds, events };
}
