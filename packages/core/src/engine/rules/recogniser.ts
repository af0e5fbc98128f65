/**
 * Recognition: which catalogue product is this record (or this OS)?
 *
 * Products are tried in catalogue order (the loader puts local products before `extends`d ones),
 * each product's `match[]` entries in order; the first entry whose every stated field matches wins.
 * A publisher matches a pattern when the pattern matches the publisher as written, or any name or
 * the id of the vendor that publisher resolves to (so `珠海金山办公软件有限公司` meets `Kingsoft*`).
 * Results are memoised per (name, publisher, version, osId, edition): a fleet has thousands of
 * distinct titles but millions of records.
 */
import { canonicalEdition, editionFromName } from '../../editions.js';
import type { OsInfo, Policy, Product, ProductMatch, SourceLocation, Vendor } from '../../model.js';
import { satisfiesRange } from '../../versions/range.js';
import { ownCopy } from '../own-strings.js';
import { describeMatch, matchesAny } from '../patterns.js';

export interface RecogniseInput {
  name: string;
  publisher?: string;
  version?: string;
  /** os-release ID (`kylin`, `uos`) or `windows`; only OS products declare one. */
  osId?: string;
  /** The edition as read (record attribute or OS EditionID); canonicalised. */
  edition?: string;
}

/** Which entry of which product matched, for traces and `zhengban catalog match`. */
export interface RecognitionMatch {
  /** 0-based index into `product.match`. */
  entry: number;
  /** E.g. `name glob "WPS Office*" and publisher exact "Kingsoft Corp."`. */
  text: string;
  location?: SourceLocation;
}

export interface Recognition {
  product: Product;
  match: RecognitionMatch;
  /** Canonical edition (or the edition as read when it is not one we know). */
  edition?: string;
}

export interface Recogniser {
  /** Software records: tried against every product. */
  recognise(input: RecogniseInput): Recognition | undefined;
  /** A host's OS: tried against `category: os` products only, by os-release ID or name. */
  recogniseOs(os: OsInfo): Recognition | undefined;
  /** The vendor a publisher name (or vendor id) resolves to. */
  vendorOf(publisher: string | undefined): Vendor | undefined;
  /** Memo counters: lookups, hits (answered from the memo), distinct keys matched. */
  readonly stats: { lookups: number; hits: number; distinct: number };
}

/** `Kingsoft Corp.` and `kingsoft corp` are one spelling. */
export function normaliseVendorName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.,;\s]+$/, '');
}

/** Canonical edition for a value read from a record or an OS; the raw text when unknown. */
export function readEdition(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  return canonicalEdition(text) ?? editionFromName(text) ?? text;
}

const MEMO_LIMIT = 500_000;

/**
 * Whether the edition of a product is read from a record's name: when the product declares editions,
 * or when the policy restricts editions for it (an entitlement with `editions`) or for its class
 * (`requirements.editions`). Otherwise a name's word stays a word: `.NET Core` is no Home edition.
 * docs/semantics.md#editions.
 */
export function editionRestricted(policy: Policy): (product: Product) => boolean {
  const products = new Set(
    policy.entitlements.filter((e) => e.editions && e.editions.length > 0).map((e) => e.product),
  );
  const classes = new Set(
    Object.entries(policy.requirements.editions)
      .filter(([, rule]) => (rule.allow?.length ?? 0) > 0 || (rule.deny?.length ?? 0) > 0)
      .map(([cls]) => cls),
  );
  return (product) =>
    (product.editions !== undefined && product.editions.length > 0) ||
    products.has(product.id) ||
    classes.has(product.category);
}

interface TitleEntry {
  product: Product;
  /** Index into `product.match`. */
  index: number;
  entry: ProductMatch;
}

export function createRecogniser(policy: Policy): Recogniser {
  const vendorsByName = new Map<string, Vendor>();
  for (const vendor of policy.catalog.vendors) {
    vendorsByName.set(normaliseVendorName(vendor.id), vendor);
    vendorsByName.set(normaliseVendorName(vendor.name), vendor);
    for (const name of vendor.names) vendorsByName.set(normaliseVendorName(name), vendor);
  }
  const products = policy.catalog.products;
  const osProducts = products.filter((p) => p.category === 'os');
  const memo = new Map<string, Recognition | null>();
  /**
   * Per candidate list and (name, publisher, OS id): the entries whose other conditions that title
   * meets, in catalogue order. The versions of one title (thousands of titles, a few versions each)
   * then only test those entries' version ranges instead of every pattern of the catalogue.
   */
  const titleEntries = new Map<readonly Product[], Map<string, TitleEntry[]>>();
  const stats = { lookups: 0, hits: 0, distinct: 0 };
  const readsEditionFromName = editionRestricted(policy);

  function vendorOf(publisher: string | undefined): Vendor | undefined {
    return publisher ? vendorsByName.get(normaliseVendorName(publisher)) : undefined;
  }

  function publisherMatches(entry: ProductMatch, publisher: string | undefined): boolean {
    if (!entry.publisher || entry.publisher.length === 0) return true;
    if (!publisher) return false;
    if (matchesAny(entry.publisher, publisher)) return true;
    const vendor = vendorOf(publisher);
    if (!vendor) return false;
    return [vendor.id, vendor.name, ...vendor.names].some((name) => matchesAny(entry.publisher!, name));
  }

  /** The entry's conditions other than the version: they depend on the title (and OS id) only. */
  function titleMatches(entry: ProductMatch, input: RecogniseInput): boolean {
    const stated = entry.name?.length || entry.publisher?.length || entry.osId?.length || entry.version;
    if (!stated) return false;
    if (entry.osId && entry.osId.length > 0) {
      const id = input.osId?.trim().toLowerCase();
      if (!id || !entry.osId.some((want) => want.toLowerCase() === id)) return false;
    }
    if (entry.name && entry.name.length > 0 && !matchesAny(entry.name, input.name)) return false;
    return publisherMatches(entry, input.publisher);
  }

  function versionMatches(product: Product, entry: ProductMatch, input: RecogniseInput): boolean {
    if (!entry.version) return true;
    // A record whose version cannot be read does not meet a version-restricted entry.
    return !!input.version && satisfiesRange(input.version, entry.version, product.versionScheme) === true;
  }

  function describe(entry: ProductMatch): string {
    return describeMatch(entry);
  }

  function entriesOfTitle(candidates: readonly Product[], input: RecogniseInput): TitleEntry[] {
    let byTitle = titleEntries.get(candidates);
    if (!byTitle) {
      byTitle = new Map();
      titleEntries.set(candidates, byTitle);
    }
    // Lengths up front: unambiguous whatever the texts hold.
    const publisher = input.publisher ?? '';
    const key = `${input.name.length}:${publisher.length}:${input.name}${publisher}${input.osId ?? ''}`;
    let entries = byTitle.get(key);
    if (entries === undefined) {
      entries = [];
      for (const product of candidates) {
        for (let i = 0; i < product.match.length; i++) {
          const entry = product.match[i]!;
          if (titleMatches(entry, input)) entries.push({ product, index: i, entry });
        }
      }
      if (byTitle.size >= MEMO_LIMIT) byTitle.clear();
      byTitle.set(ownCopy(key), entries);
    }
    return entries;
  }

  function find(candidates: readonly Product[], input: RecogniseInput, key: string): Recognition | undefined {
    stats.lookups++;
    const known = memo.get(key);
    if (known !== undefined) {
      stats.hits++;
      return known ?? undefined;
    }
    let found: Recognition | null = null;
    for (const { product, index, entry } of entriesOfTitle(candidates, input)) {
      if (!versionMatches(product, entry, input)) continue;
      let edition = readEdition(input.edition);
      if (!edition && readsEditionFromName(product)) edition = editionFromName(input.name);
      found = {
        product,
        match: { entry: index, text: describe(entry), location: entry.location ?? product.location },
      };
      if (edition) found.edition = edition;
      break;
    }
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, found);
    stats.distinct++;
    return found ?? undefined;
  }

  return {
    recognise(input) {
      const key = `s\u0000${input.name}\u0000${input.publisher ?? ''}\u0000${input.version ?? ''}\u0000${input.osId ?? ''}\u0000${input.edition ?? ''}`;
      return find(products, input, key);
    },
    recogniseOs(os) {
      const input: RecogniseInput = { name: os.name, version: os.version, osId: os.id, edition: os.edition };
      const key = `o\u0000${os.name}\u0000\u0000${os.version ?? ''}\u0000${os.id ?? ''}\u0000${os.edition ?? ''}`;
      return find(osProducts, input, key);
    },
    vendorOf,
    stats,
  };
}
