/**
 * licensing.expiring: a warning per entitlement that is still valid on asOf but expires within
 * `settings.expiryWarningDays` (default 90), naming the installations it covers today — they become
 * licensing.expired findings on the day after it expires unless it is renewed. One finding per
 * entitlement, not per installation: renewing is one decision about one ledger line.
 */
import type { EntitlementPosition, Finding, Policy } from '../../model.js';
import { DEFAULT_EXPIRY_WARNING_DAYS } from '../../policy/policy-defaults.js';
import { type DeadlineSettings, makeFinding } from './finding-factory.js';
import { sharedText } from './shared-parts.js';

/** Hosts named in the message; all of them are in the trace. */
const HOSTS_IN_MESSAGE = 10;

const REMEDIATION = sharedText(
  '到期前续订或重新采购该许可并更新台账，或安排到期后卸载相关软件',
  'Renew or re-purchase the licence before it expires and update the ledger, or plan to uninstall the software',
);

export function expiringFindings(
  positions: readonly EntitlementPosition[],
  policy: Policy,
  deadlines: DeadlineSettings,
): Finding[] {
  const window = policy.settings.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS;
  const findings: Finding[] = [];
  for (const position of positions) {
    const days = position.daysLeft;
    if (position.status !== 'active' || days === undefined || days < 0 || days > window) continue;
    const shown = position.hosts.slice(0, HOSTS_IN_MESSAGE).join(', ');
    const more = position.hosts.length - HOSTS_IN_MESSAGE;
    const hostsZh =
      position.hosts.length === 0
        ? '目前未覆盖任何安装'
        : `覆盖 ${position.consumed} 项安装：${shown}${more > 0 ? ` 等 ${position.hosts.length} 台计算机` : ''}`;
    const hostsEn =
      position.hosts.length === 0
        ? 'it covers no installation today'
        : `it covers ${position.consumed} installation${position.consumed === 1 ? '' : 's'}: ${shown}${more > 0 ? ` and ${more} more computers` : ''}`;
    findings.push(
      makeFinding(
        {
          rule: 'licensing.expiring',
          status: 'warn',
          severity: 'medium',
          subject: { product: position.product, entitlement: position.id },
          message: {
            zh: `许可 ${position.id}（${position.product}）将于 ${position.expires} 到期，剩余 ${days} 天；${hostsZh}`,
            en: `Entitlement ${position.id} (${position.product}) expires on ${position.expires}, in ${days} days; ${hostsEn}`,
          },
          remediation: REMEDIATION,
          trace: [
            {
              step: 'entitlement',
              detail: `${position.id}: expires ${position.expires}, ${days} days after asOf (warning window ${window} days)`,
            },
            ...(position.hosts.length > 0
              ? [{ step: 'entitlement' as const, detail: `covers: ${position.hosts.join(', ')}` }]
              : []),
          ],
        },
        deadlines,
      ),
    );
  }
  return findings;
}
