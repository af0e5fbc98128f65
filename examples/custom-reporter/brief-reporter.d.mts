import type { Reporter } from '@zhengban/core';

/** The brief reporter: `{ name: 'brief', extension: 'txt', render }`. */
export function briefReporter(): Reporter & { render(...args: Parameters<Reporter['render']>): string };
declare const reporter: ReturnType<typeof briefReporter>;
export default reporter;
