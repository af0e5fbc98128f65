/**
 * Edition restrictions that can never match (docs/semantics.md#editions): an entitlement listing
 * editions its product does not come in, or a `requirements.editions` rule for a class whose
 * products cannot have the editions it names (or that has no product at all). Such a restriction
 * is not an error — the policy loads — but it silently covers or refuses nothing, so the audit says
 * so as a warning located at the policy line.
 */
import type { LocalText, Policy, Problem, SourceLocation } from '../../model.js';

export const EDITION_UNREACHABLE = 'policy.edition-unreachable';

function at(where: SourceLocation | undefined): Pick<Problem, 'file' | 'line' | 'column'> {
  const out: Pick<Problem, 'file' | 'line' | 'column'> = {};
  if (where?.file !== undefined) out.file = where.file;
  if (where?.line !== undefined) out.line = where.line;
  if (where?.column !== undefined) out.column = where.column;
  return out;
}

export function editionRestrictionProblems(policy: Policy): Problem[] {
  const problems: Problem[] = [];
  // `what` is the whole warning in both languages (`en` is the message).
  const warn = (what: LocalText, where: SourceLocation | undefined) =>
    problems.push({
      ...at(where),
      message: what.en,
      params: { what },
      severity: 'warning',
      code: EDITION_UNREACHABLE,
      source: 'engine',
    });
  const products = new Map(policy.catalog.products.map((p) => [p.id, p]));

  for (const e of policy.entitlements) {
    const product = products.get(e.product);
    const declared = product?.editions;
    if (!e.editions || e.editions.length === 0 || !declared || declared.length === 0) continue;
    const never = e.editions.filter((edition) => !declared.includes(edition));
    if (never.length === 0) continue;
    const none = never.length === e.editions.length;
    warn(
      {
        en: `entitlement ${e.id} lists edition(s) ${never.join(', ')} that product ${e.product} does not come in (its editions: ${declared.join(', ')})${
          none ? '; it can cover no installation' : ''
        }`,
        zh: `授权 ${e.id} 列出了产品 ${e.product} 没有的版本 ${never.join(', ')}（它的版本有：${declared.join(', ')}）${
          none ? '；它不能覆盖任何安装' : ''
        }`,
      },
      e.location,
    );
  }

  for (const [cls, rule] of Object.entries(policy.requirements.editions)) {
    const words = [...(rule.allow ?? []), ...(rule.deny ?? [])];
    if (words.length === 0) continue;
    const ofClass = policy.catalog.products.filter((p) => p.category === cls);
    if (ofClass.length === 0) {
      warn(
        {
          en: `requirements.editions.${cls}: the catalogue has no product of class ${cls}; the rule judges nothing`,
          zh: `requirements.editions.${cls}：目录中没有类别为 ${cls} 的产品；这条规则不判定任何安装`,
        },
        rule.location,
      );
      continue;
    }
    // A product that declares no editions may carry any edition its name or record names.
    if (ofClass.some((p) => !p.editions || p.editions.length === 0)) continue;
    const possible = new Set(ofClass.flatMap((p) => p.editions!));
    const never = words.filter((edition) => !possible.has(edition));
    if (never.length === 0) continue;
    warn(
      {
        en: `requirements.editions.${cls} names edition(s) ${never.join(', ')} that no product of class ${cls} comes in (their editions: ${[...possible].join(', ')})`,
        zh: `requirements.editions.${cls} 列出的版本 ${never.join(', ')} 不是类别 ${cls} 中任何产品的版本（这些产品的版本有：${[...possible].join(', ')}）`,
      },
      rule.location,
    );
  }
  return problems;
}
