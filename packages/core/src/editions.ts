/**
 * The edition vocabulary. Policies, catalogue entries and scanned records spell editions in many
 * ways (EditionID `CoreCountrySpecific`, caption `Windows 10 家庭中文版`, French `Professionnel`,
 * Office `专业增强版`); judgement compares canonical names only. The policy loader canonicalises
 * the editions a policy names with the same table, so `deny: [Home, Core]` and a scanned
 * `家庭中文版` meet.
 */

/** Canonical editions and every spelling that means them (compared case-insensitively). */
const EDITION_SPELLINGS: ReadonlyArray<readonly [canonical: string, spellings: readonly string[]]> = [
  [
    'Home',
    [
      'home',
      'core',
      'corecountryspecific',
      'coresinglelanguage',
      'coren',
      'home basic',
      'home premium',
      'homebasic',
      'homepremium',
      'home china',
      'home single language',
      '家庭版',
      '家庭中文版',
      '家庭普通版',
      '家庭高级版',
      '家庭单语言版',
      'familiale',
    ],
  ],
  ['Starter', ['starter', '简易版', '入门版']],
  [
    'Professional',
    [
      'professional',
      'pro',
      'professionalworkstation',
      'pro for workstations',
      'professionaln',
      'professionaleducation',
      'pro education',
      '专业版',
      '专业工作站版',
      '专业教育版',
      'professionnel',
      'profesional',
    ],
  ],
  ['Enterprise', ['enterprise', 'enterprisen', 'enterprises', '企业版', 'entreprise']],
  [
    'LTSC',
    ['ltsc', 'ltsb', 'enterprise ltsc', 'enterprise ltsb', 'enterprises ltsc', '企业版 ltsc', '长期服务版'],
  ],
  ['Education', ['education', 'educationn', '教育版']],
  ['Ultimate', ['ultimate', '旗舰版', 'intégrale']],
  ['Server', ['server', 'serverstandard', 'serverdatacenter', 'datacenter', '服务器版', '数据中心版']],
  ['ProPlus', ['proplus', 'professional plus', 'pro plus', '专业增强版']],
  ['Standard', ['standard', 'std', '标准版']],
  ['HomeBusiness', ['home and business', 'homebusiness', 'home & business', '小型企业版']],
  ['HomeStudent', ['home and student', 'homestudent', 'home & student', '家庭和学生版']],
  ['Personal', ['personal', '个人版']],
  ['Government', ['government', '政府版', '党政版', '政务版']],
];

const LOOKUP = new Map<string, string>();
for (const [canonical, spellings] of EDITION_SPELLINGS) {
  LOOKUP.set(canonical.toLowerCase(), canonical);
  for (const spelling of spellings) LOOKUP.set(spelling, canonical);
}

/** Every canonical edition name, for validation messages and docs. */
export const CANONICAL_EDITIONS: readonly string[] = EDITION_SPELLINGS.map(([canonical]) => canonical);

/**
 * The canonical edition for one spelling (`CoreCountrySpecific` → `Home`, `专业版` → `Professional`),
 * or undefined when the word is not an edition we know.
 */
export function canonicalEdition(spelling: string): string | undefined {
  const key = spelling.trim().toLowerCase().replace(/\s+/g, ' ');
  return LOOKUP.get(key) ?? LOOKUP.get(key.replace(/ /g, ''));
}

/**
 * Words that name a kind of product as much as an edition: `Windows Server 2008 R2 企业版` is the
 * Enterprise edition of a server, so they are read only when no other edition word is in the name.
 */
const GENERIC_SPELLINGS = new Set(['server']);

/**
 * Longest spellings first, so `家庭中文版` wins over `家庭版` and `professional plus` over
 * `professional` when reading an edition out of a product name; generic words last.
 */
const SPELLINGS_BY_LENGTH = [...LOOKUP.keys()]
  .filter((s) => s.length >= 3)
  .sort((a, b) => Number(GENERIC_SPELLINGS.has(a)) - Number(GENERIC_SPELLINGS.has(b)) || b.length - a.length);

/**
 * Reads the edition out of a display name: `Windows 10 家庭中文版` → `Home`,
 * `Microsoft Windows 7 Professionnel` → `Professional`, `Microsoft Office 专业增强版 2016` → `ProPlus`.
 * Latin spellings must stand as whole words; Chinese ones may stand anywhere. Only meaningful for
 * a record already recognised as a product with editions: `.NET Core` or `SQL Server` are not
 * editions of anything.
 */
export function editionFromName(name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const spelling of SPELLINGS_BY_LENGTH) {
    const at = lower.indexOf(spelling);
    if (at < 0) continue;
    if (/[a-z]/.test(spelling)) {
      const before = lower[at - 1];
      const after = lower[at + spelling.length];
      if ((before && /[a-z0-9]/.test(before)) || (after && /[a-z0-9]/.test(after))) continue;
    }
    return LOOKUP.get(spelling);
  }
  return undefined;
}
