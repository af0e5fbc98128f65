/**
 * The store keeps evidence as numbers (evidence-codes.ts): whatever a scanner or plugin put into a
 * piece of evidence must come back equal in the findings, and only plain (source, file, line)
 * evidence may be coded.
 */
import { describe, expect, it } from 'vitest';
import { EvidenceCodes } from '../../src/engine/evidence-codes.js';
import type { Evidence } from '../../src/model.js';

describe('EvidenceCodes', () => {
  it('gives back equal evidence for every shape, coding only source, file and line', () => {
    const codes = new EvidenceCodes();
    const pieces: Evidence[] = [
      { source: 'csv', file: '/data/a.csv', line: 2 },
      { source: 'csv', file: '/data/a.csv', line: 0 },
      { source: 'csv', file: '/data/a.csv', line: 2 ** 32 - 2 },
      { source: 'csv', file: '/data/b.csv', line: 7 },
      { source: 'glpi', file: '/data/a.csv', line: 7 },
      { source: 'csv', file: '/data/a.csv' },
      { source: 'windows:reg-query', file: 'r.txt', line: 3, detail: 'DisplayName REG_SZ WPS' },
      { source: 'osquery', file: 'o.json', key: '/0/programs/3' },
      { source: 'csv', file: 'c.csv', line: 4, column: 2 },
      { source: 'csv', file: 'c.csv', line: -1 },
      { source: 'csv', file: 'c.csv', line: 1.5 },
      { source: 'csv', file: 'c.csv', line: 2 ** 32 },
      { source: 'plugin', line: 9 },
      { source: 'plugin', file: 'p.txt', line: 9, extra: 'kept' } as Evidence,
    ];
    const coded = pieces.map((e) => codes.encode(e));
    expect(coded.map((c) => codes.decode(c))).toStrictEqual(pieces);
    // The first six are plain; the other eight are kept whole.
    expect(coded.slice(0, 6).every((c) => c >= 0)).toBe(true);
    expect(codes.kept).toBe(8);
  });

  it('codes the same source, file and line the same way, and distinct lines apart', () => {
    const codes = new EvidenceCodes();
    const a = codes.encode({ source: 'csv', file: 'x.csv', line: 10 });
    expect(codes.encode({ source: 'csv', file: `${'x'}.csv`, line: 10 })).toBe(a);
    expect(codes.encode({ source: 'csv', file: 'x.csv', line: 11 })).not.toBe(a);
    expect(codes.encode({ source: 'csv', file: 'y.csv', line: 10 })).not.toBe(a);
    expect(codes.kept).toBe(0);
  });
});
