/** Version comparison per scheme, with real strings from REFERENCE.md and the shared samples. */
import { readFileSync } from 'node:fs';
import { compareVersions, detectScheme, parseVersion } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { describeSamples, sample } from '../../../../test-support/shared.js';

describe('windows (4-part numeric)', () => {
  it.each([
    ['10.0.19045.3803', '10.0.19045.3570', 1],
    ['10.0.19045.3803', '10.0.22631.2861', -1],
    ['6.1.7601', '6.1.7601.0', 0],
    ['16.0.10827.20181', '16.0.4266.1001', 1], // numeric, not string, comparison
  ] as const)('%s vs %s → %i', (a, b, want) => {
    expect(compareVersions(a, b, 'windows')).toBe(want);
  });

  it('rejects more than four parts and non-numbers with the reason', () => {
    expect(parseVersion('1.2.3.4.5', 'windows')).toEqual({
      ok: false,
      reason: 'a Windows version has at most 4 parts, not 5',
    });
    expect(parseVersion('12.0a', 'windows')).toEqual({
      ok: false,
      reason: 'a Windows version is numbers separated by dots',
    });
  });
});

describe('dpkg (Debian ordering)', () => {
  it.each([
    ['1:2.30-1ubuntu1~20.04', '2.31-1', 1], // the epoch wins
    ['1:2.30-1ubuntu1~20.04', '1:2.30-1ubuntu1', -1], // ~ sorts before the end
    ['2.30~rc1', '2.30', -1],
    ['2.30+dfsg', '2.30', 1],
    ['2.2.16-6+squeeze6', '2.2.16-6', 1],
    ['0.8.10.3+squeeze1', '0.8.9', 1],
    ['9100h-6', '9100g-6', 1],
    ['1.0', '1.00', 0],
    ['1.0-1', '1.0', 1],
  ] as const)('%s vs %s → %i', (a, b, want) => {
    expect(compareVersions(a, b, 'dpkg')).toBe(want);
  });

  it('reads epoch, upstream and revision', () => {
    const parsed = parseVersion('1:2.30-1ubuntu1~20.04', 'dpkg');
    expect(parsed).toMatchObject({
      ok: true,
      version: { scheme: 'dpkg', epoch: 1, upstream: '2.30', revision: '1ubuntu1~20.04' },
    });
    expect(parseVersion('x:1.0', 'dpkg')).toEqual({ ok: false, reason: 'epoch "x" is not a number' });
  });
});

describe('rpm (rpmvercmp)', () => {
  it.each([
    ['0:1.2.3-4.el7', '1.2.3-4.el7', 0], // epoch 0 is no epoch
    ['1:1.0-1', '2.0-1', 1],
    ['1.2.3-4.el7', '1.2.3-10.el7', -1],
    ['2.17-106.el7_2.6', '2.17-106.el7_2.4', 1],
    ['1.0~rc1-1', '1.0-1', -1],
    ['1.0^git1-1', '1.0-1', 1],
    ['1.0a', '1.0', 1],
    ['1.0', '1.0.1', -1],
    ['2.0-12.cm2', '2.0-9.cm2', 1],
  ] as const)('%s vs %s → %i', (a, b, want) => {
    expect(compareVersions(a, b, 'rpm')).toBe(want);
  });

  it('ignores the release when one side has none, as rpm does', () => {
    expect(compareVersions('1.2.3', '1.2.3-4.el7', 'rpm')).toBe(0);
  });
});

describe('semver', () => {
  it.each([
    ['1.2.3', '1.2.10', -1],
    ['2.0.0-beta.1', '2.0.0', -1],
    ['v2', '2.0.0', 0], // coerced loosely
    ['14.0.7015.1000', '14.0.7015', 0], // four parts coerce to three
  ] as const)('%s vs %s → %i', (a, b, want) => {
    expect(compareVersions(a, b, 'semver')).toBe(want);
  });
});

describe('auto', () => {
  it.each([
    ['10.0.19045.3803', 'windows'],
    ['1:2.30-1ubuntu1~20.04', 'dpkg'],
    ['2.30-1ubuntu1', 'dpkg'],
    ['1.2.3-4.el7', 'dpkg'],
    ['1.2.3-beta.1', 'semver'],
    ['1.2.3+build.5', 'semver'],
    ['2.0a', 'dpkg'],
  ] as const)('%s is read as %s', (text, scheme) => {
    expect(detectScheme(text)).toBe(scheme);
  });

  it('compares values of different schemes the dpkg way', () => {
    expect(compareVersions('1.2.3-beta.1', '1.2.4', 'auto')).toBe(-1);
  });
});

describe('unreadable versions give a reason, never an order', () => {
  it.each([
    ['abc', 'the version contains no digit'],
    ['', 'the version is empty'],
    ['   ', 'the version is empty'],
    ['1.0\u0007', 'the version contains the control character U+0007'],
    ['16.0 (build 10827)', 'the version contains a space'],
  ])('%j', (text, reason) => {
    for (const scheme of ['auto', 'windows', 'dpkg', 'rpm', 'semver'] as const) {
      expect(parseVersion(text, scheme)).toEqual({ ok: false, reason });
      expect(compareVersions(text, '1.0', scheme)).toEqual({ error: `"${text}": ${reason}` });
    }
  });
});

describeSamples('versions from real package lists', () => {
  it('reads and orders every version of a Debian dpkg-query listing', () => {
    const lines = readFileSync(sample('linux/fusioninventory_debian-squeeze_dpkg-query-W.txt'), 'utf8')
      .split('\n')
      .filter(Boolean);
    const status = readFileSync(
      sample('linux/jason416_ubuntu-base-20.04-armhf_var-lib-dpkg-status.PARTIAL'),
      'utf8',
    );
    const versions = [
      ...lines.map((l) => l.split('\t')[2]!),
      ...[...status.matchAll(/^Version: (.+)$/gm)].map((m) => m[1]!),
    ];
    expect(versions).toContain('1:2.34-0.1ubuntu9');
    expect(versions.length).toBe(28); // 15 dpkg-query lines + 13 status stanzas
    for (const v of versions) expect(parseVersion(v, 'dpkg').ok, v).toBe(true);
    // Ordering is transitive on real data: sorting then checking neighbours never finds an inversion.
    const sorted = [...versions].sort((a, b) => compareVersions(a, b, 'dpkg') as number);
    for (let i = 1; i < sorted.length; i++)
      expect(compareVersions(sorted[i - 1]!, sorted[i]!, 'dpkg')).not.toBe(1);
  });

  it('reads every epoch:version-release of a CentOS 7 rpm query', () => {
    const lines = readFileSync(sample('linux/ohai_centos7_rpmquery.output.txt'), 'utf8')
      .split('\n')
      .filter(Boolean);
    const evrs = lines.map((l) => {
      const [, epoch, version, release] = l.split(/\s+/);
      return `${epoch}:${version}-${release}`;
    });
    for (const evr of evrs) expect(parseVersion(evr, 'rpm').ok, evr).toBe(true);
    expect(evrs).toContain('0:2.17-106.el7_2.6');
    expect(compareVersions('0:3.10.0-862.2.3.el7', '0:3.10.0-862.el7', 'rpm')).toBe(1);
    expect(compareVersions('0:2.17-106.el7_2.6', '0:2.17-105.el7', 'rpm')).toBe(1);
  });
});
