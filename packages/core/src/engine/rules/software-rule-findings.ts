/**
 * Findings of software-scope custom rules, in `finish()`: each host's records kept for tuples that
 * fire (custom-refs.ts) grouped into occurrences, plus the host's recognised OS judged as a record.
 */
import type { Evidence, Finding } from '../../model.js';
import type { RuleVerdict } from '../custom-rules.js';
import type { CustomOccurrence } from '../model/occurrence.js';
import type { SoftwareRef } from '../model/software-ref.js';
import { installationKey, softwareFact } from '../record-facts.js';
import type { SoftwareRule } from '../software-rules.js';
import type { FleetStore } from '../store/fleet-store.js';
import { TitleTuples } from '../tuple-memo.js';
import type { DeadlineSettings } from './finding-factory.js';
import { occurrenceSubject } from './host-findings.js';
import type { JudgedHost } from './host-judge.js';
import { customFinding, type RuleParts } from './rule-findings.js';

/** A host's records of firing custom-rule tuples, grouped (FleetStore.customOccurrences). */
export type CustomRecords = Pick<FleetStore, 'customOccurrences' | 'customRecordCount'>;

/** Installation key → spelling of the host's judged installations. */
function judgedSpellings(host: JudgedHost): Map<string, SoftwareRef> {
  const spellings = new Map<string, SoftwareRef>();
  for (const { state } of host.installations)
    spellings.set(
      state.key ?? installationKey(state.product.id, state.version, state.edition),
      state.software,
    );
  return spellings;
}

/** What the findings are worded with: the audit's deadline and shared parts (its HostFindingContext). */
export interface RuleWording {
  readonly deadlines: DeadlineSettings;
  readonly parts: RuleParts;
}

/** What the OS occurrences of a host are made from. */
export type OsOfHost = Pick<JudgedHost, 'id' | 'os' | 'osRecognition'>;

/** The OS of a host as a software record, one occurrence per rule whose tuple does not stay quiet. */
function osOccurrences(host: OsOfHost, rules: readonly SoftwareRule[]): CustomOccurrence[] {
  const os = host.os;
  const recognition = host.osRecognition;
  if (!os || !recognition) return [];
  const attributes = { ...os.attributes, ...(os.edition ? { edition: os.edition } : {}) };
  const source = { name: os.name, version: os.version, source: os.evidence?.source ?? 'os', attributes };
  const tuples = new TitleTuples(softwareFact(source, recognition, () => undefined));
  const occurrences: CustomOccurrence[] = [];
  for (const rule of rules) {
    const tuple = tuples.idIn(rule.memo);
    if (rule.memo.isQuiet(tuple)) continue;
    occurrences.push({
      rule: rule.index,
      tuple,
      software: { name: os.name, ...(os.version ? { version: os.version } : {}) },
      product: recognition.product,
      evidence: os.evidence ? [os.evidence] : [],
    });
  }
  return occurrences;
}

/** One CSV row often gives both the OS and its program row: the same place, told once. */
const sameEvidence = (a: Evidence, b: Evidence): boolean =>
  a === b ||
  (a.source === b.source &&
    a.file === b.file &&
    a.line === b.line &&
    a.column === b.column &&
    a.key === b.key &&
    a.detail === b.detail);

/**
 * The host's record occurrences plus its OS occurrences, one subject per rule and product: the OS
 * is often also a software row (a register lists Windows among the programs, with its edition; the
 * OS block gives it without), and the two tuples differ. One product on one host is one subject for
 * every rule, so an OS occurrence of a product a record occurrence of the same rule already has adds
 * its evidence there instead of a second finding.
 */
function withOs(records: CustomOccurrence[], os: readonly CustomOccurrence[]): CustomOccurrence[] {
  if (os.length === 0) return records;
  const occurrences = [...records];
  for (const occurrence of os) {
    const product = occurrence.product?.id;
    const same =
      product === undefined
        ? undefined
        : records.find((record) => record.rule === occurrence.rule && record.product?.id === product);
    if (!same) occurrences.push(occurrence);
    else
      for (const evidence of occurrence.evidence)
        if (!same.evidence.some((known) => sameEvidence(known, evidence))) same.evidence.push(evidence);
  }
  return occurrences;
}

/**
 * The software-rule findings of one host at a time. `prepare` runs before the report streams: it
 * judges every host's OS as a record (which may add tuples to the rules' memos) and waits for every
 * tuple's verdict, so that `forHost` is synchronous.
 */
export class SoftwareRuleFindings {
  private constructor(
    private readonly rules: readonly SoftwareRule[],
    private readonly records: CustomRecords,
    private readonly wording: RuleWording,
    private readonly os: Map<string, CustomOccurrence[]>,
    private readonly verdicts: RuleVerdict[][],
  ) {}

  static async prepare(
    hosts: Iterable<OsOfHost>,
    rules: readonly SoftwareRule[],
    records: CustomRecords,
    wording: RuleWording,
  ): Promise<SoftwareRuleFindings> {
    const os = new Map<string, CustomOccurrence[]>();
    if (rules.length > 0) {
      for (const host of hosts) {
        const occurrences = osOccurrences(host, rules);
        if (occurrences.length > 0) os.set(host.id, occurrences);
      }
    }
    const verdicts: RuleVerdict[][] = [];
    for (const rule of rules) verdicts.push(await rule.memo.settled());
    return new SoftwareRuleFindings(rules, records, wording, os, verdicts);
  }

  forHost(host: JudgedHost): Finding[] {
    const findings: Finding[] = [];
    const rules = this.rules;
    if (rules.length === 0) return findings;
    const fires = (rule: number, tuple: number) => !rules[rule]!.memo.isQuiet(tuple);
    const occurrences = withOs(
      this.records.customRecordCount(host.state) > 0
        ? this.records.customOccurrences(host.state, judgedSpellings(host), fires)
        : [],
      this.os.get(host.id) ?? [],
    );
    for (const occurrence of occurrences) {
      const memo = rules[occurrence.rule]!.memo;
      const verdict = this.verdicts[occurrence.rule]![occurrence.tuple]!;
      // A verdict that arrived after the OS occurrence was made may still be quiet.
      if ('fired' in verdict && !verdict.fired) continue;
      const subject = occurrenceSubject(host, occurrence);
      const f = customFinding(
        memo.compiled.rule,
        verdict,
        subject,
        memo.tuples[occurrence.tuple]!,
        this.wording.deadlines,
        this.wording.parts,
        occurrence,
      );
      if (f) findings.push(f);
    }
    return findings;
  }
}
