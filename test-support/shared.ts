/**
 * Access to ../shared/samples (real inventories written by other people). They are not ours to
 * publish, so tests read them in place; on a user's machine the folder is absent and those tests
 * skip themselves with a visible reason.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** Absolute path of the shared samples folder (may not exist). */
export const SAMPLES_DIR = fileURLToPath(new URL('../../shared/samples/', import.meta.url));

export const hasSamples = existsSync(SAMPLES_DIR);

/** Absolute path of one sample, e.g. `sample('windows/fusioninventory_xp-Uninstall.reg')`. */
export function sample(relative: string): string {
  return SAMPLES_DIR + relative;
}

/**
 * `describe` for tests over real samples: runs when ../shared/samples exists, otherwise shows up in
 * the test output as skipped with the reason in its title.
 */
export function describeSamples(name: string, body: () => void): void {
  if (hasSamples) describe(name, body);
  else
    describe.skip(
      `${name} — skipped: ../shared/samples is absent (it exists only in the dev workspace)`,
      body,
    );
}
