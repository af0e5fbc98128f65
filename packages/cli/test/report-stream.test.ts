/**
 * Reports read back as streams (report-file.ts over json-parts.ts): the same report whatever the
 * chunk size (a UTF-8 character, an escape or a bracket split between two reads), bad JSON located
 * by line:column as before, limits that name what is over them, and a report over V8's longest
 * string (~512 MiB) diffed end to end.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplianceReport, Finding, Problem } from '@zhengban/core';
import { createLogger } from '@zhengban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../src/cli-io.js';
import { diffKeeps } from '../src/diff/report-diff.js';
import { readReport } from '../src/report-file.js';
import { FIXTURES, SMALL_AUDIT, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

let dir = '';
let report: ComplianceReport;

function context(locale: 'zh-CN' | 'en' = 'en'): CliContext {
  return {
    io: { stdout: process.stdout, stderr: process.stderr, cwd: dir, env: {} },
    locale,
    logger: createLogger({ level: 'error' }),
    quiet: true,
    verbose: false,
  };
}

/** The InputError's message and location that reading `file` gives. */
function failure(file: string, limits: Parameters<typeof readReport>[2] = {}) {
  try {
    readReport(context(), file, limits);
  } catch (error) {
    const { message, problems } = error as Error & { problems: Problem[] };
    const [{ file: at, line, column }] = problems as [Problem];
    return { message, at, line, column };
  }
  throw new Error(`${file} was read`);
}

beforeAll(async () => {
  dir = scratch('zhengban-report-stream-');
  const audit = await runCli(
    [...SMALL_AUDIT, '--plan', '--mergeable', '--report', `json:${dir}/a.json`, '-q'],
    {
      cwd: FIXTURES,
    },
  );
  expect(audit.code, audit.stderr).toBeLessThan(2);
  report = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as ComplianceReport;
  // Text that a naive splitter would cut wrong: quotes, escapes, brackets, 2-, 3- and 4-byte UTF-8.
  report.findings[0]!.message.zh = '引号 " 反斜杠 \\ 括号 }] [{ é 😀 \u2028';
  report.findings[1]!.subject.unit = '}"],{\\"';
  report.findings[2]!.waiver = { id: 'w', justification: '采购中', expires: '2099-01-01' } as never;
  writeFileSync(join(dir, 'hostile.json'), `\uFEFF${JSON.stringify(report, null, 2)}`);
  writeFileSync(join(dir, 'compact.json'), JSON.stringify(report));
}, 60_000);

describe('a report read as a stream', () => {
  it('is the same report for every chunk size, with a BOM, indented or compact', () => {
    for (const file of ['hostile.json', 'compact.json']) {
      for (const chunkBytes of [1, 3, 7, 4096]) {
        expect(readReport(context(), file, { limits: { chunkBytes } }), `${file} by ${chunkBytes}`).toEqual(
          report,
        );
      }
    }
  });

  it('keeps `__proto__` as an own key, as JSON.parse does', () => {
    writeFileSync(
      join(dir, 'proto.json'),
      JSON.stringify(report).replace('{', '{"__proto__":{"polluted":1},'),
    );
    const read = readReport(context(), 'proto.json', { limits: { chunkBytes: 3 } }) as unknown as Record<
      string,
      unknown
    >;
    expect(Object.hasOwn(read, '__proto__')).toBe(true);
    expect((read as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('locates bad JSON at the same line:column whatever the chunk size', () => {
    const cases: [string, string, number, number][] = [
      ['oops.json', '{\n  "schemaVersion": 1,\n  oops\n}\n', 3, 3],
      ['comma.json', '{\n  "schemaVersion": 1\n  "asOf": "x"\n}', 3, 3],
      // V8 names no position for this one: the finding's end is the place.
      ['item.json', '{"findings": [\n  {"id": "a"},\n  {"id": tru}\n]}', 3, 14],
      ['cut.json', '{"findings": [{"id": "a"}', 1, 26],
      ['trailing.json', '{"asOf": "x"}\n}', 2, 1],
    ];
    for (const [name, text, line, column] of cases) {
      writeFileSync(join(dir, name), text);
      for (const chunkBytes of [1, 4, 1024]) {
        const got = failure(name, { limits: { chunkBytes } });
        expect(got.message, `${name} by ${chunkBytes}`).toMatch(/^invalid JSON: /);
        expect(
          { at: got.at, line: got.line, column: got.column },
          `${name} by ${chunkBytes}: ${got.message}`,
        ).toEqual({
          at: name,
          line,
          column,
        });
      }
    }
  });

  it('names the value over the part limit, and a file over the total limit', () => {
    const long = structuredClone(report);
    long.findings[2]!.subject.software = { name: 'x'.repeat(5000) } as never;
    writeFileSync(join(dir, 'long.json'), JSON.stringify(long));
    expect(failure('long.json', { limits: { maxPartChars: 4000, maxPartText: '4000 B' } }).message).toBe(
      'long.json: findings[2] alone is larger than 4000 B and cannot be read (zhengban does not write such reports)',
    );
    expect(
      failure('compact.json', { limits: { maxBytes: 1000, maxBytesText: '1000 B', chunkBytes: 100 } })
        .message,
    ).toBe('compact.json is larger than 1000 B and is not read');
  });

  it('keeps of each finding only what diff compares, and only the open ones', () => {
    const read = readReport(context(), 'hostile.json', { keepFinding: diffKeeps });
    const open = report.findings.filter((f) => !f.waiver && ['fail', 'error', 'warn'].includes(f.status));
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(report.findings.length);
    expect(read.findings.map((f) => f.id)).toEqual(open.map((f) => f.id));
    expect(read.findings.every((f) => (f as Partial<Finding>).evidence === undefined)).toBe(true);
    expect(read.findings[0]!.message).toEqual(open[0]!.message);
  });
});

describe('a report over V8 longest string', () => {
  it('diffs as the same report does without the passing findings that pad it past 512 MiB', async () => {
    const big = join(dir, 'big.json');
    const [head, tail] = JSON.stringify({ ...report, findings: ['<findings>'] }, null, 2).split(
      '"<findings>"',
    );
    const padding = JSON.stringify({
      ...report.findings[0]!,
      id: 'pad-ID',
      status: 'pass',
      evidence: ['p'.repeat(64 * 1024)],
    });
    const fd = openSync(big, 'w');
    try {
      writeSync(fd, head!);
      writeSync(fd, report.findings.map((finding) => JSON.stringify(finding)).join(','));
      for (let batch = 0; batch < 85; batch++) {
        const ids = Array.from({ length: 100 }, (_, i) => padding.replace('pad-ID', `pad-${batch}-${i}`));
        writeSync(fd, `,${ids.join(',')}`);
      }
      writeSync(fd, tail!);
    } finally {
      closeSync(fd);
    }
    // V8's longest string is 2^29 - 24 characters.
    expect(statSync(big).size).toBeGreaterThan(2 ** 29);
    const [whole, padded] = [
      await runCli(['diff', 'a.json', 'hostile.json', '--format', 'json'], { cwd: dir }),
      await runCli(['diff', 'a.json', 'big.json', '--format', 'json'], { cwd: dir }),
    ];
    rmSync(big);
    expect(padded.stderr).toBe('');
    expect(padded.code).toBe(0);
    const after = JSON.parse(padded.stdout);
    const expected = JSON.parse(whole.stdout);
    expect(after.after.file).toBe('big.json');
    expect({ ...after, after: { ...after.after, file: 'hostile.json' } }).toEqual(expected);
  }, 120_000);
});
