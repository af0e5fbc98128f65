/** Rates from counts: genuine and domestic per class, and overall over the mandatory classes. */
import type { ClassStats, Rates } from '../../model.js';

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function ratesOf(classes: Record<string, ClassStats>, mandatory: readonly string[]): Rates {
  const genuine: Record<string, number | null> = {};
  const domestic: Record<string, number | null> = {};
  let sumGenuine = 0;
  let sumInstalled = 0;
  for (const [cls, stats] of Object.entries(classes)) {
    genuine[cls] = ratio(stats.genuine, stats.installed);
    domestic[cls] = ratio(stats.domestic, stats.installed);
    if (mandatory.includes(cls)) {
      sumGenuine += stats.genuine;
      sumInstalled += stats.installed;
    }
  }
  genuine.overall = ratio(sumGenuine, sumInstalled);
  return { genuine, domestic };
}
