/**
 * The built-in scanners by name, for the CLI (`--scanner windows`, `csv:inventory.csv`) and for
 * integrators who pick a scanner from configuration.
 */
import type { Scanner } from '@zhengban/core';
import { glpiScanner } from './agents/glpi-scanner.js';
import { wazuhScanner } from './agents/wazuh-scanner.js';
import { type CsvScannerOptions, csvScanner } from './csv/csv-scanner.js';
import { inventoryScanner } from './inventory/inventory-format.js';
import { type LinuxScannerOptions, linuxScanner } from './linux/linux-scanner.js';
import { type OsqueryScannerOptions, osqueryScanner } from './osquery/osquery-scanner.js';
import { type WindowsScannerOptions, windowsScanner } from './windows/windows-scanner.js';

const FACTORIES: Readonly<Record<string, (options: Record<string, unknown>) => Scanner>> = {
  windows: (options) => windowsScanner(options as WindowsScannerOptions),
  linux: (options) => linuxScanner(options as LinuxScannerOptions),
  csv: (options) => csvScanner(options as CsvScannerOptions),
  osquery: (options) => osqueryScanner(options as OsqueryScannerOptions),
  inventory: () => inventoryScanner(),
  glpi: () => glpiScanner(),
  wazuh: () => wazuhScanner(),
};

/** A built-in scanner by name, configured with `options`; undefined for an unknown name. */
export function getScanner(name: string, options: Record<string, unknown> = {}): Scanner | undefined {
  return Object.hasOwn(FACTORIES, name) ? FACTORIES[name]!(options) : undefined;
}

/** Names of the built-in scanners, for help texts and "did you mean". */
export function scannerNames(): string[] {
  return Object.keys(FACTORIES);
}
