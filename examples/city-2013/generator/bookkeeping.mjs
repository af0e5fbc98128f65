/**
 * The generator's own account of what an audit of a snapshot must find: the statistics table, the
 * licence position and the number of findings per rule. It follows docs/semantics.md step by step
 * over the fleet and the ledger, without using the engine, so the end-to-end test compares two
 * independent workings.
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
import { allocate } from './licence-allocation.mjs';
import { OS_TITLES, SOFTWARE_TITLES } from './titles.mjs';
import { UNITS } from './units.mjs';

export const CLASSES = ['os', 'office', 'antivirus'];
const UNIT_ORDER = new Map(UNITS.map((u, i) => [u.name, i]));

/** Every record a host's inputs carry, as catalogue titles (the OS first). */
function installationsOf(host) {
  const os = OS_TITLES[host.os.title];
  const list = [{ ...os, activation: host.os.activation, edition: os.canonical }];
  for (const item of [...host.software, ...(host.extras ?? [])]) {
    list.push({ ...SOFTWARE_TITLES[item.title], installDate: item.installDate, activation: item.activation });
  }
  // Distribution packages of the Linux pilots: listed for review, except the few the catalogue
  // knows (the OS vendor's activation client), which carry their product id.
  for (const pkg of host.packages ?? []) list.push({ product: null, category: null, ...pkg });
  return list;
}

const deniedEdition = (r) => r.category === 'os' && EDITIONS_DENIED.includes(r.edition);

/** Activation evidence that is not genuine: not Licensed, or a KMS host that is not the city's. */
function badActivation(r) {
  if (!r.activation || (r.category !== 'os' && r.category !== 'office')) return false;
  const kms = r.activation.kmsHost;
  return r.activation.status !== 'licensed' || (kms !== undefined && !KMS_HOSTS.includes(kms));
}

export function judge(fleet, asOf) {
  const hosts = [...fleet].sort(
    (a, b) => UNIT_ORDER.get(a.unit) - UNIT_ORDER.get(b.unit) || a.id.localeCompare(b.id),
  );
  const findings = [];
  const add = (rule, host, extra = {}) => findings.push({ rule, host: host?.id, unit: host?.unit, ...extra });

  // Licences: every recognised commercial installation, once per (host, product, version).
  const commercial = [];
  const perHost = new Map();
  for (const host of hosts) {
    const seen = new Set();
    const records = installationsOf(host).filter((r) => {
      const key = `${r.product ?? r.name}|${r.version}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    perHost.set(host.id, records);
    for (const r of records) {
      if (r.product && r.license === 'commercial') {
        commercial.push({
          host: host.id,
          unit: host.unit,
          product: r.product,
          version: r.version,
          edition: r.edition,
        });
      }
    }
  }
  const { outcomes, positions } = allocate(commercial, ENTITLEMENTS, asOf);
  const uncovered = new Set();
  for (const outcome of outcomes) {
    if (outcome.covered) continue;
    uncovered.add(`${outcome.host}|${outcome.product}|${outcome.version}`);
    add(
      outcome.rule,
      hosts.find((h) => h.id === outcome.host),
      { product: outcome.product, version: outcome.version },
    );
  }

  const units = new Map(UNITS.map((u) => [u.name, emptyUnit(u)]));
  /** Genuine computers per class by the products they run, to explain the totals in EXPECTED.md. */
  const genuineBy = Object.fromEntries(CLASSES.map((c) => [c, {}]));
  for (const host of hosts) {
    const unit = units.get(host.unit);
    unit.computers++;
    const records = perHost.get(host.id);
    for (const cls of CLASSES) {
      const ofClass = records.filter((r) => r.product && r.category === cls);
      const stats = unit.classes[cls];
      if (ofClass.length === 0) {
        stats.missing++;
        add(`requirements.missing.${cls}`, host);
        continue;
      }
      stats.installed++;
      // Genuine: every installation of the class is licensed (covered, or free) AND none fails its
      // edition or activation check — a covered Windows "activated" by a public KMS host is not genuine.
      const licensed = (r) =>
        r.license !== 'commercial' || !uncovered.has(`${host.id}|${r.product}|${r.version}`);
      if (ofClass.every((r) => licensed(r) && !deniedEdition(r) && !badActivation(r))) {
        stats.genuine++;
        const products = [...new Set(ofClass.map((r) => r.product))].sort().join(' + ');
        genuineBy[cls][products] = (genuineBy[cls][products] ?? 0) + 1;
      }
      if (ofClass.some((r) => r.domestic)) stats.domestic++;
    }
    for (const r of records) {
      if (deniedEdition(r)) add('requirements.edition', host, { product: r.product });
      if (badActivation(r)) add('requirements.activation', host, { product: r.product });
      if (r.product && FORBIDDEN_PRODUCTS.includes(r.product))
        add('forbidden.product', host, { product: r.product });
      if (!r.product && new RegExp(FORBIDDEN_PATTERN).test(r.name))
        add('forbidden.pattern', host, { software: r.name });
      if (r.category === 'antivirus' && r.installDate < OLD_ANTIVIRUS_BEFORE)
        add('custom.av-too-old', host, { product: r.product });
    }
  }
  for (const unit of units.values()) {
    for (const target of DOMESTIC_TARGETS) {
      const stats = unit.classes[target.class];
      if (stats.installed > 0 && stats.domestic / stats.installed < target.target) {
        findings.push({ rule: `preferences.domestic.${target.class}`, unit: unit.unit });
      }
    }
  }

  // Waivers: a waiver applies until its expiry date; an expired one is reported once.
  const expiredWaivers = new Set();
  for (const finding of findings) {
    for (const waiver of WAIVERS) {
      const ruleMatches = finding.rule === waiver.rule || finding.rule.startsWith(`${waiver.rule}.`);
      const subjectMatches =
        (!waiver.units || waiver.units.includes(finding.unit)) &&
        (!waiver.hosts || waiver.hosts.includes(finding.host));
      if (!ruleMatches || !subjectMatches) continue;
      if (asOf > waiver.expires) expiredWaivers.add(waiver.id);
      else finding.waived = waiver.id;
    }
  }
  for (const id of [...expiredWaivers].sort()) findings.push({ rule: 'waivers.expired', waiver: id });

  // 未授权安装（套）: installations with a non-waived licensing, forbidden or unauthorised failure,
  // each installation once (docs/semantics.md#unauthorised-count).
  const counted = new Set();
  for (const finding of findings) {
    if (finding.waived) continue;
    const rule = finding.rule;
    if (!rule.startsWith('forbidden.') && !rule.startsWith('licensing.') && rule !== 'unauthorised') continue;
    const installation = `${finding.host}|${finding.product ?? finding.software}|${finding.version ?? ''}`;
    if (counted.has(installation)) continue;
    counted.add(installation);
    units.get(finding.unit).unauthorised++;
  }
  const unitRows = [...units.values()].map(withRates);
  const totals = withRates(
    unitRows.reduce(
      (sum, row) => {
        sum.computers += row.computers;
        sum.staff += row.staff;
        sum.unauthorised += row.unauthorised;
        for (const cls of CLASSES)
          for (const k of Object.keys(sum.classes[cls])) sum.classes[cls][k] += row.classes[cls][k];
        return sum;
      },
      emptyUnit({ name: '合计', staff: 0 }),
    ),
  );
  return {
    asOf,
    totals,
    units: unitRows,
    entitlements: positions,
    findings,
    genuineBy,
    unrecognised: unrecognisedOf(hosts, perHost),
  };
}

function emptyUnit(unit) {
  const classes = Object.fromEntries(
    CLASSES.map((c) => [c, { installed: 0, genuine: 0, domestic: 0, missing: 0 }]),
  );
  return { unit: unit.name, staff: unit.staff, computers: 0, classes, unauthorised: 0 };
}

function withRates(row) {
  const ratio = (a, b) => (b === 0 ? null : a / b);
  const genuine = Object.fromEntries(
    CLASSES.map((c) => [c, ratio(row.classes[c].genuine, row.classes[c].installed)]),
  );
  const domestic = Object.fromEntries(
    CLASSES.map((c) => [c, ratio(row.classes[c].domestic, row.classes[c].installed)]),
  );
  const sum = (k) => CLASSES.reduce((s, c) => s + row.classes[c][k], 0);
  genuine.overall = ratio(sum('genuine'), sum('installed'));
  return { ...row, rates: { genuine, domestic } };
}

const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function unrecognisedOf(hosts, perHost) {
  const byTitle = new Map();
  for (const host of hosts) {
    for (const r of perHost.get(host.id)) {
      if (r.product) continue;
      const key = `${r.name}|${r.publisher ?? ''}`;
      const entry = byTitle.get(key) ?? { name: r.name, publisher: r.publisher, hosts: new Set() };
      entry.hosts.add(host.id);
      byTitle.set(key, entry);
    }
  }
  return [...byTitle.values()]
    .map((e) => ({ name: e.name, publisher: e.publisher, hosts: e.hosts.size }))
    .sort(
      (a, b) =>
        b.hosts - a.hosts || byCodeUnit(a.name, b.name) || byCodeUnit(a.publisher ?? '', b.publisher ?? ''),
    );
}

/** Findings per rule: { rule: { total, waived } }, rules sorted. */
export function findingsPerRule(findings) {
  const counts = {};
  for (const f of findings) {
    counts[f.rule] ??= { total: 0, waived: 0 };
    counts[f.rule].total++;
    if (f.waived) counts[f.rule].waived++;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
