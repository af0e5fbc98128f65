import type { LicenseStatus } from '../../model.js';

/** What the records of one installation (or the OS) said about its activation. */
export interface Activation {
  statuses: LicenseStatus[];
  kmsHosts: string[];
  channels: string[];
}
