/**
 * junit: compliance as tests for a CI server. One `<testsuite>` per unit (statistics-table order,
 * units without findings included), one `<testcase>` per host × rule family (the six families
 * always, plus any other family a finding names, e.g. `waivers`). Inside a case:
 * fail → `<failure>`, error (could not be judged) → `<error>`, only waived → `<skipped>` with the
 * justification; warn, pass and skip leave the case passing and are listed in `<system-out>`.
 * All text is XML-escaped and stripped of characters XML 1.0 forbids.
 */
import type { ComplianceReport, Finding, Locale, Reporter, ReporterContext } from '@zhengban/core';
import { escapeXml as x } from './escaping.js';
import { statusLabel } from './labels.js';
import { localText, t } from './messages.js';
import {
  effectiveStatus,
  evidenceList,
  groupFindings,
  hostName,
  RULE_FAMILIES,
  ruleFamily,
  unitName,
  waiverText,
} from './report-view.js';

interface CaseResult {
  xml: string;
  failed: boolean;
  errored: boolean;
  skipped: boolean;
}

function findingLine(finding: Finding, locale: Locale): string {
  const status = statusLabel(effectiveStatus(finding), locale);
  const evidence = evidenceList(finding);
  const waiver = finding.waiver ? ` — ${waiverText(finding, locale)}` : '';
  return `[${status}] ${finding.rule}: ${localText(finding.message, locale)}${evidence ? ` (${evidence})` : ''}${waiver}`;
}

function testCase(
  suite: string,
  host: string,
  family: string,
  findings: Finding[],
  locale: Locale,
): CaseResult {
  const active = findings.filter((finding) => !finding.waiver);
  const failures = active.filter((finding) => finding.status === 'fail');
  const errors = active.filter((finding) => finding.status === 'error');
  const waived = findings.filter((finding) => finding.waiver);
  const open = `    <testcase classname="${x(`${suite}.${host}`)}" name="${x(family)}"`;
  const lines = findings.map((finding) => findingLine(finding, locale)).join('\n');
  let body = '';
  if (failures.length > 0) {
    body = `      <failure message="${x(localText(failures[0]!.message, locale))}" type="${x(failures[0]!.rule)}">${x(lines)}</failure>\n`;
  } else if (errors.length > 0) {
    body = `      <error message="${x(localText(errors[0]!.message, locale))}" type="${x(errors[0]!.rule)}">${x(lines)}</error>\n`;
  } else if (
    waived.length > 0 &&
    active.every((finding) => finding.status === 'pass' || finding.status === 'skip')
  ) {
    body = `      <skipped message="${x(waiverText(waived[0]!, locale))}"/>\n`;
  }
  if (findings.length > 0 && failures.length + errors.length === 0)
    body += `      <system-out>${x(lines)}</system-out>\n`;
  return {
    xml: body ? `${open}>\n${body}    </testcase>` : `${open}/>`,
    failed: failures.length > 0,
    errored: failures.length === 0 && errors.length > 0,
    skipped: body.includes('<skipped'),
  };
}

export function renderJunit(report: ComplianceReport, ctx: ReporterContext): string {
  const locale = ctx.locale;
  const groups = groupFindings(report);
  const byUnit = new Map(groups.map((group) => [group.unit, group]));
  const extraFamilies = [...new Set(report.findings.map((f) => ruleFamily(f.rule)))]
    .filter((family) => !(RULE_FAMILIES as readonly string[]).includes(family))
    .sort();
  const families = [...RULE_FAMILIES, ...extraFamilies];
  const suiteUnits: (string | undefined)[] = [...report.units.map((u) => u.unit)];
  for (const group of groups) if (!suiteUnits.includes(group.unit)) suiteUnits.push(group.unit);
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const suites = suiteUnits.map((unit) => {
    const name = unitName(unit, locale);
    const cases: CaseResult[] = [];
    for (const host of byUnit.get(unit)?.hosts ?? []) {
      for (const family of families) {
        const findings = host.findings.filter((finding) => ruleFamily(finding.rule) === family);
        cases.push(testCase(name, hostName(host.host, locale), family, findings, locale));
      }
    }
    const counts = {
      tests: cases.length,
      failures: cases.filter((c) => c.failed).length,
      errors: cases.filter((c) => c.errored).length,
      skipped: cases.filter((c) => c.skipped).length,
    };
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.errors += counts.errors;
    totals.skipped += counts.skipped;
    const attributes = `name="${x(name)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" timestamp="${x(report.asOf)}"`;
    return cases.length === 0
      ? `  <testsuite ${attributes}/>`
      : `  <testsuite ${attributes}>\n${cases.map((c) => c.xml).join('\n')}\n  </testsuite>`;
  });
  const title = `${t('report.title', locale)}: ${report.policy.name}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(title)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

export function junitReporter(): Reporter {
  return { name: 'junit', extension: 'xml', render: renderJunit };
}
