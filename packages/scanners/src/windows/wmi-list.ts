/**
 * `wmic <class> get /format:list` output (UTF-16LE): one `Name=Value` line per property, instances
 * separated by blank lines.
 */
import type { PropertyBag } from './windows-facts.js';

const PROPERTY_LINE = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;

/** True when the first non-empty lines are `Name=Value` properties. */
export function isWmiList(text: string): boolean {
  const lines = text
    .slice(0, 8192)
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 20);
  return (
    lines.length > 0 && lines.filter((line) => PROPERTY_LINE.test(line.trim())).length >= lines.length * 0.8
  );
}

export interface WmiInstance {
  values: PropertyBag;
  /** Line of the instance's first property. */
  line: number;
}

/** Splits the output into instances. Lines that are not properties are returned for reporting. */
export function parseWmiList(text: string): { instances: WmiInstance[]; badLines: number[] } {
  const instances: WmiInstance[] = [];
  const badLines: number[] = [];
  let current: WmiInstance | undefined;
  const lines = text.split(/\r\n|\n|\r/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '') {
      current = undefined;
      continue;
    }
    const match = PROPERTY_LINE.exec(line);
    if (!match) {
      badLines.push(index + 1);
      continue;
    }
    if (!current) {
      current = { values: new Map(), line: index + 1 };
      instances.push(current);
    }
    current.values.set(match[1]!.toLowerCase(), match[2]!);
  }
  return { instances, badLines };
}
