/**
 * The policy loader: text → YAML (bounded) → structure (the JSON Schema) → one layer per file →
 * `extends` followed depth-first, base first, cycles refused → merged with defaults → references
 * between files checked. Every problem in every file is collected and thrown together as one
 * PolicyError, so an author fixes them all in one pass.
 */
import { dirname, relative, resolve } from 'node:path';
import { PolicyError } from '../errors.js';
import type { Policy, Problem } from '../model.js';
import type { PolicySourceResolver } from '../plugins.js';
import { didYouMean, didYouMeanText } from './did-you-mean.js';
import type { PolicyLayer } from './layer-types.js';
import { resolveSheetProducts } from './ledger-sheet/resolve-sheet-products.js';
import { lintPolicy, type PolicyLintWorld } from './lint/lint-policy.js';
import { mergeLayers } from './merge-layers.js';
import { readLayer } from './policy-layer.js';
import { policySchemaNode } from './policy-schema.js';
import { type PolicySource, readPolicyFile, resolveExtends } from './policy-sources.js';
import { DEFAULT_YAML_LIMITS, type PolicyTree, readPolicyYaml } from './policy-yaml.js';
import { ProblemList } from './problem-list.js';
import { validateShape } from './schema-walker.js';

export interface LoadPolicyOptions {
  /** Name of the policy file, for locations and for resolving relative `extends`. */
  filename: string;
  /** Sources for `scheme:name` extends, tried before the globally registered ones. */
  resolvers?: PolicySourceResolver[];
  /** Largest policy file accepted, in bytes (default 5 MB); larger files are refused unread. */
  maxBytes?: number;
  /**
   * Units and hosts known to exist (a units file, inventories): the linter then also warns about
   * unit and host names in scopes and waivers that match none of them.
   */
  world?: PolicyLintWorld;
}

/** A chain of `extends` deeper than this is refused (no real policy comes near it). */
const MAX_FILES = 64;

interface LoadState {
  resolvers: readonly PolicySourceResolver[];
  maxBytes: number;
  problems: ProblemList;
  layers: PolicyLayer[];
  /** The parsed files the author wrote (not resolver packs), for the linter. */
  ownTrees: PolicyTree[];
  loaded: Set<string>;
  /** True when some file could not be read or parsed at all. */
  incomplete: boolean;
  rootDir: string;
}

/** Parses and resolves a policy from its text. Throws PolicyError listing every problem. */
export function parsePolicy(text: string, options: LoadPolicyOptions): Policy {
  const source: PolicySource = {
    identity: resolve(options.filename),
    display: options.filename,
    file: options.filename,
    text,
    fromResolver: false,
  };
  return resolvePolicy(
    source,
    options.resolvers ?? [],
    options.maxBytes ?? DEFAULT_YAML_LIMITS.maxBytes,
    new ProblemList(),
    options.world,
  );
}

/** Reads, parses and resolves the policy file at `path`. Throws PolicyError listing every problem. */
export function loadPolicy(path: string, options: Omit<LoadPolicyOptions, 'filename'> = {}): Policy {
  const problems = new ProblemList();
  const maxBytes = options.maxBytes ?? DEFAULT_YAML_LIMITS.maxBytes;
  const source = readPolicyFile(path, path, maxBytes, problems, { file: path });
  if (!source) throw new PolicyError(problems.sorted());
  return resolvePolicy(source, options.resolvers ?? [], maxBytes, problems, options.world);
}

function resolvePolicy(
  source: PolicySource,
  resolvers: readonly PolicySourceResolver[],
  maxBytes: number,
  problems: ProblemList,
  world: PolicyLintWorld | undefined,
): Policy {
  const state: LoadState = {
    resolvers,
    maxBytes,
    problems,
    layers: [],
    ownTrees: [],
    loaded: new Set(),
    incomplete: false,
    rootDir: dirname(source.file),
  };
  collect(source, [source], state);
  if (state.incomplete) throw new PolicyError(problems.sorted());

  const policy = mergeLayers(state.layers);
  const root = state.layers[state.layers.length - 1]!;
  if (root.isMapping && !policy.metadata.name.trim()) {
    problems.error(
      'missing-name',
      'The policy needs metadata.name: a short name shown in every report.',
      root.metadata?.location ?? { file: source.file, line: 1, column: 1 },
      {},
    );
  }
  checkProductReferences(policy, state.layers, problems);
  if (problems.count > 0) throw new PolicyError(problems.sorted());
  const warnings = lintSafely(state.ownTrees, policy, world, source.file);
  if (warnings.length > 0) policy.warnings = warnings;
  const sheetProducts = new Map(state.layers.flatMap((layer) => [...layer.sheetProducts]));
  const ledgerProblems = [
    ...state.layers.flatMap((layer) => layer.ledgerProblems),
    ...resolveSheetProducts(policy, sheetProducts),
  ];
  if (ledgerProblems.length > 0) policy.problems = ledgerProblems;
  return policy;
}

/** Reads one file and, depth-first, the files it extends; layers are appended base first. */
function collect(source: PolicySource, chain: PolicySource[], state: LoadState): void {
  if (state.loaded.has(source.identity)) return;
  state.loaded.add(source.identity);
  const limits = { ...DEFAULT_YAML_LIMITS, maxBytes: state.maxBytes };
  const tree = readPolicyYaml(source.text, source.file, state.problems, limits);
  if (!tree) {
    state.incomplete = true;
    return;
  }
  validateShape(tree, policySchemaNode, state.problems);
  if (!source.fromResolver) state.ownTrees.push(tree);
  const layer = readLayer(source.display, tree, state.problems, {
    baseDir: source.fromResolver ? undefined : dirname(source.identity),
  });
  for (const entry of layer.extends) {
    const base = resolveExtends(
      entry.target,
      source,
      entry.location,
      state.resolvers,
      state.maxBytes,
      state.problems,
    );
    if (!base) {
      state.incomplete = true;
      continue;
    }
    if (chain.some((link) => link.identity === base.identity)) {
      const names = [...chain, base].map((link) => displayInChain(link, state.rootDir));
      const from = names.indexOf(names[names.length - 1]!);
      state.problems.error(
        'extends-cycle',
        `Policies extend each other in a cycle: ${names.slice(from).join(' → ')}.`,
        entry.location,
        { cycle: names.slice(from).join(' → ') },
      );
      state.incomplete = true;
      continue;
    }
    if (chain.length >= MAX_FILES) {
      state.problems.error(
        'extends-too-deep',
        `More than ${MAX_FILES} policies extend one another; refused.`,
        entry.location,
        { max: MAX_FILES },
      );
      state.incomplete = true;
      continue;
    }
    collect(base, [...chain, base], state);
  }
  state.layers.push(layer);
}

function displayInChain(source: PolicySource, rootDir: string): string {
  return source.fromResolver ? source.display : relative(rootDir, source.identity) || source.display;
}

/** `Entitlement "E1"` → `授权 "E1"`, `Waiver of rule "x"` → `规则 "x" 的豁免` (the referring entry). */
function fromInChinese(from: string): string {
  return from
    .replace(/^Entitlement (".*")$/, '授权 $1')
    .replace(/^Waiver of rule (".*")$/, '规则 $1 的豁免')
    .replace(/^Waiver (".*")$/, '豁免 $1');
}

function checkProductReferences(policy: Policy, layers: PolicyLayer[], problems: ProblemList): void {
  const ids = policy.catalog.products.map((product) => product.id);
  const known = new Set(ids);
  for (const layer of layers) {
    for (const reference of layer.references) {
      if (known.has(reference.id)) continue;
      const hint = didYouMean(reference.id, ids);
      problems.error(
        'unknown-product',
        `${reference.from} refers to unknown product "${reference.id}"${
          hint || '; it is in neither this catalogue nor a policy it extends.'
        }`,
        reference.location,
        {
          from: { zh: fromInChinese(reference.from), en: reference.from },
          id: reference.id,
          hint: hint
            ? didYouMeanText(reference.id, ids)
            : { zh: '；本目录和所继承的策略中都没有它。', en: '' },
        },
      );
    }
  }
}

/**
 * The linter only warns; a bug in it must not make a valid policy unloadable. It is then a warning
 * itself, so it is seen and reported rather than silently skipped.
 */
function lintSafely(
  trees: readonly PolicyTree[],
  policy: Policy,
  world: PolicyLintWorld | undefined,
  file: string,
): Problem[] {
  try {
    return lintPolicy(trees, policy, world);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const list = new ProblemList();
    list.warn(
      'lint-failed',
      { zh: `策略检查（lint）未能完成：${reason}`, en: `The policy linter could not finish: ${reason}` },
      { file },
    );
    return list.items;
  }
}
