import type { Scanner } from '@zhengban/core';

/** A zhengban scanner for the asset system's JSON export; `unitPrefix` is put before each department. */
export function assetScanner(options?: { unitPrefix?: string }): Scanner;
