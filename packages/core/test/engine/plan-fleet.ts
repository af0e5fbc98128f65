/**
 * The seven computers of the hand-worked plan (test/fixtures/ledger/plan-policy.yaml): what each
 * lacks is said beside it; plan.test.ts and details.test.ts work out their numbers from here.
 */
import type { HostInventory } from '@zhengban/core';

export const windows = (edition: string) => ({
  name: `Microsoft Windows 10 ${edition}`,
  version: '10.0.19045',
  id: 'windows',
  edition,
});
export const program = (name: string, version = '1.0') => ({
  name,
  version,
  source: 'test',
  evidence: { source: 'test' },
});
export const WPS = program('WPS Office', '11.1.0');
export const OFFICE = program('Microsoft Office Professional Plus 2016', '16.0.4266');
export const HUORONG = program('火绒安全软件', '5.0');
export const host = (
  id: string,
  unit: string,
  edition: string,
  ...software: ReturnType<typeof program>[]
): HostInventory => ({
  id,
  unit,
  scanner: 'test',
  os: windows(edition),
  software,
});

export const FLEET: HostInventory[] = [
  host('F-01', '财政局', 'Professional', WPS, HUORONG),
  host('F-02', '财政局', 'Home', WPS), // Home on a Professional-only ledger; no antivirus
  host('F-03', '财政局', 'Professional', WPS, HUORONG, program('KMSpico 10')), // an activator
  host('J-01', '教育局', 'Professional', HUORONG), // no office suite
  host('J-02', '教育局', 'Professional', OFFICE, HUORONG),
  host('W-01', '卫健委', 'Professional', OFFICE, HUORONG),
  host('W-02', '卫健委', 'Professional', OFFICE), // no antivirus
];
