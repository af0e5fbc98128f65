/** Version ranges: the grammar, partial bounds, per-scheme checks, licence rights and errors. */
import { parseVersionRange, satisfiesRange, widenRange } from '@zhengban/core';
import { describe, expect, it } from 'vitest';

describe('parseVersionRange', () => {
  it('reads comparators, bare versions and alternatives', () => {
    expect(parseVersionRange('>=9 <13 || =16')).toEqual({
      ok: true,
      range: {
        text: '>=9 <13 || =16',
        alternatives: [
          [
            { operator: '>=', version: '9' },
            { operator: '<', version: '13' },
          ],
          [{ operator: '=', version: '16' }],
        ],
      },
    });
    expect(parseVersionRange('10.0.19045')).toMatchObject({
      ok: true,
      range: { alternatives: [[{ operator: '=', version: '10.0.19045' }]] },
    });
    expect(parseVersionRange('>= 6.1')).toMatchObject({
      ok: true,
      range: { alternatives: [[{ operator: '>=', version: '6.1' }]] },
    });
  });

  it.each([
    ['', 'the range is empty', { kind: 'empty' }],
    ['>=', '">=" has an operator but no version', { kind: 'no-version', token: '>=' }],
    [
      '^1.2',
      '"^1.2": the operators ~ and ^ are not supported; write >= and < instead',
      { kind: 'tilde-caret', token: '^1.2' },
    ],
    ['>=abc', '"abc" is not a version (write e.g. >=9 <13)', { kind: 'not-a-version', token: 'abc' }],
    ['>=9 ||', '"||" has nothing on one side in ">=9 ||"', { kind: 'empty-alternative' }],
    ['1.2 - 1.4', '"-" is not a version (write e.g. >=9 <13)', { kind: 'not-a-version', token: '-' }],
  ])('rejects %j: %s', (text, reason, fault) => {
    // `fault` is what the zh-CN text is worded from (problem-texts/range-faults.ts).
    expect(parseVersionRange(text)).toEqual({ ok: false, reason, fault });
  });
});

describe('satisfiesRange', () => {
  it.each([
    // a bound constrains only the parts it states
    ['6.1.7601', '>=6.1', 'windows', true],
    ['12.9', '<13', 'auto', true],
    ['14.0.7015.1000', '>=14 <15', 'auto', true],
    ['14.0.7015.1000', '>=14 <15', 'semver', true],
    ['10.0.19045.3803', '10.0.19045', 'windows', true],
    ['10.0.22631.2861', '=10.0.19045', 'windows', false],
    ['16.0.5.1', '<=16.0.5', 'windows', true],
    ['16.0.6', '<=16.0.5', 'windows', false],
    ['13.0', '>=9 <13', 'auto', false],
    ['13.0', '>=9 <13 || =13', 'auto', true],
    // dpkg: a bound without epoch or revision ignores them
    ['1:2.30-1ubuntu1~20.04', '>=2.30 <2.31', 'dpkg', true],
    ['1:2.30-1ubuntu1~20.04', '>=2:2.30', 'dpkg', false],
    ['2.30~rc1', '>=2.30', 'dpkg', false],
    ['2.30-1ubuntu1', '<=2.30-1', 'dpkg', false],
    // rpm
    ['0:1.2.3-4.el7', '>=1.2 <1.3', 'rpm', true],
    ['1.2.3-4.el7', '>=1.2.3-5', 'rpm', false],
    ['*', '*', 'auto', { error: 'version "*" cannot be read (auto scheme): the version contains no digit' }],
  ] as const)('%s in %s (%s) → %j', (version, range, scheme, want) => {
    expect(satisfiesRange(version, range, scheme)).toEqual(want);
  });

  it('is any version for "*"', () => {
    expect(satisfiesRange('3.2', '*', 'auto')).toBe(true);
  });

  it('names the unreadable version and the scheme instead of answering', () => {
    expect(satisfiesRange('abc', '>=1', 'auto')).toEqual({
      error: 'version "abc" cannot be read (auto scheme): the version contains no digit',
    });
    expect(satisfiesRange('', '>=1', 'windows')).toEqual({
      error: 'version "" cannot be read (windows scheme): the version is empty',
    });
    expect(satisfiesRange('1.0\u0001', '>=1', 'rpm')).toEqual({
      error:
        'version "1.0\u0001" cannot be read (rpm scheme): the version contains the control character U+0001',
    });
    expect(satisfiesRange('10.0.1', '>=2.30+dfsg', 'windows')).toEqual({
      error:
        'range bound "2.30+dfsg" in ">=2.30+dfsg" is not a windows version: a Windows version is numbers separated by dots',
    });
    expect(satisfiesRange('1.0', '>=', 'auto')).toEqual({
      error: 'version range ">=": ">=" has an operator but no version',
    });
  });
});

describe('widenRange (licence rights)', () => {
  const range = (text: string) => {
    const r = parseVersionRange(text);
    if (!r.ok) throw new Error(r.reason);
    return r.range;
  };
  it('downgrade rights drop the lower bound; upgrade rights the upper', () => {
    expect(satisfiesRange('14.0', widenRange(range('>=16 <17'), { downgrade: true }), 'auto')).toBe(true);
    expect(satisfiesRange('17.0', widenRange(range('>=16 <17'), { downgrade: true }), 'auto')).toBe(false);
    expect(satisfiesRange('17.0', widenRange(range('>=16 <17'), { upgrade: true }), 'auto')).toBe(true);
    expect(satisfiesRange('15.0', widenRange(range('=16'), { downgrade: true }), 'auto')).toBe(true);
    expect(satisfiesRange('17.0', widenRange(range('=16'), { downgrade: true }), 'auto')).toBe(false);
  });
});
