/**
 * The built-in reporters by name (after ESLint's formatters). The CLI resolves a `./path` or a
 * package name itself; this module knows only the built-ins.
 */
import type { Reporter } from '@zhengban/core';
import { consoleReporter } from './console-reporter.js';
import { csvReporter } from './csv-reporter.js';
import { htmlReporter } from './html/html-reporter.js';
import { jsonReporter } from './json-reporter.js';
import { junitReporter } from './junit-reporter.js';
import { markdownReporter } from './markdown-reporter.js';
import { sarifReporter } from './sarif-reporter.js';
import { xlsxReporter } from './xlsx-reporter.js';

type Factory = (options: Record<string, unknown>) => Reporter;

const BUILT_IN = new Map<string, Factory>([
  ['console', () => consoleReporter()],
  ['json', () => jsonReporter()],
  ['html', () => htmlReporter()],
  ['csv', (options) => csvReporter(options)],
  ['xlsx', () => xlsxReporter()],
  ['markdown', () => markdownReporter()],
  ['sarif', () => sarifReporter()],
  ['junit', () => junitReporter()],
]);

/** Names of the built-in reporters, in documentation order. */
export function reporterNames(): string[] {
  return [...BUILT_IN.keys()];
}

/** A built-in reporter by name, or undefined. `options` go to its factory (csv: `{ table }`). */
export function getReporter(name: string, options: Record<string, unknown> = {}): Reporter | undefined {
  return BUILT_IN.get(name)?.(options);
}
