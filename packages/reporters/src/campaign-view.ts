/**
 * What every format says of the campaign (report.campaign): the overdue findings per unit and in
 * all, where carried dates came from, and each finding's overdue mark. See docs/semantics.md
 * ("Deadlines and overdue findings").
 */
import type { ComplianceReport, Finding, Locale } from '@zhengban/core';
import { t } from './messages.js';
import { unitName } from './report-view.js';

/**
 * Overdue findings of one unit (the statistics row's name), of a unit and everything under it (a
 * parent's subtotal row), or of all units for the totals row.
 */
export function overdueOf(
  report: ComplianceReport,
  unit?: string,
  withSubordinates = false,
): number | undefined {
  const campaign = report.campaign;
  if (!campaign) return undefined;
  if (unit === undefined) return campaign.overdue;
  const parentOf = new Map(report.units.map((row) => [row.unit, row.parent]));
  const under = (name: string): boolean => {
    const seen = new Set<string>();
    for (let at: string | undefined = name; at !== undefined && !seen.has(at); at = parentOf.get(at)) {
      if (at === unit) return true;
      seen.add(at);
    }
    return false;
  };
  return campaign.units
    .filter((entry) => (withSubordinates ? under(entry.unit) : entry.unit === unit))
    .reduce((sum, entry) => sum + entry.overdue, 0);
}

/** One sentence per campaign fact, for the headline of console, markdown and html; empty without a campaign. */
export function campaignLines(report: ComplianceReport, locale: Locale): string[] {
  const campaign = report.campaign;
  if (!campaign) return [];
  const lines = [t('campaign.overdue', locale, { overdue: campaign.overdue, asOf: report.asOf })];
  const units = campaign.units.filter((entry) => entry.overdue > 0);
  if (units.length > 0) {
    const list = units.map((entry) =>
      t('campaign.unitCount', locale, { ...entry, unit: unitName(entry.unit, locale) }),
    );
    lines.push(t('campaign.byUnit', locale, { list: list.join(locale === 'en' ? ', ' : '，') }));
  }
  if (campaign.since) lines.push(t('campaign.since', locale, campaign.since));
  if (campaign.deadline) lines.push(t('campaign.deadline', locale, { deadline: campaign.deadline }));
  return lines;
}

/** `逾期` for an overdue finding, else empty. */
export function overdueMark(finding: Finding, locale: Locale): string {
  return finding.overdue ? t('finding.overdueYes', locale) : '';
}

/** The deadline as a finding's detail line says it: `限 … 前整改`, and `已逾期（首次发现于 …）` when overdue. */
export function deadlineDetail(finding: Finding, reportAsOf: string, locale: Locale): string | undefined {
  if (!finding.deadline || finding.waiver) return undefined;
  const fix = t('finding.deadlineShort', locale, { deadline: finding.deadline });
  if (!finding.overdue) return fix;
  return `${fix} ${t('finding.overdueShort', locale, { firstSeen: finding.firstSeen ?? reportAsOf })}`;
}
