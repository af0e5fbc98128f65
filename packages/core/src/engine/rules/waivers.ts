/**
 * Waivers (after Chef InSpec): an approved exception overlays `waived` on a finding and keeps its
 * raw status, so waived findings never vanish from a report. This is the ONE place waivers apply.
 *
 * A waiver matches a finding when its `rule` is the finding's rule or a dot-prefix of it
 * (`preferences.domestic` waives `preferences.domestic.office`), and every selector it states
 * (units, hosts, products) contains the finding's unit, host, product (hosts ignoring case, like
 * entitlement `scope.hosts`: Windows host names are case-insensitive). It is valid through its
 * `expires` date; from the next day it no longer applies and is reported as `waivers.expired`.
 */
import type { Finding, ResultStatus, Waiver } from '../../model.js';
import { deadlineSettings, localDate, makeFinding } from './finding-factory.js';

/** The result a reader sees: `waived` when a waiver applies, else the raw status. */
export function effectiveStatus(finding: Finding): ResultStatus | 'waived' {
  return finding.waiver ? 'waived' : finding.status;
}

/** A waiver's hosts in lower case: host names compare ignoring case, as entitlement scopes do. */
function lowerCaseHosts(waiver: Waiver): ReadonlySet<string> {
  return new Set((waiver.hosts ?? []).map((host) => host.toLowerCase()));
}

/** `hosts`: the waiver's hosts in lower case, when the caller keeps them (WaiverBook does). */
export function waiverMatches(waiver: Waiver, finding: Finding, hosts?: ReadonlySet<string>): boolean {
  if (finding.rule !== waiver.rule && !finding.rule.startsWith(`${waiver.rule}.`)) return false;
  const { unit, host, product } = finding.subject;
  if (waiver.units && waiver.units.length > 0 && (!unit || !waiver.units.includes(unit))) return false;
  if (
    waiver.hosts &&
    waiver.hosts.length > 0 &&
    (!host || !(hosts ?? lowerCaseHosts(waiver)).has(host.toLowerCase()))
  )
    return false;
  if (waiver.products && waiver.products.length > 0 && (!product || !waiver.products.includes(product)))
    return false;
  return true;
}

/**
 * Applies waivers to findings as of the clock's date. Returns new finding objects (inputs are not
 * mutated) with `waiver` set where one applies (the first valid matching waiver in policy order),
 * and one `waivers.expired` warning per expired waiver, naming how many findings it would cover.
 * `waivers.expired` findings themselves are never waived.
 */
export function applyWaivers(
  findings: Finding[],
  waivers: Waiver[],
  now: Date,
): { findings: Finding[]; expired: Finding[] } {
  const book = new WaiverBook(waivers, now);
  return { findings: book.apply(findings), expired: book.expiredFindings() };
}

/**
 * The same judgement for findings that arrive in groups (the auditor streams one host at a time):
 * `apply` each group, then `expiredFindings()` once, whose counts span every group applied.
 */
export class WaiverBook {
  private readonly today: string;
  private readonly valid: Waiver[];
  private readonly stale: Waiver[];
  private readonly wouldCover = new Map<Waiver, number>();
  /** Each waiver's hosts in lower case, made once per book: a book lives for one audit. */
  private readonly hostsOf = new Map<Waiver, ReadonlySet<string>>();

  constructor(waivers: readonly Waiver[], now: Date) {
    this.today = localDate(now);
    this.valid = waivers.filter((w) => w.expires >= this.today);
    this.stale = waivers.filter((w) => w.expires < this.today);
    for (const w of waivers) this.hostsOf.set(w, lowerCaseHosts(w));
  }

  private matches(waiver: Waiver, finding: Finding): boolean {
    return waiverMatches(waiver, finding, this.hostsOf.get(waiver));
  }

  /** True when no waiver can change a finding: `apply` returns its input as it is. */
  get empty(): boolean {
    return this.valid.length === 0 && this.stale.length === 0;
  }

  /** The findings with `waiver` set where a valid waiver applies; counts what stale waivers would cover. */
  apply(findings: Finding[]): Finding[] {
    if (!this.empty) return findings.map((finding) => this.applyOne(finding));
    // Nothing to apply; a waiver carried in from elsewhere (a merged report) is dropped as above.
    return findings.some((f) => f.waiver) ? findings.map((f) => this.applyOne(f)) : findings;
  }

  private applyOne(finding: Finding): Finding {
    if (finding.rule === 'waivers.expired' || finding.status === 'pass') return finding;
    const { waiver: _previous, ...raw } = finding;
    for (const w of this.stale)
      if (this.matches(w, raw)) this.wouldCover.set(w, (this.wouldCover.get(w) ?? 0) + 1);
    const waiver = this.valid.find((w) => this.matches(w, raw));
    if (!waiver) return raw;
    const applied: Finding['waiver'] = {
      id: waiver.id,
      justification: waiver.justification,
      expires: waiver.expires,
    };
    if (waiver.approvedBy) applied.approvedBy = waiver.approvedBy;
    if (waiver.ticket) applied.ticket = waiver.ticket;
    const trace = [
      ...(raw.trace ?? []),
      { step: 'waiver' as const, detail: `${waiver.id} (until ${waiver.expires}): ${waiver.justification}` },
    ];
    return { ...raw, waiver: applied, trace };
  }

  /** One `waivers.expired` warning per expired waiver, with the count of findings it would cover. */
  expiredFindings(): Finding[] {
    const today = this.today;
    return this.stale.map((w) => {
      const count = this.wouldCover.get(w) ?? 0;
      const where = w.location?.file
        ? ` (${w.location.file}${w.location.line ? `:${w.location.line}` : ''})`
        : '';
      return makeFinding(
        {
          rule: 'waivers.expired',
          status: 'warn',
          severity: 'low',
          subject: {
            ...(w.units?.length === 1 ? { unit: w.units[0] } : {}),
            ...(w.hosts?.length === 1 ? { host: w.hosts[0] } : {}),
            ...(w.products?.length === 1 ? { product: w.products[0] } : {}),
          },
          message: {
            zh: `豁免 ${w.id}（规则 ${w.rule}）已于 ${w.expires} 到期，不再生效；它原本覆盖的 ${count} 项结果不再豁免${where}`,
            en: `Waiver ${w.id} (rule ${w.rule}) expired on ${w.expires} and no longer applies; ${count} finding(s) it would cover are no longer waived${where}`,
          },
          remediation: {
            zh: '续批豁免或整改相关问题后删除该豁免',
            en: 'Renew the waiver or fix the findings and remove it',
          },
          evidence: w.location ? [{ source: 'policy', ...w.location, detail: `waiver ${w.id}` }] : [],
          trace: [
            { step: 'waiver', detail: `${w.id} expired ${w.expires} (today ${today}): ${w.justification}` },
          ],
          discriminator: w.id,
        },
        deadlineSettings(today, 0),
      );
    });
  }
}
