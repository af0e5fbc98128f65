/** The CLI's version, read from its package.json (src/ and dist/ are both one level below it). */
import { createRequire } from 'node:module';

const packageJson = createRequire(import.meta.url)('../package.json') as { version: string };

export const CLI_VERSION: string = packageJson.version;
