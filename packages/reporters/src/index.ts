// @zhengban/reporters — public API.

export { consoleReporter, renderConsole } from './console-reporter.js';
export { createReporterContext, type ReporterContextOptions } from './context.js';
export { type CsvReporterOptions, csvReporter, csvTableWriters, renderCsvTables } from './csv-reporter.js';
export { htmlReporter, renderHtml } from './html/html-reporter.js';
export { jsonReporter, renderJson } from './json-reporter.js';
export { junitReporter, renderJunit } from './junit-reporter.js';
export { type LedgerWorkbookOptions, renderLedgerWorkbook } from './ledger-workbook.js';
export { markdownReporter, renderMarkdown } from './markdown-reporter.js';
export { hasMessage, localText, type MessageKey, type MessageParams, t } from './messages.js';
export { formatRate, formatRateExplained } from './rates.js';
export { getReporter, reporterNames } from './registry.js';
export { type EffectiveStatus, groupFindings, sortFindings } from './report-view.js';
export { renderSarif, sarifReporter } from './sarif-reporter.js';
export { renderSplitIndexHtml, renderSplitIndexXlsx, type SplitIndexEntry } from './split-index.js';
export { buildTable, type Cell, TABLE_IDS, type Table, type TableId } from './tables.js';
export { renderXlsx, xlsxReporter } from './xlsx-reporter.js';
