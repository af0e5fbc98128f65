import { getReporter, reporterNames } from '@zhengban/reporters';
import { describe, expect, it } from 'vitest';

describe('reporter registry', () => {
  it('names the eight built-ins and returns each by name', () => {
    expect(reporterNames()).toEqual(['console', 'json', 'html', 'csv', 'xlsx', 'markdown', 'sarif', 'junit']);
    const extensions = reporterNames().map((name) => {
      const reporter = getReporter(name)!;
      expect(reporter.name).toBe(name);
      return [reporter.extension, reporter.binary === true];
    });
    expect(extensions).toEqual([
      ['txt', false],
      ['json', false],
      ['html', false],
      ['csv', false],
      ['xlsx', true],
      ['md', false],
      ['sarif', false],
      ['xml', false],
    ]);
  });

  it('returns undefined for an unknown name and passes options to the csv factory', async () => {
    expect(getReporter('pdf')).toBeUndefined();
    expect(getReporter('__proto__')).toBeUndefined();
    expect(() => getReporter('csv', { table: 'nope' })).toThrow('csv: unknown table "nope"');
  });
});
