/**
 * Every built-in rule id, with what it judges in both locales and where docs/semantics.md explains
 * it. Reporters read these from `report.rules` (and SARIF/JUnit list them), so ids never change.
 * `requirements.missing` and `preferences.domestic` are families: the report names one rule per class
 * (`requirements.missing.office`).
 */
import type { RuleMeta, Severity } from '../../model.js';

const DOC = 'docs/semantics.md';

function meta(id: string, anchor: string, defaultSeverity: Severity, zh: string, en: string): RuleMeta {
  return { id, description: { zh, en }, helpUri: `${DOC}#${anchor}`, defaultSeverity };
}

export const builtinRules: Record<string, RuleMeta> = {
  'licensing.unlicensed': meta(
    'licensing.unlicensed',
    'licensing-unlicensed',
    'high',
    '商业软件安装没有任何有效许可覆盖（无台账记录、席位已用尽、不在授权范围内或许可已报废）',
    'A commercial installation that no entitlement covers (no ledger line, no free seat, out of scope, or retired)',
  ),
  'licensing.expired': meta(
    'licensing.expired',
    'licensing-expired',
    'high',
    '商业软件安装仅被已过期的许可覆盖',
    'A commercial installation covered only by an entitlement past its expiry',
  ),
  'licensing.version': meta(
    'licensing.version',
    'licensing-version',
    'high',
    '已安装版本不在许可的版本范围内（无降级/升级权）',
    'The installed version is outside the version range of the entitlements (no downgrade/upgrade right)',
  ),
  'licensing.edition': meta(
    'licensing.edition',
    'licensing-edition',
    'high',
    '已安装版本型（如家庭版/专业版）不在许可覆盖的版本型内',
    'The installed edition (e.g. Home, Professional) is not among the editions the entitlements cover',
  ),
  'licensing.expiring': meta(
    'licensing.expiring',
    'licensing-expiring',
    'medium',
    '许可将在预警期内到期（默认 90 天），到期后其覆盖的安装将失去许可',
    'An entitlement expires within the warning window (default 90 days); the installations it covers lose their licence then',
  ),
  'requirements.missing': meta(
    'requirements.missing',
    'requirements-missing',
    'high',
    '计算机缺少必装类别的软件（操作系统、办公软件、杀毒软件）',
    'A computer has no product of a mandatory class (operating system, office suite, antivirus)',
  ),
  'requirements.edition': meta(
    'requirements.edition',
    'requirements-edition',
    'high',
    '使用了政策不允许的版本型（如 Windows 家庭版）',
    'An edition the policy does not allow (e.g. Windows Home)',
  ),
  'requirements.activation': meta(
    'requirements.activation',
    'requirements-activation',
    'high',
    '操作系统或办公软件的激活证据不正版：许可状态不是已授权，或使用了本单位 KMS 服务器以外的 KMS 主机',
    'OS or Office activation evidence is not genuine: licence status is not Licensed, or a KMS host outside the allow-list',
  ),
  'preferences.domestic': meta(
    'preferences.domestic',
    'preferences-domestic',
    'medium',
    '单位的国产化率低于政策目标',
    "A unit's domestic rate is below the policy's target",
  ),
  'forbidden.product': meta(
    'forbidden.product',
    'forbidden-product',
    'critical',
    '安装了禁止使用的软件（如激活工具）',
    'A forbidden product is installed (e.g. an activator)',
  ),
  'forbidden.pattern': meta(
    'forbidden.pattern',
    'forbidden-pattern',
    'critical',
    '软件名称或发行者命中禁止模式（破解、注册机等）',
    'A software name or publisher matches a forbidden pattern (crack, keygen, …)',
  ),
  unauthorised: meta(
    'unauthorised',
    'unauthorised',
    'high',
    '未经授权的软件：白名单模式下未列入目录或无许可的软件，或按设置视为未授权的未识别软件',
    'Unauthorised software: not catalogued-and-entitled in allowlist mode, or unrecognised software the settings treat as unauthorised',
  ),
  'versions.unparseable': meta(
    'versions.unparseable',
    'versions-unparseable',
    'medium',
    '版本号无法解析，无法判断许可的版本范围',
    'The version cannot be read, so the version range of an entitlement cannot be judged',
  ),
  'waivers.expired': meta(
    'waivers.expired',
    'waivers-expired',
    'low',
    '豁免已过期，不再生效',
    'A waiver has expired and no longer applies',
  ),
};

/** Class names in prose: the statutory three have proper words, others stay as written. */
export const CLASS_NAMES: Record<string, { zh: string; en: string }> = {
  os: { zh: '操作系统', en: 'operating system' },
  office: { zh: '办公软件', en: 'office suite' },
  antivirus: { zh: '杀毒软件', en: 'antivirus' },
  browser: { zh: '浏览器', en: 'browser' },
  pdf: { zh: 'PDF 阅读器', en: 'PDF reader' },
};

export function className(cls: string): { zh: string; en: string } {
  return CLASS_NAMES[cls] ?? { zh: cls, en: cls };
}

/** The RuleMeta of a concrete built-in id, including per-class ids of the two families. */
export function builtinRuleMeta(id: string, severity?: Severity): RuleMeta | undefined {
  const direct = builtinRules[id];
  if (direct) return direct;
  for (const family of ['requirements.missing', 'preferences.domestic']) {
    if (!id.startsWith(`${family}.`)) continue;
    const base = builtinRules[family]!;
    const cls = className(id.slice(family.length + 1));
    const description =
      family === 'requirements.missing'
        ? { zh: `计算机缺少必装的${cls.zh}`, en: `A computer has no ${cls.en}` }
        : {
            zh: `单位的${cls.zh}国产化率低于目标`,
            en: `A unit's domestic rate for ${cls.en} is below target`,
          };
    return { ...base, id, description, defaultSeverity: severity ?? base.defaultSeverity };
  }
  return undefined;
}
