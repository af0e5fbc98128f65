/**
 * The auditor: hosts stream in through `add()` (kept compact, see host-store.ts); `finish()` judges
 * every computer, allocates licences, applies waivers, fills the statistics table, runs custom rules
 * and returns the ComplianceReport with everything sorted, so the same inventory gives the same
 * bytes whatever the order hosts arrived in (only `generatedAt` differs).
 *
 * `finish()` is async: json-rules-engine evaluates custom rules asynchronously.
 */
import { UsageError } from '../errors.js';
import { type Logger, silentLogger } from '../logger.js';
import { mergeBasis } from '../merge/merge-basis.js';
import type {
  ComplianceReport,
  Finding,
  HostInventory,
  InputSummary,
  IsoDate,
  Policy,
  Problem,
  RuleMeta,
  UnitInfo,
  VersionScheme,
} from '../model.js';
import { allocateSeats, type LicensableInstallation } from './allocation.js';
import { compileCustomRules } from './custom-rules.js';
import {
  compareFindings,
  type DeadlineSettings,
  dateAtLocalMidnight,
  localDate,
  sortEvidence,
} from './finding-factory.js';
import { type JudgeContext, type JudgedHost, judgeHost, normaliseKmsHost } from './host-judge.js';
import { HostStore } from './host-store.js';
import { licensingFinding } from './licensing-findings.js';
import { createRecogniser } from './recogniser.js';
import { builtinRuleMeta } from './rule-catalog.js';
import { customFinding, domesticFindings, missingClassFindings } from './rule-findings.js';
import { softwareRuleFindings } from './software-rule-findings.js';
import { ruleCounters, softwareRules } from './software-rules.js';
import { StatisticsTable, unitOrder } from './statistics.js';
import { TitleRegistry } from './title-registry.js';
import { applyWaivers } from './waivers.js';

/** Version of @zhengban/core written into reports (a test keeps it equal to package.json). */
export const CORE_VERSION = '0.1.0';

export interface AuditorOptions {
  /** The date the audit speaks for; default policy.settings.asOf, else today. */
  asOf?: IsoDate;
  logger?: Logger;
  /** Units from a units file: their order is the report's order; units without computers still appear. */
  units?: UnitInfo[];
  /** Clock for waiver expiry; default midnight of asOf. */
  now?: () => Date;
  toolVersion?: string;
  /**
   * Put `mergeBasis` into the report (every seat demand with its evidence and the resolved policy),
   * so that `mergeReports` can combine it with reports over other hosts. Off by default: at province
   * scale it adds hundreds of MB to a report nobody merges.
   */
  mergeable?: boolean;
}

export interface Auditor {
  /** One host inventory; the same host id may come again (merged). Synchronous and cheap. */
  add(host: HostInventory): void;
  /** Counts and problems of one input (scanner run), for `report.inputs` / `report.problems`. */
  addInput(summary: InputSummary, problems: Problem[]): void;
  /** Judges everything and returns the report. Call once. */
  finish(): Promise<ComplianceReport>;
}

const UNAUTHORISED_RULES = new Set(['forbidden.product', 'forbidden.pattern', 'unauthorised']);

export function createAuditor(policy: Policy, options: AuditorOptions = {}): Auditor {
  const logger = options.logger ?? silentLogger;
  const asOf = options.asOf ?? policy.settings.asOf ?? localDate(new Date());
  const now = options.now ?? (() => dateAtLocalMidnight(asOf));
  const deadlines: DeadlineSettings = { asOf, remediationDays: policy.settings.remediationDays };
  const recogniser = createRecogniser(policy);
  const titles = new TitleRegistry(policy.forbidden.patterns);
  const custom = compileCustomRules(policy, asOf);
  const softwareRuleSet = softwareRules(custom.software, asOf);
  const allowlist = policy.forbidden.mode === 'allowlist';
  const unrecognisedUnauthorised = allowlist || policy.settings.unrecognised === 'unauthorised';
  const store = new HostStore({
    recogniser,
    titles,
    keepUnrecognised: unrecognisedUnauthorised,
    softwareRules: softwareRuleSet,
  });
  const inputs: InputSummary[] = [];
  const problems: Problem[] = [];
  let finished = false;

  return {
    add(host) {
      if (finished) throw new UsageError('auditor.add() after finish()');
      if (!host || typeof host.id !== 'string' || host.id.trim() === '') {
        problems.push({
          message: `a host inventory from scanner "${host?.scanner ?? '?'}" has no id and was not counted`,
          severity: 'error',
          code: 'engine.host-without-id',
          source: 'engine',
        });
        return;
      }
      store.add(host);
    },
    addInput(summary, inputProblems) {
      inputs.push(summary);
      problems.push(...inputProblems);
    },
    async finish() {
      if (finished) throw new UsageError('auditor.finish() may be called once');
      finished = true;
      const started = Date.now();
      const counters = { activationSkipped: 0, activationJudged: 0 };
      const ctx: JudgeContext = {
        policy,
        recogniser,
        titles,
        deadlines,
        forbiddenProducts: new Set(policy.forbidden.products),
        kmsAllowed: new Set(policy.requirements.activation.kmsHosts.map(normaliseKmsHost)),
        activationClasses: new Set(policy.requirements.activation.classes),
        judgeActivation: policy.requirements.activation.required,
        unrecognisedUnauthorised,
        counters,
      };

      // 1. Each computer on its own.
      const hostIds = [...store.hosts.keys()].sort();
      const hosts: JudgedHost[] = hostIds.map((id) => judgeHost(store.hosts.get(id)!, ctx));
      const engineProblems: Problem[] = [];
      for (const host of hosts) {
        if (host.state.units.length > 1) {
          engineProblems.push({
            message: `host ${host.id} is listed in several units (${[...host.state.units].sort().join(', ')}); it is counted in ${host.unit}`,
            severity: 'warning',
            code: 'engine.unit-conflict',
            source: 'engine',
          });
        }
      }
      if (store.namelessRecords > 0) {
        engineProblems.push({
          message: `${store.namelessRecords} software record(s) had no name and were not judged`,
          severity: 'warning',
          code: 'engine.record-without-name',
          source: 'engine',
        });
      }

      // 2. Licences, over the whole fleet at once.
      const schemes = new Map<string, VersionScheme>(
        policy.catalog.products.map((p) => [p.id, p.versionScheme]),
      );
      const licensable: LicensableInstallation[] = [];
      const owners = new Map<string, { host: JudgedHost; index: number }>();
      for (const host of hosts) {
        host.installations.forEach((inst, index) => {
          if (!inst.needsSeat) return;
          const item: LicensableInstallation = {
            id: inst.id,
            host: host.id,
            unit: host.unit,
            product: inst.state.product.id,
          };
          if (inst.state.version) item.version = inst.state.version;
          if (inst.state.edition) item.edition = inst.state.edition;
          licensable.push(item);
          owners.set(inst.id, { host, index });
        });
      }
      const allocation = allocateSeats(licensable, policy.entitlements, asOf, { schemes });
      const ledger = new Map(policy.entitlements.map((e) => [e.id, e]));
      const entitled = new Set(policy.entitlements.map((e) => e.product));
      for (const coverage of allocation.coverage) {
        const { host, index } = owners.get(coverage.installation)!;
        const inst = host.installations[index]!;
        inst.licensed = coverage.outcome === 'covered';
        const finding = licensingFinding(host, inst, coverage, ledger, entitled, allowlist, deadlines);
        if (finding) host.findings.push(finding);
      }
      const mandatory = policy.requirements.classes;
      for (const host of hosts) host.findings.push(...missingClassFindings(host, mandatory, deadlines));

      // 3. Waivers decide which unauthorised installations still count; then the statistics table.
      const waiversNow = now();
      const seenUnits = new Set(hosts.map((h) => h.unit));
      const units = unitOrder(options.units ?? [], policy.units, seenUnits);
      const classes = [...new Set([...mandatory, ...policy.preferences.domestic.map((d) => d.class)])];
      const table = new StatisticsTable(units, classes, mandatory);
      const unauthorisedByHost = new Map<string, number>();
      for (const host of hosts) {
        table.addHost(host);
        const waived = applyWaivers(host.findings, policy.waivers, waiversNow).findings;
        const count = waived.filter((f) => UNAUTHORISED_RULES.has(f.rule) && !f.waiver).length;
        unauthorisedByHost.set(host.id, count);
        table.addUnauthorised(host.unit, count);
      }
      const unitRows = table.units();
      const totals = table.totals();
      const findings: Finding[] = hosts.flatMap((h) => h.findings);
      for (const row of unitRows) findings.push(...domesticFindings(row, policy, deadlines));

      // 4. Custom rules: software once per distinct fact tuple, host per host, unit per unit, fleet once.
      await softwareRuleFindings(hosts, softwareRuleSet, titles, deadlines, findings);
      const softwareCounters = ruleCounters(softwareRuleSet);
      let customRuns = softwareCounters.runs;
      for (const compiled of custom.host) {
        for (const host of hosts) {
          const facts = hostFacts(host, unauthorisedByHost.get(host.id) ?? 0);
          customRuns++;
          const verdict = compiled.evaluateNow?.(facts) ?? (await compiled.evaluate(facts));
          const f = customFinding(
            compiled.rule,
            verdict,
            { host: host.id, unit: host.unit },
            pick(facts, compiled.facts),
            deadlines,
          );
          if (f) findings.push(f);
        }
      }
      for (const compiled of custom.unit) {
        for (const row of unitRows) {
          const facts = scopeFacts(row, mandatory, { unit: row.unit, staff: row.staff });
          customRuns++;
          const verdict = compiled.evaluateNow?.(facts) ?? (await compiled.evaluate(facts));
          const f = customFinding(
            compiled.rule,
            verdict,
            { unit: row.unit },
            pick(facts, compiled.facts),
            deadlines,
          );
          if (f) findings.push(f);
        }
      }
      for (const compiled of custom.fleet) {
        const facts = scopeFacts(totals, mandatory, { units: unitRows.length });
        customRuns++;
        const verdict = compiled.evaluateNow?.(facts) ?? (await compiled.evaluate(facts));
        const f = customFinding(compiled.rule, verdict, {}, pick(facts, compiled.facts), deadlines);
        if (f) findings.push(f);
      }

      // 5. Waivers over everything, then a fixed order.
      const waived = applyWaivers(findings, policy.waivers, waiversNow);
      const unitRank = new Map(units.map((u, i) => [u.name, i]));
      const allFindings = dedupe([...waived.findings, ...waived.expired]).sort(compareFindings(unitRank));

      // Seat demands for mergeReports (scale-out), when asked for; evidence in a fixed order.
      let basis: ComplianceReport['mergeBasis'];
      if (options.mergeable) {
        for (const host of hosts)
          for (const inst of host.installations) inst.state.evidence = sortEvidence(inst.state.evidence);
        basis = mergeBasis({ policy, units: options.units ?? [], clock: waiversNow, hosts });
      }

      const report: ComplianceReport = {
        schemaVersion: 1,
        tool: { name: 'zhengban', version: options.toolVersion ?? CORE_VERSION },
        policy: {
          name: policy.metadata.name,
          ...(policy.metadata.version ? { version: policy.metadata.version } : {}),
          sources: [...policy.sources],
        },
        asOf,
        generatedAt: new Date().toISOString(),
        inputs: [...inputs],
        totals,
        units: unitRows,
        entitlements: allocation.positions,
        findings: allFindings,
        unrecognised: policy.settings.unrecognised === 'ignore' && !allowlist ? [] : titles.unrecognised(),
        problems: [...problems, ...engineProblems.sort((a, b) => (a.message < b.message ? -1 : 1))],
        rules: rulesMeta(policy, allFindings),
        classes: [...mandatory],
        ...(basis ? { mergeBasis: basis } : {}),
        stats: {
          hosts: hosts.length,
          hostArrivals: hosts.reduce((n, h) => n + h.state.arrivals, 0),
          records: store.records,
          installations: hosts.reduce((n, h) => n + h.installations.length, 0),
          distinctTitles: titles.titles.length,
          recognitionLookups: recogniser.stats.lookups,
          recognitionMemoHits: recogniser.stats.hits,
          recognitionDistinct: recogniser.stats.distinct,
          customRuleRuns: customRuns,
          customRuleMemoHits: softwareCounters.hits + store.ruleHits,
          titleVariants: store.variants.count,
          customRuleReferences: hosts.reduce((n, h) => n + h.state.custom.size, 0),
          activationJudged: counters.activationJudged,
          activationSkipped: counters.activationSkipped,
        },
      };
      logger.debug(
        `audit finished: ${hosts.length} hosts, ${allFindings.length} findings in ${Date.now() - started} ms`,
      );
      return report;
    },
  };
}

function pick(facts: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) if (facts[n] !== undefined) out[n] = facts[n];
  return out;
}

function hostFacts(host: JudgedHost, unauthorisedCount: number): Record<string, unknown> {
  const products = [...new Set(host.installations.map((i) => i.state.product.id))].sort();
  const categories = [...new Set(host.installations.map((i) => i.state.product.category))].sort();
  return {
    host: host.id,
    hostname: host.hostname,
    unit: host.unit,
    osName: host.os?.name,
    osId: host.os?.id,
    osVersion: host.os?.version,
    osEdition: host.osRecognition?.edition ?? host.os?.edition,
    softwareCount: host.state.titles.length,
    products,
    categories,
    unauthorisedCount,
  };
}

function scopeFacts(
  stats: {
    computers: number;
    unauthorised: number;
    classes: Record<string, { missing: number }>;
    rates: { genuine: Record<string, number | null>; domestic: Record<string, number | null> };
  },
  mandatory: readonly string[],
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const genuineRates: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(stats.rates.genuine)) if (k !== 'overall') genuineRates[k] = v;
  const missing: Record<string, number> = {};
  for (const cls of mandatory) missing[cls] = stats.classes[cls]?.missing ?? 0;
  return {
    ...extra,
    computers: stats.computers,
    unauthorised: stats.unauthorised,
    genuineRate: stats.rates.genuine.overall ?? null,
    genuineRates,
    domesticRates: { ...stats.rates.domestic },
    missing,
  };
}

/** Two findings with one id (the same subject reached twice) become one with all the evidence. */
function dedupe(findings: Finding[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const f of findings) {
    const existing = byId.get(f.id);
    if (!existing) byId.set(f.id, f);
    else existing.evidence = sortEvidence([...existing.evidence, ...f.evidence]);
  }
  return [...byId.values()];
}

function rulesMeta(policy: Policy, findings: Finding[]): RuleMeta[] {
  const metas = new Map<string, RuleMeta>();
  const ids = [
    'licensing.unlicensed',
    'licensing.expired',
    'licensing.version',
    'licensing.edition',
    ...policy.requirements.classes.map((c) => `requirements.missing.${c}`),
    'requirements.edition',
    ...(policy.requirements.activation.required ? ['requirements.activation'] : []),
    'forbidden.product',
    'forbidden.pattern',
    'unauthorised',
    'versions.unparseable',
    'waivers.expired',
  ];
  for (const id of ids) metas.set(id, builtinRuleMeta(id)!);
  for (const d of policy.preferences.domestic) {
    metas.set(
      `preferences.domestic.${d.class}`,
      builtinRuleMeta(`preferences.domestic.${d.class}`, d.outcome.severity)!,
    );
  }
  for (const rule of policy.rules) {
    metas.set(`custom.${rule.id}`, {
      id: `custom.${rule.id}`,
      description: rule.description ?? rule.message,
      helpUri: 'docs/semantics.md#custom-rules',
      defaultSeverity: rule.outcome.severity,
    });
  }
  for (const f of findings)
    if (!metas.has(f.rule)) {
      const meta = builtinRuleMeta(f.rule);
      if (meta) metas.set(f.rule, meta);
    }
  return [...metas.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
