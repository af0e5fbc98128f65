/**
 * The bad-input corpus of the scanners: each case is a hostile or broken input (written to a temp
 * folder by the test, so big inputs are generated, never committed) and the exact outcome a user
 * sees: the input's counts, every problem as `file:line  severity  message  (code)`, and the records
 * that were accepted. Cases are data, so the corpus summary can count them without running them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  formatProblem,
  type InputSummary,
  type Problem,
  runScanner,
  type Scanner,
  ZhengbanError,
} from '@zhengban/core';
import { readUnitsFile } from '@zhengban/scanners';

/** The formats of the corpus (one folder each). */
export type BadInputFormat =
  | 'csv'
  | 'reg-query'
  | 'reg-export'
  | 'powershell-json'
  | 'slmgr'
  | 'dpkg-status'
  | 'rpm'
  | 'os-release'
  | 'osquery'
  | 'units'
  | 'policy';

export type Counts = Pick<InputSummary, 'hosts' | 'read' | 'accepted' | 'rejected' | 'ignored'>;

export interface ExpectedOutcome {
  counts: Counts;
  /** Every problem, formatted as the CLI prints it, with the temp folder shown as `<dir>`. */
  problems: string[];
  /**
   * Accepted records as `host | name | version`, the OS as `host | os: name | version | status kms`
   * (units: `name | staff | parent`). For inputs with thousands of records: how many, and the first few.
   */
  records: string[] | { count: number; first: string[] };
}

export interface BadInputCase {
  /** Unique within its format: what is wrong with the input. */
  id: string;
  format: BadInputFormat;
  /** Files to write (path relative to the case folder → text or bytes); built lazily. */
  files: () => Record<string, string | Uint8Array>;
  /** The path scanned, relative to the case folder; default the first file. `.` = the folder. */
  input?: string;
  /** The scanner (absent for the units file, which readUnitsFile reads). */
  scanner?: () => Scanner;
  expected: ExpectedOutcome;
}

export interface ActualOutcome extends ExpectedOutcome {
  /** The raw problems, for assertions the formatted line cannot express. */
  raw: Problem[];
}

/** Writes the case's files to a fresh temp folder, runs it and removes the folder again. */
export async function runBadInputCase(testCase: BadInputCase): Promise<ActualOutcome> {
  const root = mkdtempSync(join(tmpdir(), `zhengban-bad-${testCase.format}-`));
  try {
    const files = testCase.files();
    for (const [relative, content] of Object.entries(files)) {
      const path = join(root, relative);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    const input = join(root, testCase.input ?? Object.keys(files)[0]!);
    const shown = (text: string) => text.split(root).join('<dir>');
    if (!testCase.scanner) {
      let read: Awaited<ReturnType<typeof readUnitsFile>>;
      try {
        read = await readUnitsFile(input);
      } catch (error) {
        // A units file that cannot be read at all: one fatal problem, as runScanner reports a scanner's.
        if (!(error instanceof ZhengbanError)) throw error;
        const fatal = error.problems.map((problem) => shown(formatProblem(problem)));
        return { counts: counts(0, 0, 0, 0), problems: fatal, records: [], raw: error.problems };
      }
      const { units, problems, summary } = read;
      return {
        counts: {
          hosts: summary.hosts,
          read: summary.read,
          accepted: summary.accepted,
          rejected: summary.rejected,
          ignored: summary.ignored,
        },
        problems: problems.map((problem) => shown(formatProblem(problem))),
        records: units.map((unit) => `${unit.name} | ${unit.staff ?? ''} | ${unit.parent ?? ''}`),
        raw: problems,
      };
    }
    const run = runScanner(testCase.scanner(), input);
    const records: string[] = [];
    for await (const host of run.hosts) {
      if (host.os) {
        const { licenseStatus, kmsHost } = host.os.attributes ?? {};
        const os = `${host.id} | os: ${host.os.name} | ${host.os.version ?? ''} | ${licenseStatus ?? ''} ${kmsHost ?? ''}`;
        records.push(os.trimEnd());
      }
      for (const record of host.software) {
        records.push(`${host.id} | ${record.name} | ${record.version ?? ''}`);
      }
    }
    const { hosts, read, accepted, rejected, ignored } = run.summary;
    const sample = testCase.expected.records;
    return {
      counts: { hosts, read, accepted, rejected, ignored },
      problems: run.problems.map((problem) => shown(formatProblem(problem))),
      records: Array.isArray(sample)
        ? records
        : { count: records.length, first: records.slice(0, sample.first.length) },
      raw: run.problems,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Shorthand for expected counts. */
export function counts(hosts: number, read: number, accepted: number, rejected: number, ignored = 0): Counts {
  return { hosts, read, accepted, rejected, ignored };
}

/** Placeholder while a case is written: the probe prints the actual outcome. */
export const PENDING: ExpectedOutcome = {
  counts: counts(-1, -1, -1, -1, -1),
  problems: ['PENDING'],
  records: [],
};
