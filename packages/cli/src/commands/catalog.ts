/**
 * `zhengban catalog match | list | suggest`: which catalogue product an installation is and why,
 * what the catalogue holds — from a policy (local products first) or, by default, the built-in
 * catalogue — and a draft catalogue section for what a report could not recognise.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createRecogniser,
  describeMatch,
  formatLocation,
  type Policy,
  type Product,
  parsePolicy,
  UsageError,
} from '@zhengban/core';
import { classLabel, licenceModelLabel } from '@zhengban/reporters';
import { builtinResolver, listPacks } from '@zhengban/rules';
import { OutputSet, writeFileAtomic } from '../atomic-output.js';
import { draftProducts, draftYaml } from '../catalog-draft.js';
import { type CliContext, displayPath, note } from '../cli-io.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes.js';
import { msg } from '../messages.js';
import { positiveCount } from '../option-values.js';
import { loadPolicyFile } from '../policy-files.js';
import { readReport } from '../report-file.js';
import { formatTable } from '../text-table.js';

/** The built-in catalogue as a policy: `builtin:catalog` when the rules package has it, else the baseline. */
function builtinCatalogPolicy(): Policy {
  const pack = listPacks().some((entry) => entry.name === 'catalog') ? 'catalog' : 'cn-gov-baseline';
  const text = `apiVersion: zhengban/v1\nmetadata:\n  name: builtin-${pack}\nextends:\n  - builtin:${pack}\n`;
  return parsePolicy(text, { filename: `builtin:${pack}`, resolvers: [builtinResolver] });
}

function catalogPolicy(ctx: CliContext, policyFile: string | undefined): Policy {
  return policyFile === undefined ? builtinCatalogPolicy() : loadPolicyFile(ctx, policyFile);
}

export interface CatalogMatchOptions {
  publisher?: string;
  version?: string;
  osId?: string;
  policy?: string;
}

/** Exit 0 when recognised, 1 when no product matches (so scripts can test it). */
export function catalogMatchCommand(ctx: CliContext, name: string, options: CatalogMatchOptions): number {
  const policy = catalogPolicy(ctx, options.policy);
  const recogniser = createRecogniser(policy);
  const version = options.version !== undefined ? { version: options.version } : {};
  // With --os-id the name is an operating system, recognised like a host's OS.
  const result =
    options.osId !== undefined
      ? recogniser.recogniseOs({ name, id: options.osId, ...version })
      : recogniser.recognise({
          name,
          ...(options.publisher !== undefined ? { publisher: options.publisher } : {}),
          ...version,
        });
  const input = [name, options.publisher, options.version].filter(Boolean).join(' | ');
  if (!result) {
    ctx.io.stdout.write(`${msg(ctx.locale, 'catalogNoMatch', { name: input })}\n`);
    return EXIT_FINDINGS;
  }
  const { product } = result;
  const lines = [
    msg(ctx.locale, 'catalogMatched', { input, id: product.id, name: product.name }),
    msg(ctx.locale, 'catalogDetails', {
      category: classLabel(product.category, ctx.locale),
      vendor: product.vendor ?? '—',
      domestic: msg(ctx.locale, product.domestic ? 'yes' : 'no'),
      license: licenceModelLabel(product.license, ctx.locale),
    }),
    msg(ctx.locale, 'catalogWhy', { why: matchText(product, result.match.entry, result.match.text, ctx) }),
  ];
  for (const range of product.licenseByVersion ?? []) {
    const notes = range.notes ? `（${range.notes}）` : '';
    lines.push(
      msg(ctx.locale, 'catalogVersionLicense', { versions: range.versions, license: range.license, notes }),
    );
  }
  if (result.edition) lines.push(msg(ctx.locale, 'catalogEdition', { edition: result.edition }));
  const location = result.match.location ?? product.location;
  if (location) {
    const where = formatLocation({ ...location, ...fileShown(ctx, location.file) });
    lines.push(msg(ctx.locale, 'catalogDefinedAt', { where }));
  }
  if (product.notes) lines.push(msg(ctx.locale, 'catalogNotes', { notes: product.notes }));
  ctx.io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

/** Why it matched, in the reader's language (the match entry described again), else core's text. */
function matchText(product: Product, entry: number, text: string, ctx: CliContext): string {
  const match = product.match[entry];
  return match ? describeMatch(match, ctx.locale) : text;
}

function fileShown(ctx: CliContext, file: string | undefined): { file?: string } {
  return file === undefined ? {} : { file: displayPath(ctx, file) };
}

/**
 * The class `--class` names: a class id (`office`) or its label in either language, whole or its
 * start (`办公`, `办公软件`, `Office`). A word that names no class, or several, is a usage error that
 * lists the classes the catalogue has.
 */
function resolveClass(ctx: CliContext, word: string, products: readonly Product[]): string {
  const classes = [...new Set(products.map((product) => product.category))];
  if (classes.includes(word)) return word;
  const wanted = word.trim().toLowerCase();
  const labels = (id: string) => [classLabel(id, 'zh-CN'), classLabel(id, 'en')].map((l) => l.toLowerCase());
  const exact = classes.filter((id) => labels(id).includes(wanted));
  const starts = classes.filter((id) =>
    labels(id).some((label) => wanted !== '' && label.startsWith(wanted)),
  );
  const found = exact.length === 1 ? exact : starts;
  if (found.length === 1) return found[0]!;
  const en = ctx.locale === 'en';
  const list = [...classes]
    .sort()
    .map((id) => (en ? `${id} (${classLabel(id, 'en')})` : `${id}（${classLabel(id, 'zh-CN')}）`))
    .join(en ? ', ' : '、');
  throw new UsageError(msg(ctx.locale, 'catalogUnknownClass', { word, classes: list }));
}

export function catalogListCommand(ctx: CliContext, options: { class?: string; policy?: string }): number {
  const policy = catalogPolicy(ctx, options.policy);
  const wanted =
    options.class === undefined ? undefined : resolveClass(ctx, options.class, policy.catalog.products);
  const products = policy.catalog.products.filter(
    (product: Product) => wanted === undefined || product.category === wanted,
  );
  if (products.length === 0) {
    ctx.io.stdout.write(`${msg(ctx.locale, 'catalogEmpty')}\n`);
    return EXIT_OK;
  }
  const yes = msg(ctx.locale, 'yes');
  const no = msg(ctx.locale, 'no');
  const rows = [
    msg(ctx.locale, 'catalogHeader').split('|'),
    ...products.map((product) => [
      product.id,
      classLabel(product.category, ctx.locale),
      product.domestic ? yes : no,
      licenceModelLabel(product.license, ctx.locale),
      product.name,
    ]),
  ];
  ctx.io.stdout.write(formatTable(rows));
  return EXIT_OK;
}

export interface CatalogSuggestOptions {
  top?: string;
  out?: string;
  force?: boolean;
}

/**
 * Writes a draft catalogue for the report's unrecognised titles (most computers first) to `--out`
 * (atomically) or stdout. Vendors are looked up in the built-in catalogue, so a known publisher
 * spelling becomes its vendor id.
 */
export async function catalogSuggestCommand(
  ctx: CliContext,
  reportFile: string,
  options: CatalogSuggestOptions,
): Promise<number> {
  const top = positiveCount(ctx.locale, '--top', options.top, 20);
  const report = readReport(ctx, reportFile);
  const unrecognised = Array.isArray(report.unrecognised) ? report.unrecognised : [];
  if (unrecognised.length === 0) {
    note(ctx, msg(ctx.locale, 'suggestNothing', { path: reportFile }));
    return EXIT_OK;
  }
  const recogniser = createRecogniser(builtinCatalogPolicy());
  const drafts = draftProducts(unrecognised, top, (publisher) => recogniser.vendorOf(publisher));
  const text = draftYaml('catalog-draft', drafts, {
    header: msg(ctx.locale, 'suggestHeader', {
      report: reportFile,
      asOf: report.asOf,
      count: drafts.length,
    }).split('\n'),
    notes: (draft) =>
      msg(ctx.locale, 'suggestNotes', {
        hosts: draft.hosts,
        samples: draft.sampleHosts.join(', '),
        spellings: draft.spellings.slice(0, 5).join(' | '),
      }),
  });
  if (options.out === undefined || options.out === '-') {
    ctx.io.stdout.write(text);
    return EXIT_OK;
  }
  const path = resolve(ctx.io.cwd, options.out);
  if (existsSync(path) && !options.force) {
    throw new UsageError(msg(ctx.locale, 'outputExists', { path: options.out }));
  }
  const outputs = new OutputSet(ctx.locale, ctx.io.signal);
  try {
    await writeFileAtomic(outputs, path, text);
  } finally {
    await outputs.discardAll();
  }
  const hosts = drafts.reduce((n, draft) => n + draft.hosts, 0);
  note(ctx, msg(ctx.locale, 'suggestWritten', { path: displayPath(ctx, path), count: drafts.length, hosts }));
  return EXIT_OK;
}
