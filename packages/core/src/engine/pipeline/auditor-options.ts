/** What a caller can ask of an audit beyond its policy (createAuditor). */
import type { Logger } from '../../logger.js';
import type { IsoDate, UnitInfo } from '../../model.js';
import type { FindingHistory } from '../campaign-dates.js';
import type { StoreKind } from '../store/create-store.js';

export interface AuditorOptions {
  /** The date the audit speaks for; default policy.settings.asOf, else today. */
  asOf?: IsoDate;
  logger?: Logger;
  /** Units from a units file: their order is the report's order; units without computers still appear. */
  units?: UnitInfo[];
  /** Clock for waiver expiry; default midnight of asOf. */
  now?: () => Date;
  toolVersion?: string;
  /**
   * Put `mergeBasis` into the report (every seat demand with its evidence and the resolved policy),
   * so that `mergeReports` can combine it with reports over other hosts. Off by default: at province
   * scale it adds hundreds of MB to a report nobody merges.
   */
  mergeable?: boolean;
  /**
   * Put the rectification plan (整改方案) into the report as `report.plan`. With `finishStream()`
   * it is there once every group of findings has been read.
   */
  plan?: boolean;
  /**
   * Put the 明细表 into the report as `report.details`: one row per computer, mandatory class and
   * installation. Three rows a computer: off by default.
   */
  details?: boolean;
  /**
   * The open failures of an earlier report (`audit --since`): their first-seen dates and deadlines
   * carry over, so a failure still open after its deadline is overdue (campaign-dates.ts).
   */
  since?: FindingHistory;
  /**
   * Count unrecognised software per unit as well (`UnrecognisedSoftware.units`), so the report can be
   * split into one report per unit (`unitReport`). Off by default: it keeps a count per title and unit.
   */
  unitBreakdown?: boolean;
  /**
   * @internal Which store keeps the fleet: the compact one (default) or the plain reference one that
   * tests run beside it as an oracle (store/reference-store.ts). Not a policy setting.
   */
  store?: StoreKind;
}
