/** Recognition: order, patterns, vendor name variants, OS identifiers, editions, memoisation. */
import { createAuditor, createRecogniser } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { buildPolicy, exact, glob, product, regex, vendor } from './policy-builder.js';

const policy = buildPolicy({
  catalog: {
    vendors: [
      vendor({ id: 'kingsoft', names: ['Kingsoft Corp.', '珠海金山办公软件有限公司'], domestic: true }),
    ],
    products: [
      // local product first: it shadows the generic WPS entry below for version 12
      product({
        id: 'wps-2023',
        category: 'office',
        match: [{ name: [glob('WPS Office*')], version: '>=12' }],
      }),
      product({
        id: 'wps',
        category: 'office',
        match: [{ name: [glob('WPS Office*')], publisher: [exact('Kingsoft Corp.')] }],
      }),
      product({
        id: 'windows',
        category: 'os',
        editions: ['Home', 'Professional', 'Enterprise'],
        match: [{ osId: ['windows'] }, { name: [glob('Microsoft Windows*')] }],
      }),
      product({ id: 'kylin', category: 'os', match: [{ osId: ['kylin'] }] }),
      product({ id: 'crack', category: 'tool', match: [{ name: [regex('(?i)^KMS.?Auto')] }] }),
      product({
        id: 'exact-case',
        category: 'tool',
        match: [{ name: [{ kind: 'exact', value: 'ABC', caseSensitive: true }] }],
      }),
    ],
  },
});

describe('createRecogniser', () => {
  const r = createRecogniser(policy);

  it('resolves a publisher through the vendor name variants', () => {
    const hit = r.recognise({
      name: 'WPS Office (11.1.0)',
      publisher: '珠海金山办公软件有限公司',
      version: '11.1.0',
    });
    expect(hit?.product.id).toBe('wps');
    expect(hit?.match).toEqual({
      entry: 0,
      text: 'name glob "WPS Office*" and publisher exact "Kingsoft Corp."',
    });
    expect(r.vendorOf('kingsoft corp')?.id).toBe('kingsoft');
    expect(
      r.recognise({ name: 'WPS Office (11.1.0)', publisher: 'Someone Else', version: '11.1.0' }),
    ).toBeUndefined();
  });

  it('tries products in catalogue order; the first match wins', () => {
    expect(
      r.recognise({ name: 'WPS Office (12.1)', publisher: 'Kingsoft Corp.', version: '12.1' })?.product.id,
    ).toBe('wps-2023');
    // a version the range cannot read does not meet the version-restricted entry
    expect(r.recognise({ name: 'WPS Office', publisher: 'Kingsoft Corp.', version: 'abc' })?.product.id).toBe(
      'wps',
    );
  });

  it('judges each version of one title on its own (title conditions are matched once per title)', () => {
    const fresh = createRecogniser(policy);
    const title = { name: 'WPS Office (x)', publisher: 'Kingsoft Corp.' };
    // the same title, versions in and out of the first entry's range, in either order
    expect(fresh.recognise({ ...title, version: '11.0' })?.product.id).toBe('wps');
    expect(fresh.recognise({ ...title, version: '12.0' })?.product.id).toBe('wps-2023');
    expect(fresh.recognise({ ...title })?.product.id).toBe('wps');
    expect(fresh.recognise({ ...title, version: '13.5' })?.match.entry).toBe(0);
    // another publisher of the same name: only the publisher-free entry can match
    expect(fresh.recognise({ ...title, publisher: 'Other', version: '12.0' })?.product.id).toBe('wps-2023');
    expect(fresh.recognise({ ...title, publisher: 'Other', version: '11.0' })).toBeUndefined();
    // texts that would collide when joined without their lengths stay apart
    expect(
      fresh.recognise({ name: 'WPS Office ', publisher: 'XKingsoft Corp.', version: '1' }),
    ).toBeUndefined();
    expect(
      fresh.recognise({ name: 'WPS Office X', publisher: 'Kingsoft Corp.', version: '1' })?.product.id,
    ).toBe('wps');
  });

  it('matches regexes in RE2 syntax and respects caseSensitive', () => {
    expect(r.recognise({ name: 'kms-auto net 1.5' })?.product.id).toBe('crack');
    expect(r.recognise({ name: 'ABC' })?.product.id).toBe('exact-case');
    expect(r.recognise({ name: 'abc' })).toBeUndefined();
  });

  it('recognises an OS by os-release ID (any case) or by name, and reads its edition', () => {
    expect(r.recogniseOs({ name: 'Kylin V10', id: 'Kylin' })?.product.id).toBe('kylin');
    const home = r.recogniseOs({
      name: 'Microsoft Windows 10 家庭中文版',
      id: 'windows',
      edition: 'CoreCountrySpecific',
    });
    expect([home?.product.id, home?.edition, home?.match.entry]).toEqual(['windows', 'Home', 0]);
    const byName = r.recogniseOs({ name: 'Microsoft Windows 7 旗舰版' });
    expect([byName?.product.id, byName?.edition, byName?.match.entry]).toEqual(['windows', 'Ultimate', 1]);
    // debian-like IDs do not make a Kylin a Debian, and a software record never has an osId
    expect(r.recogniseOs({ name: 'Debian GNU/Linux 11', id: 'debian' })).toBeUndefined();
  });

  it('reads editions from names only for products that declare editions', () => {
    expect(r.recognise({ name: 'WPS Office 专业版', publisher: 'Kingsoft Corp.' })?.edition).toBeUndefined();
    expect(r.recognise({ name: 'WPS Office', publisher: 'Kingsoft Corp.', edition: '专业版' })?.edition).toBe(
      'Professional',
    );
  });
});

describe('memoisation', () => {
  it('matches each distinct title once however many hosts carry it', async () => {
    const auditor = createAuditor(policy, { asOf: '2024-06-30' });
    for (let i = 0; i < 1000; i++) {
      auditor.add({
        id: `PC${String(i).padStart(4, '0')}`,
        unit: 'A',
        scanner: 'csv',
        software: [
          {
            name: 'WPS Office (11.1.0)',
            version: '11.1.0',
            publisher: 'Kingsoft Corp.',
            source: 'csv',
            evidence: { source: 'csv' },
          },
          { name: 'Foo', version: '1.0', source: 'csv', evidence: { source: 'csv' } },
          { name: 'Bar', version: '2.0', source: 'csv', evidence: { source: 'csv' } },
        ],
      });
    }
    const report = await auditor.finish();
    expect(report.stats).toMatchObject({
      records: 3000,
      recognitionLookups: 3000,
      recognitionDistinct: 3,
      recognitionMemoHits: 2997,
      distinctTitles: 3,
    });
    expect(report.unrecognised.map((u) => [u.name, u.hosts, u.sampleHosts])).toEqual([
      ['Bar', 1000, ['PC0000', 'PC0001', 'PC0002', 'PC0003', 'PC0004']],
      ['Foo', 1000, ['PC0000', 'PC0001', 'PC0002', 'PC0003', 'PC0004']],
    ]);
  });
});
