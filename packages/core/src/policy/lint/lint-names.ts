/**
 * Names a policy compares by equality — units, hosts, classes — checked against what exists. A
 * name with a space at its end, a full-width space, or one character off equals nothing, and the
 * scope or waiver it belongs to silently matches no computer.
 */
import { closest } from '../did-you-mean.js';
import type { Path } from '../policy-yaml.js';
import { classFromWord, type LintContext, warnAt } from './lint-context.js';
import { hintFor } from './lint-messages.js';

/** Who names it, in both locales: `豁免“W1”` / `Waiver "W1"`. */
export interface Owner {
  zh: string;
  en: string;
}

const EDGE_SPACE = /^\s|\s$/;

/** True (after warning) when `name` starts or ends with white space, ideographic space included. */
function spacedName(
  context: LintContext,
  what: Owner,
  name: string,
  path: Path,
  known: Iterable<string>,
): boolean {
  if (!EDGE_SPACE.test(name)) return false;
  const ideographic = /^\u3000|\u3000$/.test(name);
  const trimmed = name.trim();
  const exists = [...known].includes(trimmed);
  warnAt(
    context,
    'name-space',
    'spaceInName',
    {
      what: what.zh,
      whatEn: what.en,
      name,
      kind: ideographic ? '全角空格' : '空格',
      kindEn: ideographic ? 'an ideographic (full-width) space' : 'a space',
    },
    path,
    hintFor(exists || trimmed ? trimmed : undefined),
  );
  return true;
}

/** A suggestion for a unit name: the trimmed name, one within a few edits, or one it contains. */
function suggestUnit(name: string, units: readonly string[]): string | undefined {
  const near = closest(name, units);
  if (near !== undefined) return near;
  // `县卫生健康委员会（卫健委）` for `县卫生健康委员会`: a name that holds a known one whole.
  const bare = name.replace(/[（(][^）)]*[）)]/g, '').trim();
  const whole =
    units.find((unit) => unit === bare) ?? units.find((unit) => bare.includes(unit) || unit.includes(bare));
  if (whole !== undefined) return whole;
  // `县农业局` for `县农业农村局`, `县卫健委` for `县卫生健康委员会`: an abbreviation, if only one fits.
  const abbreviated = units.filter((unit) => isSubsequence(bare, unit));
  return abbreviated.length === 1 ? abbreviated[0] : undefined;
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return short.length > 1 && at === short.length;
}

export function checkUnitName(context: LintContext, owner: Owner, name: string, path: Path): void {
  const units = [...context.units.keys()];
  if (spacedName(context, { zh: '单位', en: 'unit' }, name, path, units)) return;
  if (units.length === 0) {
    // No units list: a name with a parenthesis whose bare form the policy uses elsewhere
    // (`县卫生健康委员会（卫健委）` next to `县卫生健康委员会`) is still a name no computer has.
    const bare = name.replace(/[（(][^）)]*[）)]/g, '').trim();
    if (bare !== name && context.mentionedUnits.has(bare))
      warnAt(
        context,
        'unknown-unit',
        'unitSpelledTwoWays',
        { owner: owner.zh, ownerEn: owner.en, name, other: bare },
        path,
      );
    return;
  }
  if (context.units.has(name)) return;
  warnAt(
    context,
    'unknown-unit',
    'unknownUnit',
    { owner: owner.zh, ownerEn: owner.en, name },
    path,
    hintFor(suggestUnit(name, units), units),
  );
}

export function checkHostName(context: LintContext, owner: Owner, name: string, path: Path): void {
  if (spacedName(context, { zh: '计算机', en: 'computer' }, name, path, context.hostNames)) return;
  if (!context.hosts || context.hosts.has(name.toLowerCase())) return;
  warnAt(
    context,
    'unknown-host',
    'unknownHost',
    { owner: owner.zh, ownerEn: owner.en, name },
    path,
    hintFor(closest(name, context.hostNames)),
  );
}

/** The class meant by a word that is not one: `ofice`, `anti-virus`, `办公软件` → office. */
export function suggestClass(word: string, classes: ReadonlySet<string>): string | undefined {
  return (
    classFromWord(word, classes) ?? closest(word.replace(/[-_\s]/g, ''), classes) ?? closest(word, classes)
  );
}

export function checkClassName(context: LintContext, owner: Owner, name: string, path: Path): void {
  if (context.classes.has(name)) return;
  warnAt(
    context,
    'unknown-class',
    'unknownClass',
    { owner: owner.zh, ownerEn: owner.en, name },
    path,
    hintFor(suggestClass(name, context.classes), [...context.classes].sort()),
  );
}
