/**
 * Writes policy.yaml from the ledger, in the public policy format (/work/shared/policy-example.yaml
 * is its model): the city's catalogue additions, its licence ledger, requirements, preferences,
 * forbidden software, one custom rule, waivers and settings.
 */
import {
  DOMESTIC_TARGETS,
  EDITIONS_DENIED,
  ENTITLEMENTS,
  FORBIDDEN_PATTERN,
  FORBIDDEN_PRODUCTS,
  KMS_HOSTS,
  OLD_ANTIVIRUS_BEFORE,
  WAIVERS,
} from './ledger.mjs';

const q = (text) => JSON.stringify(text);
const list = (items) => `[${items.map(q).join(', ')}]`;

function entitlementYaml(e) {
  const lines = [`  - id: ${e.id}`, `    product: ${e.product}`];
  if (e.editions) lines.push(`    editions: [${e.editions.join(', ')}]`);
  if (e.versions) lines.push(`    versions: ${q(e.versions)}`);
  lines.push(`    type: ${e.type}`);
  if (e.seats !== undefined) lines.push(`    seats: ${e.seats}`);
  if (e.scope?.units) lines.push(`    scope: { units: ${list(e.scope.units)} }`);
  if (e.scope?.hosts) {
    lines.push('    scope:', '      hosts:');
    for (let i = 0; i < e.scope.hosts.length; i += 5)
      lines.push(
        `        ${e.scope.hosts
          .slice(i, i + 5)
          .map((h) => `- ${h}`)
          .join('\n        ')}`,
      );
  }
  if (e.origin) lines.push(`    origin: ${e.origin}`);
  for (const key of ['purchased', 'validFrom', 'expires']) if (e[key]) lines.push(`    ${key}: ${e[key]}`);
  if (e.evidence) {
    lines.push(
      `    evidence: { ${Object.entries(e.evidence)
        .map(([k, v]) => `${k}: ${q(v)}`)
        .join(', ')} }`,
    );
  }
  if (e.status !== 'active')
    lines.push(
      `    status: ${e.status}`,
      `    retired: { date: ${e.retired.date}, reason: ${e.retired.reason} }`,
    );
  lines.push(`    notes: ${q(e.notes)}`);
  return lines.join('\n');
}

function waiverYaml(w) {
  const lines = [`  - id: ${w.id}`, `    rule: ${w.rule}`];
  if (w.units) lines.push(`    units: ${list(w.units)}`);
  if (w.hosts) lines.push(`    hosts: [${w.hosts.join(', ')}]`);
  lines.push(`    justification: ${q(w.justification)}`, `    approvedBy: ${w.approvedBy}`);
  if (w.ticket) lines.push(`    ticket: ${w.ticket}`);
  lines.push(`    expires: ${w.expires}`);
  return lines.join('\n');
}

export function policyYaml() {
  return `# yaml-language-server: $schema=../../packages/core/schema/policy.schema.json
#
# 示例市 2013 年软件正版化工作的检查与验收策略 (written by generate.mjs — edit the generator, then rerun it).
# The same policy judges both snapshots: run the baseline with --as-of 2013-06-30, the acceptance
# with the default asOf below. Licences bought after the baseline are "not yet valid" on 2013-06-30.
apiVersion: zhengban/v1
metadata:
  name: city-2013
  version: 2013.12.0
  description: 市县两级党政机关软件正版化 — 自查（2013-06-30）与验收（2013-12-20）
  owner: 市软件正版化工作领导小组办公室（设在市文化广电局）

extends:
  - builtin:cn-gov-baseline        # catalogue + national baseline rules (@zhengban/rules)

catalog:
  vendors:
    - id: city-it-center
      name: 市信息中心
      names: ["市信息中心", "市政府信息中心"]
      domestic: true
  products:
    - id: city-oa-client             # the city's own application, installed on every city computer
      name: 市政府协同办公系统客户端
      vendor: city-it-center
      category: other
      domestic: true
      license: bundled
      match:
        name: { glob: "协同办公*" }

# 软件正版化台账: every licence the city holds or held, with its scope and evidence.
entitlements:
${ENTITLEMENTS.map(entitlementYaml).join('\n')}

requirements:
  classes: [os, office, antivirus]   # every computer: installed AND licensed, one of each
  editions:
    os: { deny: [${EDITIONS_DENIED.join(', ')}] }
  activation:
    kmsHosts: ${list(KMS_HOSTS)}      # the city's own KMS host; any other KMS host is not genuine

preferences:
  domestic:
${DOMESTIC_TARGETS.map((t) => `    - class: ${t.class}\n      target: ${t.target}\n      severity: ${t.severity}`).join('\n')}

forbidden:
  mode: report                       # unknown software is listed for review, not failed
  products: [${FORBIDDEN_PRODUCTS.join(', ')}]
  patterns:
    - name: { regex: ${q(FORBIDDEN_PATTERN)} }
      reason: 盗版 "Ghost" 系统封装者附带的工具，说明该机操作系统来源不正

rules:
  - id: av-too-old
    scope: software
    severity: warn
    conditions:
      all:
        - { fact: category, operator: equal, value: antivirus }
        - { fact: installDate, operator: lessThan, value: ${q(OLD_ANTIVIRUS_BEFORE)} }
    message: 杀毒软件安装于 2010 年以前，引擎与病毒库多已停止更新，请更换

waivers:
${WAIVERS.map(waiverYaml).join('\n')}

settings:
  asOf: 2013-12-20
  remediationDays: 15                # 限期纠正
  unrecognised: report
`;
}
