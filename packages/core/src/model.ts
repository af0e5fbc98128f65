/**
 * The data types of zhengban, in one place: this barrel is what every module imports; the types
 * themselves are in model/, one file per topic.
 *
 * Data flows one way: a Scanner yields HostInventory → the engine recognises each SoftwareRecord as a
 * catalogue Product → judges it into Findings → aggregates a ComplianceReport → a Reporter renders it.
 * Everything here is plain, JSON-serialisable data (no classes, no Maps), so a report can be written,
 * read back, merged and diffed.
 */

export type * from './model/catalogue.js';
export type * from './model/common.js';
export type * from './model/finding.js';
export type * from './model/inventory.js';
export type * from './model/ledger.js';
export type * from './model/merge-basis.js';
export type * from './model/plan.js';
export type * from './model/policy.js';
export type * from './model/problem.js';
export type * from './model/report.js';
