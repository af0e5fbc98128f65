/**
 * The auditor: hosts stream in through `add()` (kept compact, see host-store.ts); `finishStream()`
 * judges every computer, allocates licences, fills the statistics table and returns the report with
 * its findings still to come: they are worded one unit and one host at a time as they are read
 * (finding-stream.ts), so memory follows computers, not findings. `finish()` reads them all into
 * one ComplianceReport. Everything is sorted, so the same inventory gives the same bytes whatever
 * the order hosts arrived in (only `generatedAt` differs).
 *
 * Both are async: json-rules-engine evaluates custom rules asynchronously.
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
  StreamedReport,
  UnitInfo,
  VersionScheme,
} from '../model.js';
import { allocateSeats, type CoverageVerdict, type LicensableInstallation } from './allocation.js';
import { compileCustomRules } from './custom-rules.js';
import { type DeadlineSettings, dateAtLocalMidnight, localDate, sortEvidence } from './finding-factory.js';
import { findingStream } from './finding-stream.js';
import { type HostFindingContext, hostFindings } from './host-findings.js';
import {
  installationId,
  type JudgedHost,
  type JudgedInstallation,
  judgeHost,
  normaliseKmsHost,
} from './host-judge.js';
import { HostStore } from './host-store.js';
import { createRecogniser } from './recogniser.js';
import { pick, rulesMeta, scopeFacts } from './report-parts.js';
import { customFinding, domesticFindings } from './rule-findings.js';
import { SoftwareRuleFindings } from './software-rule-findings.js';
import { ruleCounters, softwareRules } from './software-rules.js';
import { StatisticsTable, unitOrder } from './statistics.js';
import { TitleRegistry } from './title-registry.js';
import { WaiverBook } from './waivers.js';

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
  /** Judges everything and returns the report with every finding in it. Call once (or finishStream). */
  finish(): Promise<ComplianceReport>;
  /**
   * Judges everything and returns the report with its findings still to be read, group by group
   * (StreamedReport): for reports too large to hold, written by reporters that stream. Call once.
   */
  finishStream(): Promise<StreamedReport>;
}

const UNAUTHORISED_RULES = new Set(['forbidden.product', 'forbidden.pattern', 'unauthorised']);
const countsAsUnauthorised = (rule: string) => UNAUTHORISED_RULES.has(rule);

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

  async function finishStream(): Promise<StreamedReport> {
    if (finished) throw new UsageError('auditor.finish() may be called once');
    finished = true;
    const started = Date.now();
    const counters = { activationSkipped: 0, activationJudged: 0 };
    const mandatory = policy.requirements.classes;
    const ctx: HostFindingContext = {
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
      ledger: new Map(policy.entitlements.map((e) => [e.id, e])),
      entitled: new Set(policy.entitlements.map((e) => e.product)),
      allowlist,
      mandatory,
    };

    // 1. Each computer on its own: verdicts, not yet findings.
    const hostIds = [...store.hosts.keys()].sort();
    const hosts: JudgedHost[] = hostIds.map((id) => judgeHost(store.hosts.get(id)!, ctx));
    const engineProblems = hostProblems(hosts, store.namelessRecords);

    // 2. Licences, over the whole fleet at once.
    const positions = allocateFleet(hosts, policy, asOf);

    // 3. Waivers decide which unauthorised installations still count; then the statistics table.
    const waiversNow = now();
    const seenUnits = new Set(hosts.map((h) => h.unit));
    const units = unitOrder(options.units ?? [], policy.units, seenUnits);
    const classes = [...new Set([...mandatory, ...policy.preferences.domestic.map((d) => d.class)])];
    const table = new StatisticsTable(units, classes, mandatory);
    const unauthorisedByHost = new Map<string, number>();
    const countingWaivers = new WaiverBook(policy.waivers, waiversNow);
    for (const host of hosts) {
      table.addHost(host);
      const counted = countingWaivers.apply(hostFindings(host, ctx, countsAsUnauthorised));
      const count = counted.filter((f) => !f.waiver).length;
      if (count > 0) unauthorisedByHost.set(host.id, count);
      table.addUnauthorised(host.unit, count);
    }
    const unitRows = table.units();
    const totals = table.totals();

    // 4. Custom rules: software verdicts settled now, host rules as the stream passes each host;
    //    a unit's and the fleet's findings are few and made here.
    const software = await SoftwareRuleFindings.prepare(hosts, softwareRuleSet, titles, deadlines);
    const softwareCounters = ruleCounters(softwareRuleSet);
    let customRuns = softwareCounters.runs;
    const unitFindings = new Map<string, Finding[]>();
    for (const row of unitRows) unitFindings.set(row.unit, domesticFindings(row, policy, deadlines));
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
        if (f) unitFindings.get(row.unit)!.push(f);
      }
    }
    const fleetFindings: Finding[] = [];
    for (const compiled of custom.fleet) {
      const facts = scopeFacts(totals, mandatory, { units: unitRows.length });
      customRuns++;
      const verdict = compiled.evaluateNow?.(facts) ?? (await compiled.evaluate(facts));
      const f = customFinding(compiled.rule, verdict, {}, pick(facts, compiled.facts), deadlines);
      if (f) fleetFindings.push(f);
    }

    // Seat demands for mergeReports (scale-out), when asked for; evidence in a fixed order.
    let basis: ComplianceReport['mergeBasis'];
    if (options.mergeable) {
      for (const host of hosts)
        for (const inst of host.installations) inst.state.evidence = sortEvidence(inst.state.evidence);
      basis = mergeBasis({ policy, units: options.units ?? [], clock: waiversNow, hosts });
    }

    const stats: Record<string, number> = {
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
    };
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
      entitlements: positions,
      findings: [],
      unrecognised: policy.settings.unrecognised === 'ignore' && !allowlist ? [] : titles.unrecognised(),
      problems: [...problems, ...engineProblems],
      rules: rulesMeta(policy),
      classes: [...mandatory],
      ...(basis ? { mergeBasis: basis } : {}),
      stats,
    };

    // 5. The findings, in report order, worded as they are read.
    const hostsByUnit = new Map<string, JudgedHost[]>();
    for (const host of hosts) {
      const list = hostsByUnit.get(host.unit);
      if (list) list.push(host);
      else hostsByUnit.set(host.unit, [host]);
    }
    const rows = new Map(unitRows.map((row) => [row.unit, row]));
    const seenRules = new Set<string>();
    let findingCount = 0;
    const stream = findingStream({
      units: units.map((u) => ({
        name: u.name,
        row: rows.get(u.name),
        hosts: hostsByUnit.get(u.name) ?? [],
      })),
      unitFindings,
      fleetFindings,
      context: ctx,
      software,
      hostRules: custom.host,
      unauthorisedByHost,
      waivers: new WaiverBook(policy.waivers, waiversNow),
      unitRank: new Map(units.map((u, i) => [u.name, i])),
      onFinding(finding) {
        seenRules.add(finding.rule);
        findingCount++;
      },
      onRuleRun() {
        customRuns++;
      },
    });
    async function* findings(): AsyncGenerator<Finding[]> {
      yield* stream;
      stats.customRuleRuns = customRuns;
      report.rules = rulesMeta(policy, seenRules);
      logger.debug(
        `audit finished: ${hosts.length} hosts, ${findingCount} findings in ${Date.now() - started} ms`,
      );
    }
    return { report, findings: findings() };
  }

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
    finishStream,
    async finish() {
      const { report, findings } = await finishStream();
      const all: Finding[] = [];
      for await (const group of findings) for (const f of group) all.push(f);
      report.findings = all;
      return report;
    },
  };
}

/**
 * Every installation that needs a seat takes one (allocation.ts); each learns whether it is licensed,
 * and one that is not keeps the allocation's verdict, from which its finding is worded later.
 */
function allocateFleet(hosts: readonly JudgedHost[], policy: Policy, asOf: IsoDate) {
  const schemes = new Map<string, VersionScheme>(policy.catalog.products.map((p) => [p.id, p.versionScheme]));
  const licensable: LicensableInstallation[] = [];
  // allocateSeats answers in the order given: owners[i] is the installation of licensable[i].
  const owners: JudgedInstallation[] = [];
  for (const host of hosts) {
    for (const inst of host.installations) {
      if (!inst.needsSeat) continue;
      const item: LicensableInstallation = {
        id: installationId(host.id, inst.state),
        host: host.id,
        unit: host.unit,
        product: inst.state.product.id,
      };
      if (inst.state.version) item.version = inst.state.version;
      if (inst.state.edition) item.edition = inst.state.edition;
      licensable.push(item);
      owners.push(inst);
    }
  }
  const allocation = allocateSeats(licensable, policy.entitlements, asOf, { schemes });
  const verdicts = new Map<string, CoverageVerdict>();
  for (let i = 0; i < owners.length; i++) {
    const coverage = allocation.coverage[i]!;
    const inst = owners[i]!;
    inst.licensed = coverage.outcome === 'covered';
    if (inst.licensed) continue;
    const { installation: _id, ...verdict } = coverage;
    const key = JSON.stringify(verdict);
    const shared = verdicts.get(key);
    if (shared) inst.coverage = shared;
    else {
      verdicts.set(key, verdict);
      inst.coverage = verdict;
    }
  }
  return allocation.positions;
}

/** Warnings about the fleet as read: a host in several units, records without a name. */
function hostProblems(hosts: readonly JudgedHost[], namelessRecords: number): Problem[] {
  const out: Problem[] = [];
  for (const host of hosts) {
    if (host.state.units.length > 1) {
      out.push({
        message: `host ${host.id} is listed in several units (${[...host.state.units].sort().join(', ')}); it is counted in ${host.unit}`,
        severity: 'warning',
        code: 'engine.unit-conflict',
        source: 'engine',
      });
    }
  }
  if (namelessRecords > 0) {
    out.push({
      message: `${namelessRecords} software record(s) had no name and were not judged`,
      severity: 'warning',
      code: 'engine.record-without-name',
      source: 'engine',
    });
  }
  return out.sort((a, b) => (a.message < b.message ? -1 : 1));
}
