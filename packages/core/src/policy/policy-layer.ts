/**
 * One policy file, read: its items normalised (patterns, severities, dates, editions) but nothing
 * merged and no defaults filled, because `extends` merges key by key and a default must not hide
 * a base file's value. Reading a layer checks everything that one file can tell on its own; what
 * needs the whole policy (references between files) is checked after merging.
 */
import { type LayerContext, text } from './layer-context.js';
import type { PolicyLayer } from './layer-types.js';
import { readLedgerFiles } from './ledger-sheet/read-ledger-files.js';
import { isRecord, readStrings } from './policy-values.js';
import type { PolicyTree } from './policy-yaml.js';
import type { ProblemList } from './problem-list.js';
import { readCatalog } from './read-catalog.js';
import { readEntitlements, readUnits, readWaivers } from './read-ledger.js';
import { readPrices } from './read-prices.js';
import {
  readForbidden,
  readPreferences,
  readRequirements,
  readRules,
  readSettings,
} from './read-sections.js';

export interface ReadLayerOptions {
  /** Folder that `ledger:` paths are relative to; absent for a policy from a resolver. */
  baseDir?: string;
}

/** Reads one structurally validated file into a layer. */
export function readLayer(
  source: string,
  tree: PolicyTree,
  problems: ProblemList,
  options: ReadLayerOptions = {},
): PolicyLayer {
  const root = isRecord(tree.root) ? tree.root : {};
  const context: LayerContext = { tree, problems, references: [] };
  const entitlements = readEntitlements(root.entitlements, context);
  const sheets = readLedgerFiles(
    root.ledger,
    context,
    options.baseDir,
    new Set(entitlements.map((entitlement) => entitlement.id)),
  );
  const extendsPath = ['extends'];
  const targets = readStrings(root.extends) ?? [];
  const layer: PolicyLayer = {
    source,
    isMapping: isRecord(tree.root),
    extends: targets.map((target, index) => ({
      target,
      location: tree.at(typeof root.extends === 'string' ? extendsPath : [...extendsPath, index]),
    })),
    ...readCatalog(root.catalog, context),
    entitlements: [...entitlements, ...sheets.entitlements],
    requirements: readRequirements(root.requirements, context),
    domestic: readPreferences(root.preferences, context),
    forbidden: readForbidden(root.forbidden, context),
    rules: readRules(root.rules, context),
    waivers: readWaivers(root.waivers, context),
    units: readUnits(root.units, context),
    settings: readSettings(root.settings, context),
    prices: readPrices(root.prices, context),
    references: context.references,
    sheetProducts: sheets.productCells,
    ledgerProblems: sheets.problems,
  };
  if (isRecord(root.metadata)) {
    const version = root.metadata.version;
    layer.metadata = {
      name: text(root.metadata.name),
      version: typeof version === 'number' ? String(version) : text(version),
      description: text(root.metadata.description),
      owner: text(root.metadata.owner),
      location: tree.keyAt(['metadata']),
    };
  }
  return layer;
}
