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
} from '../model.js';
import { CampaignDates, type FindingHistory } from './campaign-dates.js';
import { compileCustomRules } from './custom-rules.js';
import { DetailsCollector } from './details-collector.js';
import { editionRestrictionProblems } from './edition-restrictions.js';
import { expiringFindings } from './expiry-findings.js';
import { type DeadlineSettings, dateAtLocalMidnight, localDate, sortEvidence } from './finding-factory.js';
import { findingStream } from './finding-stream.js';
import { type HostFindingContext, hostFindings } from './host-findings.js';
import { type JudgedHost, judgeHost, normaliseKmsHost } from './host-judge.js';
import { type HostState, HostStore } from './host-store.js';
import { PlanCollector } from './plan/plan-collector.js';
import { purchaseFields } from './purchases.js';
import { createRecogniser } from './recogniser.js';
import { RecognitionShare } from './recognition-share.js';
import { fleetFacts, pick, rulesMeta, unitFacts } from './report-parts.js';
import { customFinding, domesticFindings } from './rule-findings.js';
import { SeatDemands } from './seat-demands.js';
import { type OsOfHost, SoftwareRuleFindings } from './software-rule-findings.js';
import { ruleCounters, softwareRules } from './software-rules.js';
import { orderedUnits, StatisticsTable } from './statistics.js';
import { TitleRegistry } from './title-registry.js';
import { countsAsUnauthorised, unauthorisedInstallations } from './unauthorised-count.js';
import { addUnitConsumption, UnrecognisedByUnit, unrecognisedTitlesOf } from './unit-breakdown.js';
import { unitUseProblems } from './unit-problems.js';
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
  /**
   * Put the rectification plan (整改方案) into the report as `report.plan`. With `finishStream()`
   * it is there once every group of findings has been read.
   */
  plan?: boolean;
  /**
   * Put the 明细表 into the report as `report.details`: one row per computer, mandatory class and
   * installation. Three rows a computer: off by default.
   */
  details?: boolean;
  /**
   * The open failures of an earlier report (`audit --since`): their first-seen dates and deadlines
   * carry over, so a failure still open after its deadline is overdue (campaign-dates.ts).
   */
  since?: FindingHistory;
  /**
   * Count unrecognised software per unit as well (`UnrecognisedSoftware.units`), so the report can be
   * split into one report per unit (`unitReport`). Off by default: it keeps a count per title and unit.
   */
  unitBreakdown?: boolean;
}

export interface Auditor {
  /** One host inventory; the same host id may come again (merged). Synchronous and cheap. */
  add(host: HostInventory): void;
  /** Counts and problems of one input (scanner run), for `report.inputs` / `report.problems`. */
  addInput(summary: InputSummary, problems: Problem[]): void;
  /**
   * Problems of no input, for `report.problems` after the policy's own warnings: e.g. the policy
   * linter's checks against the hosts the inputs held (a waiver naming a computer none has).
   */
  addProblems(problems: readonly Problem[]): void;
  /** Judges everything and returns the report with every finding in it. Call once (or finishStream). */
  finish(): Promise<ComplianceReport>;
  /**
   * Judges everything and returns the report with its findings still to be read, group by group
   * (StreamedReport): for reports too large to hold, written by reporters that stream. Call once.
   */
  finishStream(): Promise<StreamedReport>;
}

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
      installationsOf: (state) => store.installationsOf(state),
      firstPass: false,
      ledger: new Map(policy.entitlements.map((e) => [e.id, e])),
      entitled: new Set(policy.entitlements.map((e) => e.product)),
      allowlist,
      mandatory,
      parentOf: parentsOf([...policy.units, ...(options.units ?? [])]),
    };
    // The passes that only count (seat demands, statistics) need no evidence; only the first one
    // counts activation and notes unrecognised operating systems. The findings use `ctx` itself.
    const countingCtx: HostFindingContext = {
      ...ctx,
      installationsOf: (state) => store.installationsOf(state, false),
    };
    const firstCtx: HostFindingContext = { ...countingCtx, firstPass: true };

    // 1. Each computer on its own: verdicts, not yet findings. They are not kept: a province's
    //    two million judged installations would double the memory of the store, so each pass below
    //    judges a computer again (the same verdicts: judging depends on the store and the policy).
    const states = [...store.hosts.keys()].sort().map((id) => store.hosts.get(id)!);
    const engineProblems = hostProblems(states, store.namelessRecords);
    const hostUnits: string[] = new Array(states.length);
    const demands = new SeatDemands(states.length);
    const osHosts: OsOfHost[] = [];
    let installationCount = 0;
    const share = new RecognitionShare();
    const byUnit = options.unitBreakdown ? new UnrecognisedByUnit() : undefined;
    for (let i = 0; i < states.length; i++) {
      store.putInKeyOrder(states[i]!);
      const host = judgeHost(states[i]!, firstCtx);
      share.addHost(host, states[i]!.unrecognisedTitles.length);
      if (byUnit) byUnit.noteHost(host.unit, host.id, unrecognisedTitlesOf(states[i]!, host, titles));
      // Nothing reads a host's title sets after the first pass (and no host arrives any more).
      store.dropTitleSets(states[i]!);
      hostUnits[i] = host.unit;
      installationCount += host.installations.length;
      demands.addHost(i, host);
      if (softwareRuleSet.length > 0)
        osHosts.push({ id: host.id, os: host.os, osRecognition: host.osRecognition });
    }

    // 2. Licences, over the whole fleet at once.
    const positions = demands.allocate(policy, asOf);
    /** Host `i` judged again, with its licensing verdicts. */
    const judged = (i: number, context: HostFindingContext = ctx): JudgedHost =>
      demands.apply(i, judgeHost(states[i]!, context));

    // 3. Waivers decide which unauthorised installations still count; then the statistics table.
    const waiversNow = now();
    const seenUnits = new Set(hostUnits);
    const tree = orderedUnits(options.units ?? [], policy.units, seenUnits);
    const units = tree.units;
    engineProblems.push(
      ...tree.problems,
      ...editionRestrictionProblems(policy),
      ...unitUseProblems(options.units ?? [], units, {
        hostsByUnit: hostsOfUnits(states, hostUnits),
        whereIs: (id) => {
          const state = store.hosts.get(id);
          if (!state) return undefined;
          return state.osEvidence[0] ?? store.installationsOf(state)[0]?.evidence[0];
        },
      }),
    );
    engineProblems.sort(byMessage);
    const classes = [...new Set([...mandatory, ...policy.preferences.domestic.map((d) => d.class)])];
    const table = new StatisticsTable(units, classes, mandatory);
    const unauthorisedByHost = new Map<string, number>();
    const countingWaivers = new WaiverBook(policy.waivers, waiversNow);
    for (let i = 0; i < states.length; i++) {
      const host = judged(i, countingCtx);
      table.addHost(host);
      const counted = countingWaivers.apply(hostFindings(host, countingCtx, countsAsUnauthorised));
      const count = unauthorisedInstallations(counted);
      if (count > 0) unauthorisedByHost.set(host.id, count);
      table.addUnauthorised(host.unit, count);
    }
    const unitRows = table.units();
    if (byUnit) {
      const unitOfHost = new Map(states.map((state, i) => [state.id, hostUnits[i]!]));
      addUnitConsumption(
        positions,
        unitOfHost,
        units.map((u) => u.name),
      );
    }
    const totals = table.totals();

    // 4. Custom rules: software verdicts settled now, host rules as the stream passes each host;
    //    a unit's and the fleet's findings are few and made here.
    const software = await SoftwareRuleFindings.prepare(
      osHosts,
      softwareRuleSet,
      (state, judged, keep) => store.customOccurrences(state, judged, keep),
      deadlines,
    );
    const softwareCounters = ruleCounters(softwareRuleSet);
    let customRuns = softwareCounters.runs;
    const unitFindings = new Map<string, Finding[]>();
    for (const row of unitRows) unitFindings.set(row.unit, domesticFindings(row, policy, deadlines));
    for (const compiled of custom.unit) {
      for (const row of unitRows) {
        const facts = unitFacts(row, mandatory);
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
    const fleetFindings: Finding[] = expiringFindings(positions, policy, deadlines);
    for (const compiled of custom.fleet) {
      const facts = fleetFacts(totals, mandatory, unitRows.length);
      customRuns++;
      const verdict = compiled.evaluateNow?.(facts) ?? (await compiled.evaluate(facts));
      const f = customFinding(compiled.rule, verdict, {}, pick(facts, compiled.facts), deadlines);
      if (f) fleetFindings.push(f);
    }

    // Seat demands for mergeReports (scale-out), when asked for; evidence in a fixed order.
    let basis: ComplianceReport['mergeBasis'];
    if (options.mergeable) {
      // One host judged at a time: only its seat demands are kept.
      function* hosts(): Generator<JudgedHost> {
        for (let i = 0; i < states.length; i++) {
          const host = judged(i);
          for (const inst of host.installations) inst.state.evidence = sortEvidence(inst.state.evidence);
          yield host;
        }
      }
      basis = mergeBasis({ policy, units: options.units ?? [], clock: waiversNow, hosts: hosts() });
    }

    const stats: Record<string, number> = {
      hosts: states.length,
      hostArrivals: states.reduce((n, h) => n + h.arrivals, 0),
      records: store.records,
      installations: installationCount,
      distinctTitles: titles.titles.length,
      // Titles grouped as parts of the operating system (docs/semantics.md#system-components):
      // with the unrecognised list they are the raw count of titles no other product claimed.
      systemComponentTitles: store.variants.titlesOfClass('system'),
      recognitionLookups: recogniser.stats.lookups,
      recognitionMemoHits: recogniser.stats.hits,
      recognitionDistinct: recogniser.stats.distinct,
      customRuleRuns: customRuns,
      customRuleMemoHits: softwareCounters.hits + store.ruleHits,
      titleVariants: store.variants.count,
      customRuleReferences: states.reduce((n, h) => n + h.custom.size, 0),
      activationJudged: counters.activationJudged,
      activationSkipped: counters.activationSkipped,
      ...share.stats(),
    };
    const campaign = new CampaignDates(asOf, policy.settings, options.since);
    const report: ComplianceReport = {
      schemaVersion: 1,
      tool: { name: 'zhengban', version: options.toolVersion ?? CORE_VERSION },
      policy: {
        name: policy.metadata.name,
        ...(policy.metadata.version ? { version: policy.metadata.version } : {}),
        ...(policy.metadata.owner ? { owner: policy.metadata.owner } : {}),
        sources: [...policy.sources],
      },
      asOf,
      generatedAt: new Date().toISOString(),
      inputs: [...inputs],
      totals,
      units: unitRows,
      entitlements: positions,
      findings: [],
      unrecognised:
        policy.settings.unrecognised === 'ignore' && !allowlist
          ? []
          : titles.unrecognised(
              byUnit &&
                ((id) =>
                  byUnit.unitsOf(
                    id,
                    units.map((u) => u.name),
                  )),
            ),
      // The policy linter's warnings first: a mistake in the policy explains numbers below it.
      problems: [...(policy.warnings ?? []), ...(policy.problems ?? []), ...problems, ...engineProblems],
      rules: rulesMeta(policy),
      products: policy.catalog.products.map((product) => ({ id: product.id, name: product.name })),
      classes: [...mandatory],
      ...purchaseFields(policy, mandatory),
      ...(basis ? { mergeBasis: basis } : {}),
      stats,
      // Present from the start (streamed tables choose their columns by it), final once read.
      ...(campaign.active ? { campaign: campaign.status(unitRows.map((row) => row.unit)) } : {}),
    };

    // 5. The findings, in report order, worded as they are read.
    const hostsByUnit = new Map<string, number[]>();
    for (let i = 0; i < states.length; i++) {
      const list = hostsByUnit.get(hostUnits[i]!);
      if (list) list.push(i);
      else hostsByUnit.set(hostUnits[i]!, [i]);
    }
    const planCollector = options.plan ? new PlanCollector() : undefined;
    const detailsCollector = options.details ? new DetailsCollector(mandatory, positions) : undefined;
    function* judgedHosts(indices: readonly number[]): Generator<JudgedHost> {
      for (const i of indices) {
        const host = judged(i);
        planCollector?.addHost(host);
        detailsCollector?.addHost(host);
        yield host;
      }
    }
    const rows = new Map(unitRows.map((row) => [row.unit, row]));
    const seenRules = new Set<string>();
    let findingCount = 0;
    const stream = findingStream({
      units: units.map((u) => ({
        name: u.name,
        row: rows.get(u.name),
        hosts: judgedHosts(hostsByUnit.get(u.name) ?? []),
      })),
      unitFindings,
      fleetFindings,
      context: ctx,
      software,
      hostRules: custom.host,
      unauthorisedByHost,
      waivers: new WaiverBook(policy.waivers, waiversNow),
      unitRank: new Map(units.map((u, i) => [u.name, i])),
      ...(campaign.active ? { stamp: (finding: Finding) => campaign.stamp(finding) } : {}),
      onFinding(finding) {
        seenRules.add(finding.rule);
        findingCount++;
        planCollector?.addFinding(finding);
        detailsCollector?.addFinding(finding);
      },
      onRuleRun() {
        customRuns++;
      },
    });
    async function* findings(): AsyncGenerator<Finding[]> {
      yield* stream;
      stats.customRuleRuns = customRuns;
      report.rules = rulesMeta(policy, seenRules);
      if (planCollector) report.plan = planCollector.plan(policy, asOf, positions, unitRows);
      if (detailsCollector) report.details = detailsCollector.rows;
      if (report.campaign) report.campaign = campaign.status(unitRows.map((row) => row.unit));
      logger.debug(
        `audit finished: ${states.length} hosts, ${findingCount} findings in ${Date.now() - started} ms`,
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
          params: { scanner: host?.scanner ?? '?' },
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
    addProblems(more) {
      if (finished) throw new UsageError('auditor.addProblems() after finish()');
      problems.push(...more);
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

/** Per unit, its computers (sorted, as `states` is). */
function hostsOfUnits(states: readonly HostState[], hostUnits: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  states.forEach((state, i) => {
    const list = out.get(hostUnits[i]!);
    if (list) list.push(state.id);
    else out.set(hostUnits[i]!, [state.id]);
  });
  return out;
}

/** Warnings about the fleet as read: a host in several units, records without a name. */
function hostProblems(hosts: readonly HostState[], namelessRecords: number): Problem[] {
  const out: Problem[] = [];
  for (const host of hosts) {
    if (host.units.length > 1) {
      const units = [...host.units].sort();
      out.push({
        message: `host ${host.id} is listed in several units (${units.join(', ')}); it is counted in ${units[0]}`,
        severity: 'warning',
        code: 'engine.unit-conflict',
        params: { host: host.id, units: units.join(', '), unit: units[0]! },
        source: 'engine',
      });
    }
  }
  if (namelessRecords > 0) {
    out.push({
      message: `${namelessRecords} software record(s) had no name and were not judged`,
      severity: 'warning',
      code: 'engine.record-without-name',
      params: { count: namelessRecords },
      source: 'engine',
    });
  }
  return out.sort(byMessage);
}

const byMessage = (a: Problem, b: Problem) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);

/** Unit → parent, the units file's word last (it wins over the policy's `units:`). */
function parentsOf(units: readonly UnitInfo[]): Map<string, string> {
  const parents = new Map<string, string>();
  for (const unit of units) if (unit.parent) parents.set(unit.name, unit.parent);
  return parents;
}
