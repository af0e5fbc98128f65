/**
 * Reads `catalog`: vendors with their name variants, and products with the patterns that
 * recognise them. A product without `match` is recognised by its name, exactly (ignoring case).
 * A product's `vendor` is a vendor id when one exists (in any merged file), otherwise a free vendor
 * name — the example's `vendor: city-it-center` names an office no catalogue lists.
 */
import type { LicenseModel, ProductMatch, Vendor, VersionLicense, VersionScheme } from '../model.js';
import { IdRegistry, type LayerContext, mappings, text } from './layer-context.js';
import type { LayerProduct } from './layer-types.js';
import { readPatterns } from './patterns.js';
import { isRecord, readEditions, readRange, readStrings } from './policy-values.js';
import type { Path } from './policy-yaml.js';

export function readCatalog(
  value: unknown,
  context: LayerContext,
): { vendors: Vendor[]; products: LayerProduct[] } {
  const catalog = isRecord(value) ? value : {};
  return {
    vendors: readVendors(catalog.vendors, context),
    products: readProducts(catalog.products, context),
  };
}

function readVendors(value: unknown, context: LayerContext): Vendor[] {
  const ids = new IdRegistry('vendor id', context);
  const vendors: Vendor[] = [];
  for (const [item, path] of mappings(value, ['catalog', 'vendors'])) {
    const id = text(item.id);
    if (!id || !ids.claim(id, [...path, 'id'])) continue;
    const names = readStrings(item.names) ?? [];
    const name = text(item.name) ?? names[0] ?? id;
    vendors.push({
      id,
      name,
      names: [...new Set([name, ...names])],
      domestic: item.domestic === true,
      location: context.tree.keyAt(path),
    });
  }
  return vendors;
}

function readProducts(value: unknown, context: LayerContext): LayerProduct[] {
  const { tree, problems } = context;
  const ids = new IdRegistry('product id', context);
  const products: LayerProduct[] = [];
  for (const [item, path] of mappings(value, ['catalog', 'products'])) {
    const given = text(item.id);
    // A product without a usable id (reported) still has its patterns compiled in this pass.
    const unique = given !== undefined && ids.claim(given, [...path, 'id']);
    const id = given ?? `#${Number(path[path.length - 1]) + 1}`;
    const name = text(item.name) ?? id;
    const category = text(item.category) ?? 'other';
    const location = tree.keyAt(path);
    const match =
      item.match === undefined
        ? [{ name: [{ kind: 'exact' as const, value: name, caseSensitive: false, location }], location }]
        : readMatches(item.match, [...path, 'match'], category, context);
    const product: LayerProduct = {
      id,
      name,
      category,
      license: (text(item.license) as LicenseModel | undefined) ?? 'commercial',
      match,
      versionScheme: (text(item.versionScheme) as VersionScheme | undefined) ?? 'auto',
      location,
    };
    const byVersion = readVersionLicenses(item.licenseByVersion, [...path, 'licenseByVersion'], context);
    if (byVersion.length > 0) product.licenseByVersion = byVersion;
    const vendor = text(item.vendor);
    if (vendor) product.vendor = vendor;
    if (typeof item.domestic === 'boolean') product.domestic = item.domestic;
    const editions = readEditions(item.editions, tree, [...path, 'editions'], problems);
    if (editions) product.editions = editions;
    const notes = text(item.notes);
    if (notes) product.notes = notes;
    if (unique) products.push(product);
  }
  return products;
}

/**
 * `licenseByVersion: [{versions, license, notes?}]`: ranges whose model differs from the product's.
 * The schema has checked the shape and the model words; a range that cannot be parsed is an error
 * here, so no installation is judged under a range nobody can read.
 */
function readVersionLicenses(value: unknown, path: Path, context: LayerContext): VersionLicense[] {
  const ranges: VersionLicense[] = [];
  for (const [item, itemPath] of mappings(value, path)) {
    const versions = readRange(item.versions, context.tree, [...itemPath, 'versions'], context.problems);
    const license = text(item.license) as LicenseModel | undefined;
    if (!versions || !license) continue;
    const range: VersionLicense = { versions, license, location: context.tree.at(itemPath) };
    const notes = text(item.notes);
    if (notes) range.notes = notes;
    ranges.push(range);
  }
  return ranges;
}

function readMatches(value: unknown, path: Path, category: string, context: LayerContext): ProductMatch[] {
  const entries = Array.isArray(value)
    ? mappings(value, path)
    : isRecord(value)
      ? [[value, path] as const]
      : [];
  const matches: ProductMatch[] = [];
  for (const [entry, entryPath] of entries) {
    const match = readMatch(entry, entryPath, category, context);
    if (match) matches.push(match);
  }
  return matches;
}

function readMatch(
  entry: Record<string, unknown>,
  path: Path,
  category: string,
  { tree, problems }: LayerContext,
): ProductMatch | undefined {
  const match: ProductMatch = { location: tree.at(path) };
  const name = readPatterns(entry.name, tree, [...path, 'name'], problems);
  if (name) match.name = name;
  const publisher = readPatterns(entry.publisher, tree, [...path, 'publisher'], problems);
  if (publisher) match.publisher = publisher;
  const osId = readStrings(entry.osId);
  if (osId) {
    if (category !== 'os') {
      problems.error(
        'os-id-not-os',
        `"osId" recognises operating systems; it applies only to products with category os, not ${category}.`,
        tree.keyAt([...path, 'osId']),
        { category: String(category) },
      );
    }
    match.osId = osId;
  }
  const version = readRange(entry.version, tree, [...path, 'version'], problems);
  if (version) match.version = version;
  if (entry.name === undefined && entry.publisher === undefined && entry.osId === undefined) {
    problems.error(
      'empty-match',
      'A match entry needs at least one of name, publisher or osId (a version alone recognises nothing).',
      tree.at(path),
      {
        what: {
          zh: '识别条目（match）至少需要 name、publisher 或 osId 之一（只有版本识别不了任何东西）',
          en: '',
        },
      },
    );
    return undefined;
  }
  return match;
}
