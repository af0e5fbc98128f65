import type { ScanContext } from '@zhengban/core';

/** The part of a ScanContext a parser needs: report located problems. Parsers take this, not files. */
export type ProblemSink = Pick<ScanContext, 'problem'>;
