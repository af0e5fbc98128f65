/**
 * What a policy gets for what it does not say. Its own module because both the reading of one file
 * (read-sections.ts: bulletin thresholds a file leaves out) and the merging of files
 * (merge-layers.ts) fill them in, and merging imports the reading's types.
 */
import type { BulletinSettings } from '../model.js';

export const DEFAULT_CLASSES = ['os', 'office', 'antivirus'];
export const DEFAULT_ACTIVATION_CLASSES = ['os', 'office'];
export const DEFAULT_REMEDIATION_DAYS = 30;
export const DEFAULT_EXPIRY_WARNING_DAYS = 90;
export const DEFAULT_CURRENCY = 'CNY';

/** The bulletin thresholds when a policy names none (see BulletinSettings). */
export const DEFAULT_BULLETIN: BulletinSettings = Object.freeze({
  praise: Object.freeze({ genuineRate: 1, outstanding: 0 }),
  criticise: Object.freeze({ overdue: 1, rateFell: true }),
}) as BulletinSettings;
