/**
 * `zhengban explain REPORT.json FINDING-ID|HOST`: a finding's trace (or every finding of one
 * computer) as sentences — where it was read, what it was recognised as, which rule judged it,
 * which entitlements were tried and why each did not apply, which waiver applies.
 */
import { effectiveStatus, explain, type Finding } from '@zhengban/core';
import { type CliContext, say } from '../cli-io.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes.js';
import { msg } from '../messages.js';
import { readReport } from '../report-file.js';

export function explainCommand(ctx: CliContext, file: string, target: string): number {
  const report = readReport(ctx, file);
  const byId = report.findings.filter((finding) => finding.id === target);
  const wanted = target.toLowerCase();
  const chosen =
    byId.length > 0
      ? byId
      : report.findings.filter((finding) => finding.subject.host?.toLowerCase() === wanted);
  if (chosen.length === 0) {
    // A report lists findings, not computers: a computer without findings is not told apart here.
    say(ctx, msg(ctx.locale, 'explainNothing', { target, file }));
    return EXIT_FINDINGS;
  }
  const lines: string[] = [];
  for (const finding of chosen) {
    if (lines.length > 0) lines.push('');
    lines.push(heading(ctx, finding));
    for (const line of explain(finding, ctx.locale)) lines.push(`  ${line}`);
  }
  ctx.io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

/** `294e3f0f261bf7a0  licensing.unlicensed  不合格  DWX-PC-001（市财政局）  ms-office` */
function heading(ctx: CliContext, finding: Finding): string {
  const status = effectiveStatus(finding);
  const where = finding.subject.host
    ? `${finding.subject.host}${finding.subject.unit ? `（${finding.subject.unit}）` : ''}`
    : (finding.subject.unit ?? '');
  return [
    finding.id,
    finding.rule,
    msg(ctx.locale, `status_${status}` as 'status_fail'),
    where,
    finding.subject.product ?? '',
  ]
    .filter(Boolean)
    .join('  ');
}
