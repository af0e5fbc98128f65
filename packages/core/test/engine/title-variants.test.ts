/**
 * A record's title variant (name, publisher, version, edition as read) is found by its name and
 * then compared field by field; a name with many variants (a browser in forty versions) is looked
 * up by its whole key. Either way each distinct variant is made once, and records that differ in
 * any field are different variants.
 */
import { createAuditor, type HostInventory, type SoftwareRecord } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { buildPolicy, glob, product } from './policy-builder.js';

const policy = buildPolicy({
  catalog: {
    products: [product({ id: 'browser', category: 'tool', match: [{ name: [glob('Browser*')] }] })],
  },
  settings: { asOf: '2024-06-30' },
});

function record(name: string, version?: string, publisher?: string, edition?: string): SoftwareRecord {
  const r: SoftwareRecord = { name, source: 'csv', evidence: { source: 'csv', file: 'inv.csv', line: 2 } };
  if (version !== undefined) r.version = version;
  if (publisher !== undefined) r.publisher = publisher;
  if (edition !== undefined) r.attributes = { edition };
  return r;
}

/** 40 versions of one name, a name in two publishers' spellings, editions, and no version at all. */
function software(): SoftwareRecord[] {
  return [
    ...Array.from({ length: 40 }, (_, v) => record('Browser', `120.0.${v}`, 'Browser Inc.')),
    record('Browser', '120.0.1', 'Other Corp.'),
    record('Browser', '120.0.1'),
    record('Browser', '120.0.1', 'Browser Inc.', 'Enterprise'),
    record('Viewer', '1.0', 'A'),
    record('Viewer', '1.0', 'B'),
    record('Viewer', '1.0', 'B', 'Pro'),
    record('Viewer', undefined, 'B'),
    record('Viewer', '1.0 ', ' B '),
  ];
}

async function variantsAfter(arrivals: number): Promise<number> {
  const auditor = createAuditor(policy, {});
  for (let a = 0; a < arrivals; a++)
    for (let h = 0; h < 3; h++) {
      const host: HostInventory = { id: `PC${h}`, unit: 'A', scanner: 'csv', software: software() };
      auditor.add(host);
    }
  return (await auditor.finish()).stats!.titleVariants ?? -1;
}

describe('title variants', () => {
  it('are made once per distinct name, publisher, version and edition, whatever the number of hosts and arrivals', async () => {
    // 40 + 3 Browser variants; Viewer: A, B, B+Pro, B without version (the last record trims to B 1.0).
    expect(await variantsAfter(1)).toBe(47);
    expect(await variantsAfter(4)).toBe(47);
  });
});
