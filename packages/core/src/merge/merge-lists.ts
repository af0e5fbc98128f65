/**
 * The list parts of merged reports, each combined the way one audit would have built it: the
 * unrecognised-software list (host counts add up, versions and sample hosts re-selected), problems,
 * rule descriptions, engine counters.
 */
import { compareListedVersions } from '../engine/title-registry.js';
import type { ComplianceReport, Problem, RuleMeta, UnrecognisedSoftware } from '../model.js';

/** As in title-registry.ts: the newest 20 versions and the 5 smallest host ids are listed. */
const MAX_VERSIONS = 20;
const MAX_SAMPLES = 5;

export function mergeUnrecognised(reports: readonly ComplianceReport[]): UnrecognisedSoftware[] {
  const byTitle = new Map<string, UnrecognisedSoftware>();
  for (const report of reports) {
    for (const entry of report.unrecognised) {
      const key = `${entry.name}\u0000${entry.publisher ?? '\u0001'}`;
      const existing = byTitle.get(key);
      if (!existing) {
        byTitle.set(key, { ...entry, versions: [...entry.versions], sampleHosts: [...entry.sampleHosts] });
        continue;
      }
      existing.hosts += entry.hosts;
      const versions = [...new Set([...existing.versions, ...entry.versions])].sort(compareListedVersions);
      existing.versions = versions.slice(Math.max(0, versions.length - MAX_VERSIONS));
      existing.sampleHosts = [...new Set([...existing.sampleHosts, ...entry.sampleHosts])]
        .sort()
        .slice(0, MAX_SAMPLES);
    }
  }
  const cmp = (a = '', b = ''): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...byTitle.values()].sort(
    (a, b) => b.hosts - a.hosts || cmp(a.name, b.name) || cmp(a.publisher, b.publisher),
  );
}

/**
 * Problems of the inputs in report order, then the engine's own problems (sorted by message, as the
 * auditor sorts them), each distinct one once.
 */
export function mergeProblems(
  reports: readonly ComplianceReport[],
  rejudged: { codes: readonly string[]; problems: Problem[] } = { codes: [], problems: [] },
): Problem[] {
  const inputs: Problem[] = [];
  const engine = new Map<string, Problem>();
  // Engine problems the merge judges again over every shard replace the shards' ones of their codes.
  const codes = new Set(rejudged.codes);
  for (const problem of rejudged.problems) engine.set(JSON.stringify(problem), problem);
  for (const report of reports) {
    for (const problem of report.problems) {
      if (problem.source === 'engine' && codes.has(problem.code)) continue;
      if (problem.source === 'engine') engine.set(JSON.stringify(problem), problem);
      else inputs.push(problem);
    }
  }
  return [...inputs, ...[...engine.values()].sort((a, b) => (a.message < b.message ? -1 : 1))];
}

export function mergeRuleMeta(reports: readonly ComplianceReport[]): RuleMeta[] {
  const metas = new Map<string, RuleMeta>();
  for (const report of reports)
    for (const meta of report.rules) if (!metas.has(meta.id)) metas.set(meta.id, meta);
  return [...metas.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Counters that add up over disjoint hosts are summed; the others (distinct titles, memo hits,
 * lookups) describe one engine run and are left out. `shards` says how many audits were merged.
 */
const ADDITIVE_STATS = [
  'hosts',
  'hostArrivals',
  'records',
  'installations',
  'activationJudged',
  'activationSkipped',
];

export function mergeStats(reports: readonly ComplianceReport[]): Record<string, number> {
  const stats: Record<string, number> = {};
  for (const name of ADDITIVE_STATS) {
    if (reports.every((r) => typeof r.stats?.[name] === 'number')) {
      stats[name] = reports.reduce((sum, r) => sum + r.stats![name]!, 0);
    }
  }
  stats.shards = reports.reduce((sum, r) => sum + (r.stats?.shards ?? 1), 0);
  return stats;
}
