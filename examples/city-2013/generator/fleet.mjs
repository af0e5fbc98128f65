/**
 * Deals the plan (fleet-plan.mjs) out to individual computers: which OS, office suite, antivirus
 * and other programs each one runs at each check, with install dates and activation evidence.
 * Everything random comes from seeded streams, so the fleet is the same on every run.
 */
import { ACCEPTANCE_PLAN, BASELINE_PLAN, FIXED_HOSTS, PUBLIC_KMS_HOSTS } from './fleet-plan.mjs';
import { LEFTOVER_OFFICE_HOST, OEM_HOSTS } from './ledger.mjs';
import { createRandom } from './random.mjs';
import { hostName, UNITS } from './units.mjs';
import { basePackagesOf } from './write-linux.mjs';

/** Programs only the on-site registry exports show (runtimes and drivers the register leaves out). */
const REGISTRY_ONLY = ['vcRedist2008', 'dotnet4', 'realtek', 'flash'];

const GVLK_WIN7_PRO = 'GPDD4';
const GVLK_OFFICE_2010 = 'BTDRB';
const GVLK_OFFICE_2013 = 'GVGXT';

/** Activation evidence for each OS kind, as slmgr /dli or an inventory column reports it. */
function osActivation(kind, random, kmsHost) {
  switch (kind) {
    case 'oem7':
    case 'oem8':
    case 'home7':
    case 'ult7':
      return {
        status: 'licensed',
        channel: kind === 'oem8' ? 'OEM_DM' : 'OEM_SLP',
        partialKey: partialKey(random),
      };
    case 'kms7':
      return { status: 'licensed', channel: 'VOLUME_KMSCLIENT', partialKey: GVLK_WIN7_PRO, kmsHost };
    case 'unact7':
      return { status: 'notification', channel: 'RETAIL', partialKey: partialKey(random) };
    case 'vol7city':
      return {
        status: 'licensed',
        channel: 'VOLUME_KMSCLIENT',
        partialKey: GVLK_WIN7_PRO,
        kmsHost: 'kms.pj.gov.cn',
      };
    case 'vol7mak':
      return { status: 'licensed', channel: 'VOLUME_MAK', partialKey: 'C6JDX' };
    default:
      return undefined; // Windows XP and the Linux pilots: no activation evidence collected
  }
}

const OS_TITLE_OF_KIND = {
  oem7: 'win7pro',
  kms7: 'win7pro',
  unact7: 'win7pro',
  vol7city: 'win7pro',
  vol7mak: 'win7pro',
  ult7: 'win7ult',
  home7: 'win7home',
  xp: 'winxp',
  oem8: 'win8pro',
  kylin: 'kylin',
  uos: 'uos',
};

function partialKey(random) {
  const alphabet = 'BCDFGHJKMPQRTVWXY2346789';
  return Array.from({ length: 5 }, () => random.pick(alphabet)).join('');
}

/** Install-date windows per title (a realistic spread; dates are never used to judge licences). */
const INSTALL_WINDOWS = {
  office2003: ['2006-03-01', '2009-12-31'],
  office2007: ['2008-01-15', '2011-12-31'],
  office2010: ['2011-02-01', '2013-05-31'],
  wpsPersonal: ['2011-06-01', '2013-06-20'],
  wpsPro: ['2013-06-03', '2013-06-28'],
  rising: ['2008-09-01', '2012-12-31'],
  huorong: ['2012-10-01', '2013-06-25'],
  safe360: ['2010-05-01', '2013-06-25'],
  symantec: ['2010-03-01', '2012-11-30'],
  tianqing: ['2013-03-20', '2013-06-25'],
  kmsauto: ['2012-01-01', '2013-06-20'],
  kmspico: ['2012-06-01', '2013-06-20'],
  heuKms: ['2012-01-01', '2013-06-20'],
  oaClient: ['2012-03-01', '2013-03-31'],
  default: ['2010-01-01', '2013-06-25'],
  acceptance: ['2013-09-02', '2013-11-29'],
};

/** Spreads `counts` ({kind: n}) over `ids` in random order, after the fixed picks. */
function deal(ids, counts, fixedKind, random, what) {
  const pool = [];
  const remaining = { ...counts };
  for (const id of ids) {
    const kind = fixedKind(id);
    if (kind === undefined) continue;
    if (!remaining[kind]) throw new Error(`plan: no ${what} "${kind}" left for fixed host ${id}`);
    remaining[kind]--;
  }
  for (const [kind, count] of Object.entries(remaining)) for (let i = 0; i < count; i++) pool.push(kind);
  const free = ids.filter((id) => fixedKind(id) === undefined);
  if (pool.length !== free.length)
    throw new Error(`plan: ${what} counts do not add up (${pool.length} ≠ ${free.length})`);
  const shuffled = random.shuffle(pool);
  return new Map(ids.map((id) => [id, fixedKind(id) ?? shuffled[free.indexOf(id)]]));
}

function fixedOs(id) {
  if (FIXED_HOSTS[id]?.os) return FIXED_HOSTS[id].os;
  if (OEM_HOSTS.czj2012.includes(id) || OEM_HOSTS.wgj2012.includes(id)) return 'oem7';
  return undefined;
}

function software(key, random, window = INSTALL_WINDOWS[key] ?? INSTALL_WINDOWS.default) {
  return { title: key, installDate: random.date(window[0], window[1]) };
}

/** Phase 1: the self-inspection of 2013-06-30. */
export function baselineFleet() {
  const hosts = [];
  for (const unit of UNITS) {
    const plan = BASELINE_PLAN[unit.name];
    if (!plan || plan.computers === 0) continue;
    const random = createRandom(`baseline:${unit.name}`);
    const ids = Array.from({ length: plan.computers }, (_, i) => hostName(unit, i + 1));
    const osKinds = deal(ids, plan.os, fixedOs, random, 'os');
    const offices = deal(ids, plan.office, (id) => FIXED_HOSTS[id]?.office, random, 'office');
    const antiviruses = deal(ids, plan.antivirus, (id) => FIXED_HOSTS[id]?.antivirus, random, 'antivirus');
    // Activators sit on the copies "activated" against a public KMS host; Ghost tools on Ghost copies.
    const activators = new Map();
    const kmsCandidates = random.shuffle(ids.filter((id) => osKinds.get(id) === 'kms7' && !FIXED_HOSTS[id]));
    for (const [key, count] of Object.entries(plan.activators)) {
      for (const id of kmsCandidates.splice(0, count)) activators.set(id, [key]);
    }
    const ghostCandidates = random.shuffle(
      ids.filter((id) => osKinds.get(id) === 'ult7' && !FIXED_HOSTS[id]),
    );
    const ghosts = new Set(ghostCandidates.slice(0, plan.ghost));
    for (const id of ids) {
      const fixed = FIXED_HOSTS[id] ?? {};
      const osKind = osKinds.get(id);
      const kmsHost = osKind === 'kms7' ? (fixed.kmsHost ?? random.pick(PUBLIC_KMS_HOSTS)) : undefined;
      const host = {
        id,
        unit: unit.name,
        county: unit.county,
        evidence: fixed.evidence ?? 'csv',
        osKind,
        osInstallDate: random.date(osKind === 'xp' ? '2007-03-01' : '2010-09-01', '2013-05-31'),
        os: { title: OS_TITLE_OF_KIND[osKind], activation: osActivation(osKind, random, kmsHost) },
        software: [],
      };
      addEvidenceOnlyRecords(host, random);
      for (const key of [offices.get(id), antiviruses.get(id)])
        if (key !== 'none') host.software.push(software(key, random));
      for (const key of fixed.activators ?? activators.get(id) ?? [])
        host.software.push(software(key, random));
      if (fixed.ghost || ghosts.has(id))
        host.software.push(software(random.pick(['ghostTool', 'ghostTool2']), random));
      addEverydayPrograms(host, random, unit);
      if (id === 'ZFB-PC-023') {
        // Office "activated" by KMSpico against the same public host (ospp.vbs /dstatus on site).
        host.software[0].activation = {
          status: 'licensed',
          channel: 'VOLUME_KMSCLIENT',
          partialKey: GVLK_OFFICE_2010,
          kmsHost: 'kms.loli.beer',
        };
      }
      hosts.push(host);
    }
  }
  return hosts;
}

/** Base-system packages the builtin catalogue knows (the OS vendor's activation client, fcitx). */
const CATALOGUED_BASE_PACKAGES = {
  'kylin-activation': {
    product: 'os-vendor-activation-client',
    category: 'tool',
    license: 'bundled',
    domestic: true,
  },
  // The input-method framework (catalog/communication, open source).
  fcitx: { product: 'fcitx', category: 'input', license: 'open-source', domestic: false },
};

/**
 * Every other base-system package is the distribution's own (builtin:catalog/system): maintained by
 * KylinSoft, Ubuntu, UnionTech, deepin or Debian, or in the Debian family's base system (bash,
 * coreutils, dpkg, apt, libc6). Grouped as one bundled product, never listed for review.
 */
const DISTRIBUTION_PACKAGE = {
  product: 'linux-distribution-package',
  category: 'system',
  license: 'bundled',
  domestic: false,
};

function addEvidenceOnlyRecords(host, random) {
  if (host.evidence === 'windows') host.extras = REGISTRY_ONLY.map((key) => software(key, random));
  if (host.evidence === 'linux') {
    host.packages = basePackagesOf(host).map(([name, version, , maintainer]) => ({
      name,
      version,
      publisher: maintainer.replace(/\s*<[^>]*>\s*$/, ''),
      ...(CATALOGUED_BASE_PACKAGES[name] ?? DISTRIBUTION_PACKAGE),
    }));
  }
}

function addEverydayPrograms(host, random, unit) {
  const chance = (p) => random.next() < p;
  const linux = host.osKind === 'kylin' || host.osKind === 'uos';
  if (linux) return;
  if (!unit.county) host.software.push(software('oaClient', random));
  if (chance(0.7)) host.software.push(software('qq', random));
  if (chance(0.4)) host.software.push(software('browser360', random));
  if (chance(0.5)) host.software.push(software('adobeReader', random));
  if (chance(0.35)) host.software.push(software('winrar', random));
  else if (chance(0.3)) host.software.push(software('haozip', random));
  if (chance(0.2)) host.software.push(software('baofeng', random));
  if (chance(0.15)) host.software.push(software('ttplayer', random));
  if (chance(0.2)) host.software.push(software('drivergenius', random));
  if (chance(unit.name === '市科技局' ? 0.5 : 0.08)) host.software.push(software('ssreader', random));
  if (unit.name === '市财政局' && chance(0.3)) host.software.push(software('budget', random));
  if ((unit.name === '市财政局' || unit.name === '市科技局') && chance(0.2))
    host.software.push(software('yonyou', random));
}

/** Phase 4: the acceptance inspection of 2013-12-20, derived from the baseline machine by machine. */
export function acceptanceFleet(baseline) {
  const random = createRandom('acceptance');
  const hosts = [];
  const keepOffice = new Map();
  for (const [unitName, plan] of Object.entries(ACCEPTANCE_PLAN.microsoftOffice)) {
    const inUnit = baseline.filter((h) => h.unit === unitName).map((h) => h.id);
    const pinned = inUnit.filter((id) => FIXED_HOSTS[id]?.evidence === 'windows');
    const chosen = [...pinned, ...random.shuffle(inUnit.filter((id) => !pinned.includes(id)))].slice(
      0,
      plan.hosts,
    );
    for (const id of chosen) keepOffice.set(id, plan);
  }
  const acceptanceDate = () => random.date(...INSTALL_WINDOWS.acceptance);
  for (const before of baseline) {
    const linux = before.osKind === 'kylin' || before.osKind === 'uos';
    const oem = before.osKind === 'oem7';
    const osKind = linux || oem ? before.osKind : before.county ? 'vol7mak' : 'vol7city';
    const host = {
      ...before,
      osKind,
      os:
        linux || oem
          ? before.os
          : { title: OS_TITLE_OF_KIND[osKind], activation: osActivation(osKind, random) },
      osInstallDate: linux || oem ? before.osInstallDate : acceptanceDate(),
      software: [],
    };
    const office = keepOffice.get(before.id);
    if (linux) host.software.push(...before.software);
    else if (before.id === LEFTOVER_OFFICE_HOST)
      host.software.push(before.software.find((s) => s.title === 'office2007'));
    else {
      if (office) {
        const kept = before.software.find((s) => s.title === office.office);
        const item = kept ? { ...kept } : { title: office.office, installDate: acceptanceDate() };
        item.activation = {
          status: 'licensed',
          channel: 'VOLUME_KMSCLIENT',
          partialKey: office.office === 'office2013' ? GVLK_OFFICE_2013 : GVLK_OFFICE_2010,
          kmsHost: 'kms.pj.gov.cn',
        };
        host.software.push(item);
      }
      if (!office || office.alsoWps)
        host.software.push({ title: 'wpsPro', installDate: keptDate(before, 'wpsPro') ?? acceptanceDate() });
    }
    if (!linux && FIXED_HOSTS[before.id]?.antivirus !== 'none') {
      const key = before.county ? 'tianqing' : 'huorong';
      host.software.push({ title: key, installDate: keptDate(before, key) ?? acceptanceDate() });
    }
    for (const item of before.software) {
      if (['oaClient', 'qq', 'browser360', 'adobeReader', 'haozip', 'budget', 'yonyou'].includes(item.title))
        host.software.push(item);
      if (item.title === 'winrar') host.software.push({ title: 'haozip', installDate: acceptanceDate() });
    }
    hosts.push(host);
  }
  for (const [unitName, count] of Object.entries(ACCEPTANCE_PLAN.newComputers)) {
    const unit = UNITS.find((u) => u.name === unitName);
    const first = baseline.filter((h) => h.unit === unitName).length + 1;
    for (let n = first; n < first + count; n++) {
      const id = hostName(unit, n);
      hosts.push({
        id,
        unit: unitName,
        county: unit.county,
        evidence: 'csv',
        osKind: 'oem8',
        osInstallDate: '2013-11-15',
        os: { title: 'win8pro', activation: osActivation('oem8', random) },
        software: ['wpsPro', 'huorong', 'oaClient', 'adobeReader'].map((title) => ({
          title,
          installDate: random.date('2013-11-18', '2013-11-29'),
        })),
      });
    }
  }
  return hosts;
}

function keptDate(before, key) {
  return before.software.find((s) => s.title === key)?.installDate;
}
