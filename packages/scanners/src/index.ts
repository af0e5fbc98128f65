// @zhengban/scanners — public API.

export { glpiScanner } from './agents/glpi-scanner.js';
export { wazuhScanner } from './agents/wazuh-scanner.js';
export type { CommandResult, CommandRunner } from './common/command-runner.js';
export { CSV_FIELDS, CSV_HEADER_WORDS, type CsvField } from './csv/csv-headers.js';
export { type CsvScannerOptions, csvScanner } from './csv/csv-scanner.js';
/** The csv scanner's own reader (batches of rows with their lines), for benchmarks and tools. */
export {
  type CsvBatch,
  type CsvStreamOptions,
  type CsvTextBatch,
  csvBatches as readCsvBatches,
} from './csv/csv-stream.js';
export {
  globMatches,
  HostUnitMap,
  type HostUnitRule,
  readHostsFile,
} from './csv/host-units.js';
export { readUnitsFile } from './csv/units-file.js';
export {
  INVENTORY_FORMAT,
  INVENTORY_VERSION,
  inventoryScanner,
  writeInventoryLines,
} from './inventory/inventory-format.js';
export { type LinuxScannerOptions, linuxScanner, RPM_QUERY_FORMAT } from './linux/linux-scanner.js';
export { type OsqueryScannerOptions, osqueryScanner } from './osquery/osquery-scanner.js';
export { getScanner, scannerNames } from './scanner-registry.js';
export { decodeText } from './text/decode-text.js';
export { type WindowsScannerOptions, windowsScanner } from './windows/windows-scanner.js';
