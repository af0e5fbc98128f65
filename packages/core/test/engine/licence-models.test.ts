/**
 * Licence models beyond commercial/free: `personal-use` (free at home, a licence in an agency),
 * `unreviewed` (a draft entry nobody has decided yet) and `licenseByVersion` (Oracle Java SE 8 is
 * free up to 8u202 and needs a subscription from 8u211). Policies go through the real loader, so the
 * YAML shape and its errors are tested with the judgement.
 */
import { createAuditor, type HostInventory, PolicyError, parsePolicy } from '@zhengban/core';
import { describe, expect, it } from 'vitest';

const POLICY = `apiVersion: zhengban/v1
metadata: { name: licence-models }
requirements: { classes: [] }
catalog:
  products:
    - id: xshell
      category: tool
      license: personal-use
      match: { name: { regex: "(?i)^xshell\\\\b" } }
    - id: draft-tool
      category: tool
      license: unreviewed
      match: { name: { regex: "^Draft Tool" } }
    - id: oracle-java
      category: runtime
      license: personal-use
      versionScheme: windows
      licenseByVersion:
        - { versions: ">=8.0.2110 <9", license: personal-use, notes: "8u211+: OTN" }
        - { versions: "<11", license: freeware }
      match: { name: { regex: "(?i)^java \\\\d+ update" } }
    - id: notepad-plus-plus
      category: tool
      license: open-source
      match: { name: { regex: "(?i)^notepad\\\\+\\\\+" } }
`;

const host = (id: string, name: string, version?: string): HostInventory => ({
  id,
  unit: '办公室',
  scanner: 'test',
  software: [{ name, ...(version ? { version } : {}), source: 'test', evidence: { source: 'test' } }],
});

async function licensingFindings(policyText: string, hosts: HostInventory[]) {
  const auditor = createAuditor(parsePolicy(policyText, { filename: 'licence-models.yaml' }));
  for (const h of hosts) auditor.add(h);
  const report = await auditor.finish();
  return report.findings
    .filter((finding) => finding.rule.startsWith('licensing.'))
    .map((finding) => [finding.subject.host, finding.subject.product, finding.rule]);
}

describe('licence models', () => {
  it('judges personal-use and unreviewed products like commercial ones, free ones not at all', async () => {
    const findings = await licensingFindings(POLICY, [
      host('PC-1', 'Xshell 7', '7.0.0099'),
      host('PC-2', 'Draft Tool 2', '2.0'),
      host('PC-3', 'Notepad++ (64-bit x64)', '8.5.4'),
    ]);
    expect(findings).toEqual([
      ['PC-1', 'xshell', 'licensing.unlicensed'],
      ['PC-2', 'draft-tool', 'licensing.unlicensed'],
    ]);
  });

  it('says in the finding that a personal-use product is free at home only', async () => {
    const auditor = createAuditor(parsePolicy(POLICY, { filename: 'licence-models.yaml' }));
    auditor.add(host('PC-1', 'Xshell 7', '7.0.0099'));
    const [finding] = (await auditor.finish()).findings;
    expect(finding!.message.zh).toBe(
      'PC-1 上的 Xshell 7 7.0.0099 没有有效许可（台账中没有 xshell 的许可）；该软件仅限个人免费使用，单位使用须取得商业许可',
    );
    expect((finding!.trace ?? []).map((step) => step.detail)).toContain(
      'license: personal-use (free for personal use only; needs an entitlement in an agency)',
    );
  });

  it('takes the model of the first version range that holds, else the product model', async () => {
    const findings = await licensingFindings(POLICY, [
      host('J-6', 'Java 6 Update 45', '6.0.450'), // < 11: freeware (Binary Code Licence)
      host('J-8a', 'Java 8 Update 202', '8.0.2020.8'), // last BCL update: freeware
      host('J-8b', 'Java 8 Update 211', '8.0.2110.12'), // >= 8u211: personal-use
      host('J-11', 'Java 11 Update 2', '11.0.2'), // no range: the product's personal-use
      host('J-x', 'Java 8 Update 401'), // no version read: the product's personal-use
    ]);
    expect(findings).toEqual([
      ['J-11', 'oracle-java', 'licensing.unlicensed'],
      ['J-8b', 'oracle-java', 'licensing.unlicensed'],
      ['J-x', 'oracle-java', 'licensing.unlicensed'],
    ]);
  });

  it('gives custom rules the model at the installed version', async () => {
    const text = `${POLICY}rules:
  - id: free-java
    scope: software
    conditions: { all: [{ fact: product, operator: equal, value: oracle-java }, { fact: license, operator: equal, value: freeware }] }
    message: free java
`;
    const auditor = createAuditor(parsePolicy(text, { filename: 'licence-models.yaml' }));
    auditor.add(host('J-8a', 'Java 8 Update 202', '8.0.2020.8'));
    auditor.add(host('J-8b', 'Java 8 Update 211', '8.0.2110.12'));
    const report = await auditor.finish();
    expect(report.findings.filter((f) => f.rule === 'custom.free-java').map((f) => f.subject.host)).toEqual([
      'J-8a',
    ]);
  });

  it('refuses a model word it does not know and a range it cannot read, located', () => {
    const problemsOf = (text: string) => {
      try {
        parsePolicy(text, { filename: 'licence-models.yaml' });
      } catch (error) {
        expect(error).toBeInstanceOf(PolicyError);
        return (error as PolicyError).problems.map((p) => [p.code, p.line]);
      }
      return [];
    };
    expect(
      problemsOf(POLICY.replace('license: personal-use\n      match', 'license: home-use\n      match')),
    ).toEqual([['policy.wrong-value', 8]]);
    expect(problemsOf(POLICY.replace('">=8.0.2110 <9"', '"from 8u211 on"'))).toEqual([
      ['policy.bad-range', 19],
    ]);
  });
});
