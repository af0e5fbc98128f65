/**
 * What the readers of one policy file share: the located data, the problem list, the product
 * references to check after merging, and small helpers for list sections and ids.
 */
import type { SourceLocation } from '../model.js';
import { isRecord } from './policy-values.js';
import type { Path, PolicyTree } from './policy-yaml.js';
import type { ProblemList } from './problem-list.js';

/** A product id used somewhere, checked against the merged catalogue. */
export interface ProductReference {
  id: string;
  /** What refers to it, for the message: `Entitlement "ENT-1"`. */
  from: string;
  location: SourceLocation;
}

/** What the section readers share. */
export interface LayerContext {
  tree: PolicyTree;
  problems: ProblemList;
  references: ProductReference[];
}

/**
 * Tracks ids within one file: a second item with the same id is an error naming the first one's
 * line (a later *file* may override an earlier one; that is merging, not duplication).
 */
export class IdRegistry {
  private readonly seen = new Map<string, SourceLocation>();

  constructor(
    private readonly what: string,
    private readonly context: LayerContext,
  ) {}

  /** True when `id` is new in this file; otherwise records the duplicate. */
  claim(id: string, path: Path): boolean {
    const first = this.seen.get(id);
    const location = this.context.tree.at(path);
    if (first) {
      this.context.problems.error(
        'duplicate-id',
        `Duplicate ${this.what} "${id}" in this file (first defined at line ${first.line}); within one file each must be unique.`,
        location,
        { what: this.what, id, line: first.line ?? '?' },
      );
      return false;
    }
    this.seen.set(id, location);
    return true;
  }
}

/** The items of a list section with their paths, skipping entries that are not mappings. */
export function mappings(value: unknown, path: Path): Array<[Record<string, unknown>, Path]> {
  if (!Array.isArray(value)) return [];
  const items: Array<[Record<string, unknown>, Path]> = [];
  value.forEach((item, index) => {
    if (isRecord(item)) items.push([item, [...path, index]]);
  });
  return items;
}

export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
