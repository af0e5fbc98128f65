/** The per-host title id sets (title-registry.ts): sorted, deduplicated, fresh ids reported once. */
import { describe, expect, it } from 'vitest';
import { EMPTY_IDS, hasId, mergeIds } from '../../src/engine/title-registry.js';

const ids = (set: string | Uint32Array) =>
  typeof set === 'string'
    ? [...set].flatMap((c) => [...Array(c.length)].map((_, i) => c.charCodeAt(i)))
    : [...set];

describe('title id sets', () => {
  it('merges sorted and unique, reporting only ids not already present', () => {
    const first = mergeIds(EMPTY_IDS, [42, 7, 42, 300, 7]);
    expect(ids(first.merged)).toEqual([7, 42, 300]);
    expect(first.fresh).toEqual([7, 42, 300]);
    const second = mergeIds(first.merged, [300, 5, 0xd800, 0xdfff, 0xffff, 6]);
    expect(ids(second.merged)).toEqual([5, 6, 7, 42, 300, 0xd800, 0xdfff, 0xffff]);
    expect(second.fresh).toEqual([5, 6, 0xd800, 0xdfff, 0xffff]);
    for (const id of [5, 7, 0xd800, 0xffff]) expect(hasId(second.merged, id)).toBe(true);
    for (const id of [0, 8, 0xd801, 0x10000]) expect(hasId(second.merged, id)).toBe(false);
    expect(mergeIds(second.merged, [7, 300]).fresh).toEqual([]);
  });

  it('holds ids beyond 16 bits and thousands of ids on one host', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 65_536);
    const set = mergeIds(EMPTY_IDS, many).merged;
    expect(set.length).toBe(new Set(many).size);
    expect(hasId(set, 7919)).toBe(true);
    const wide = mergeIds(set, [70_000, 3]);
    expect(wide.merged).toBeInstanceOf(Uint32Array);
    expect(hasId(wide.merged, 70_000) && hasId(wide.merged, 3) && hasId(wide.merged, 7919)).toBe(true);
    expect(wide.fresh).toEqual(hasId(set, 3) ? [70_000] : [3, 70_000]);
  });
});
