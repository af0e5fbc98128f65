/**
 * Putting collected computers into units: the rules of a `--hosts` file and of a units file with a
 * computer column (计算机名, 单位), applied to every host of every scanner as it streams by. A rule
 * fills a host without a unit; where the input already names another unit the rule wins (the
 * operator said so on purpose) and a warning names both.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type HostInventory, InputError, type InputSummary, type Problem } from '@zhengban/core';
import { HostUnitMap, type HostUnitRule, readHostsFile } from '@zhengban/scanners';
import type { CliContext } from './cli-io.js';
import { msg } from './messages.js';

export interface HostUnits {
  map: HostUnitMap;
  /** Problems of the hosts file, then the disagreements found while scanning. */
  problems: Problem[];
  /** Puts one host in its unit (mutates it). */
  assign(host: HostInventory): void;
  /**
   * The report's input line once scanning is done: the hosts file with its counts, or — when the
   * rules came from the units file only and a disagreement was found — a line without counts that
   * carries the warnings (the units file's rows are already counted on its own line).
   */
  inputLine(): { summary: InputSummary; problems: Problem[] } | undefined;
}

/** The `--hosts` file, plus the units file's computer rules (the hosts file's come first). */
export async function loadHostUnits(
  ctx: CliContext,
  file: string | undefined,
  unitsFileRules: readonly HostUnitRule[],
  /** The units file as the user wrote it, naming the line of its rules' warnings. */
  unitsFile?: string,
): Promise<HostUnits | undefined> {
  if (file === undefined && unitsFileRules.length === 0) return undefined;
  let rules: HostUnitRule[] = [...unitsFileRules];
  const problems: Problem[] = [];
  let summary: InputSummary | undefined;
  if (file !== undefined) {
    const path = resolve(ctx.io.cwd, file);
    if (!existsSync(path)) {
      throw new InputError(msg(ctx.locale, 'hostsMissing', { path: file }), { file, source: 'hosts' });
    }
    const read = await readHostsFile(path);
    rules = [...read.rules, ...rules];
    problems.push(...read.problems);
    summary = { ...read.summary, source: `hosts:${file}` };
  }
  const map = new HostUnitMap(rules);
  const warned = new Set<string>();
  return {
    map,
    problems,
    inputLine() {
      if (summary) return { summary, problems };
      if (problems.length === 0) return undefined;
      const counts = { hosts: 0, read: 0, accepted: 0, rejected: 0, ignored: 0 };
      return { summary: { source: `hosts:${unitsFile ?? 'units'}`, scanner: 'hosts', ...counts }, problems };
    },
    assign(host) {
      const rule = map.ruleFor(host.id);
      if (rule === undefined || host.unit === rule.unit) return;
      if (host.unit !== undefined && !warned.has(host.id)) {
        warned.add(host.id);
        const params = { host: host.id, read: host.unit, unit: rule.unit, pattern: rule.pattern };
        problems.push({
          // English in `message`, as every problem's; the reader's words come from the code and
          // params (core's problem texts), so a report does not depend on the locale it was run in.
          message: msg('en', 'hostUnitOverride', params),
          severity: 'warning',
          code: 'hosts.unit-override',
          params,
          source: 'hosts',
          ...rule.location,
        });
      }
      host.unit = rule.unit;
    },
  };
}
