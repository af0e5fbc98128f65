/**
 * A computer as judging sees it once its inventories have been read: the fields every store keeps
 * the same way. Its installations and occurrences are asked of the store (store/fleet-store.ts),
 * which keeps them in its own encoding.
 */
import type { Evidence, OsInfo } from '../../model.js';
import type { Recognition } from '../rules/recogniser.js';
import type { Activation } from './activation.js';

export interface StoredHost {
  readonly id: string;
  /** Every unit an inventory named (several: a conflict, judged to the smallest). */
  readonly units: readonly string[];
  readonly hostnames: readonly string[];
  /** The most complete OS read (ties by value, so arrival order never decides). */
  readonly os: OsInfo | undefined;
  /**
   * What judging recognised the OS as (null: nothing), remembered on the host so that the
   * recogniser is asked once per host although judging runs in passes.
   */
  osRecognition: Recognition | null | undefined;
  readonly osEvidence: readonly Evidence[];
  readonly osActivation: Activation;
  /** The number of distinct titles (name, publisher) on the host: the `softwareCount` fact. */
  readonly softwareCount: number;
  /** How many inventories told of it. */
  readonly arrivals: number;
}
