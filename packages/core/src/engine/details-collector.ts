/**
 * The 明细表: for every computer and mandatory class, the product and version found, the
 * entitlement whose seat covers it (from the licence position), or the failing findings. Gathered
 * while the findings stream past (each judged computer, then its findings), in report order. It
 * grows with the fleet (three rows a computer), so it is made only when asked for.
 */
import type { EntitlementPosition, Finding, HostClassDetail } from '../model.js';
import type { JudgedHost } from './rules/host-judge.js';

export class DetailsCollector {
  readonly rows: HostClassDetail[] = [];
  /** host\0product → entitlements whose seats it holds. */
  private readonly seats = new Map<string, string[]>();
  /** Rows of the computer being read, by class and product, to attach its findings to. */
  private current = new Map<string, HostClassDetail[]>();
  private currentHost = '';

  constructor(
    private readonly classes: readonly string[],
    positions: readonly EntitlementPosition[],
  ) {
    for (const position of positions) {
      for (const host of position.hosts) {
        const key = `${host}\u0000${position.product}`;
        const list = this.seats.get(key);
        if (list) list.push(position.id);
        else this.seats.set(key, [position.id]);
      }
    }
  }

  addHost(host: JudgedHost): void {
    this.current = new Map();
    this.currentHost = host.id;
    for (const cls of this.classes) {
      const rows: HostClassDetail[] = [];
      for (const installation of host.installations) {
        const state = installation.state;
        if (state.product.category !== cls || installation.forbidden) continue;
        const row: HostClassDetail = {
          unit: host.unit,
          host: host.id,
          class: cls,
          product: state.product.id,
          software: {
            name: state.software.name,
            ...(state.software.version !== undefined ? { version: state.software.version } : {}),
            ...(state.edition !== undefined ? { edition: state.edition } : {}),
          },
          licence: !installation.needsSeat ? 'free' : installation.licensed ? 'covered' : 'unlicensed',
          findings: [],
        };
        const holders = installation.licensed
          ? this.seats.get(`${host.id}\u0000${state.product.id}`)
          : undefined;
        // Two versions of one product on a computer hold two seats: both entitlements are named.
        if (holders) row.entitlement = holders.join('、');
        rows.push(row);
      }
      if (rows.length === 0)
        rows.push({ unit: host.unit, host: host.id, class: cls, licence: 'missing', findings: [] });
      this.current.set(cls, rows);
      this.rows.push(...rows);
    }
  }

  /** A finding of the computer last added: its rule is noted on the rows it is about. */
  addFinding(finding: Finding): void {
    const { host, class: cls, product, software } = finding.subject;
    if (host !== this.currentHost || finding.status !== 'fail' || finding.waiver) return;
    const missing = finding.rule.startsWith('requirements.missing.') ? finding.rule.slice(21) : undefined;
    const rows = this.current.get(cls ?? missing ?? '');
    if (!rows) return;
    for (const row of rows) {
      const same =
        missing !== undefined ||
        (row.product === product && (software === undefined || row.software?.name === software.name));
      if (same && !row.findings.includes(finding.rule)) {
        row.findings.push(finding.rule);
        row.findings.sort();
      }
    }
  }
}
