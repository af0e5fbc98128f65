import { describe, expect, it } from 'vitest';
import { isFolderTarget, isModulePath, splitPluginSpec } from '../src/plugin-spec.js';

describe('KIND:PATH splitting', () => {
  it('splits at the first colon only, so paths keep their colons', () => {
    expect(splitPluginSpec('csv:data/a:b.csv')).toEqual({
      kind: 'csv',
      target: 'data/a:b.csv',
      raw: 'csv:data/a:b.csv',
    });
    expect(splitPluginSpec('windows:local')).toMatchObject({ kind: 'windows', target: 'local' });
  });

  it('keeps a Windows drive letter in the path after the kind', () => {
    expect(splitPluginSpec('csv:C:\\data\\inv.csv')).toMatchObject({
      kind: 'csv',
      target: 'C:\\data\\inv.csv',
    });
    expect(splitPluginSpec('html:D:/out/report.html')).toMatchObject({
      kind: 'html',
      target: 'D:/out/report.html',
    });
  });

  it('skips the drive letter of a module path given as the kind', () => {
    expect(splitPluginSpec('C:\\plugins\\my-reporter.mjs:out.txt')).toMatchObject({
      kind: 'C:\\plugins\\my-reporter.mjs',
      target: 'out.txt',
    });
    expect(splitPluginSpec('./my-reporter.mjs:out/r.txt')).toMatchObject({
      kind: './my-reporter.mjs',
      target: 'out/r.txt',
    });
  });

  it('has no target when there is no colon (a report to stdout)', () => {
    expect(splitPluginSpec('console')).toEqual({ kind: 'console', raw: 'console' });
  });

  it('tells module paths from built-in and package names', () => {
    expect(isModulePath('./scanner.mjs')).toBe(true);
    expect(isModulePath('/opt/x/scanner.js')).toBe(true);
    expect(isModulePath('C:\\x\\scanner.mjs')).toBe(true);
    expect(isModulePath('scanner.mjs')).toBe(true);
    expect(isModulePath('csv')).toBe(false);
    expect(isModulePath('@acme/zhengban-scanner')).toBe(false);
  });

  it('treats a trailing separator as a folder target', () => {
    expect(isFolderTarget('out/tables/')).toBe(true);
    expect(isFolderTarget('out\\tables\\')).toBe(true);
    expect(isFolderTarget('out/tables.csv')).toBe(false);
  });
});
