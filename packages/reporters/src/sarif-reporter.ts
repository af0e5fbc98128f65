/**
 * sarif: SARIF 2.1.0, one run. Mapping (documented in the README):
 * - `tool.driver.rules`: one per rule id (report rules, then any rule only findings name), short
 *   description in the chosen locale, full description in both languages.
 * - result `kind`: fail/warn/error → `fail` (error = could not be judged; `properties.status` keeps
 *   the raw status), pass → `pass`, skip → `notApplicable`.
 * - result `level` for kind `fail`: critical/high → `error`, medium → `warning`, low/info → `note`;
 *   `none` for the other kinds (SARIF allows a level only on failures).
 * - waived findings carry `suppressions: [{ kind: 'external', status: 'accepted', justification }]`.
 * - locations: each evidence with a file → physicalLocation (uri + startLine); always a logical
 *   location `unit/host/product`.
 * - input problems → `invocations[0].toolExecutionNotifications`.
 */
import type {
  ComplianceReport,
  Evidence,
  Finding,
  Locale,
  Reporter,
  ReporterContext,
  Severity,
} from '@zhengban/core';
import { problemText } from '@zhengban/core';
import { replaceLoneSurrogates } from './escaping.js';
import { localText, t } from './messages.js';
import { sortFindings, waiverText } from './report-view.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note' | 'none';

const LEVEL: Record<Severity, Level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

function kindOf(finding: Finding): 'fail' | 'pass' | 'notApplicable' {
  if (finding.status === 'pass') return 'pass';
  if (finding.status === 'skip') return 'notApplicable';
  return 'fail';
}

/**
 * A file path as a URI reference: backslashes become slashes, a drive letter becomes `file:///C:/`,
 * and every character outside the URI set is percent-encoded (UTF-8), Chinese names included.
 */
export function pathToUri(path: string): string {
  let value = replaceLoneSurrogates(path).replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(value)) value = `file:///${value}`;
  else if (value.startsWith('/')) value = `file://${value}`;
  return encodeURI(value).replace(/[[\]#?]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function physicalLocation(evidence: Evidence) {
  const region =
    evidence.line === undefined
      ? undefined
      : {
          startLine: evidence.line,
          ...(evidence.column === undefined ? {} : { startColumn: evidence.column }),
          ...(evidence.endLine === undefined ? {} : { endLine: evidence.endLine }),
          ...(evidence.endColumn === undefined ? {} : { endColumn: evidence.endColumn }),
        };
  return {
    physicalLocation: {
      artifactLocation: { uri: pathToUri(evidence.file!) },
      ...(region ? { region } : {}),
    },
  };
}

function logicalName(finding: Finding): string {
  const { unit, host, product, software } = finding.subject;
  return [unit, host, product ?? software?.name].filter((part) => part !== undefined).join('/');
}

function locations(finding: Finding) {
  const located = finding.evidence.filter((evidence) => evidence.file);
  const logical = logicalName(finding);
  const logicalLocations = logical ? [{ fullyQualifiedName: logical, kind: 'resource' }] : undefined;
  if (located.length === 0) return logicalLocations ? [{ logicalLocations }] : [];
  return located.map((evidence) => ({
    ...physicalLocation(evidence),
    ...(logicalLocations ? { logicalLocations } : {}),
  }));
}

function ruleDescriptors(report: ComplianceReport, ctx: ReporterContext) {
  const ids = [...new Set([...report.rules.map((rule) => rule.id), ...report.findings.map((f) => f.rule)])];
  return ids.map((id) => {
    const meta = Object.hasOwn(ctx.rulesMeta, id) ? ctx.rulesMeta[id] : undefined;
    const description = meta?.description ?? { zh: id, en: id };
    return {
      id,
      shortDescription: { text: localText(description, ctx.locale) },
      fullDescription: { text: `${description.zh} / ${description.en}` },
      ...(meta?.helpUri ? { helpUri: meta.helpUri } : {}),
      defaultConfiguration: { level: LEVEL[meta?.defaultSeverity ?? 'medium'] },
    };
  });
}

function result(finding: Finding, ruleIndex: number, locale: Locale) {
  const kind = kindOf(finding);
  const { unit, host, product, software } = finding.subject;
  return {
    ruleId: finding.rule,
    ruleIndex,
    kind,
    level: kind === 'fail' ? LEVEL[finding.severity] : 'none',
    message: { text: replaceLoneSurrogates(localText(finding.message, locale)) },
    locations: locations(finding),
    partialFingerprints: { 'zhengbanFindingId/v1': finding.id },
    ...(finding.waiver
      ? {
          suppressions: [
            { kind: 'external', status: 'accepted', justification: waiverText(finding, locale) },
          ],
        }
      : {}),
    properties: {
      status: finding.status,
      severity: finding.severity,
      ...(unit === undefined ? {} : { unit }),
      ...(host === undefined ? {} : { host }),
      ...(product === undefined ? {} : { product }),
      ...(software === undefined ? {} : { software: software.name }),
      ...(finding.deadline === undefined ? {} : { deadline: finding.deadline }),
      ...(finding.firstSeen === undefined ? {} : { firstSeen: finding.firstSeen }),
      ...(finding.overdue ? { overdue: true } : {}),
    },
  };
}

const NOTIFICATION_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function renderSarif(report: ComplianceReport, ctx: ReporterContext): string {
  const rules = ruleDescriptors(report, ctx);
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  const notifications = report.problems.map((problem) => ({
    level: NOTIFICATION_LEVEL[problem.severity],
    message: { text: `${problemText(problem, ctx.locale)} (${problem.code})` },
    descriptor: { id: problem.code },
    ...(problem.file ? { locations: [physicalLocation({ ...problem, source: problem.source })] } : {}),
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            fullName: `${report.tool.name} ${report.tool.version}`,
            language: ctx.locale,
            rules,
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        automationDetails: {
          description: {
            text: t('report.heading', ctx.locale, { policy: report.policy.name, asOf: report.asOf }),
          },
        },
        language: ctx.locale,
        results: sortFindings(report).map((finding) => result(finding, index.get(finding.rule)!, ctx.locale)),
        properties: { policy: report.policy, asOf: report.asOf },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export function sarifReporter(): Reporter {
  return { name: 'sarif', extension: 'sarif', render: renderSarif };
}
