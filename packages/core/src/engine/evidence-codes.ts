/**
 * Evidence kept as numbers while hosts stream in. A province's inventory brings ~2.4 million pieces
 * of evidence for the installations the auditor keeps, nearly all `{ source, file, line }` with the
 * same source and file: as objects in arrays that is ~100 bytes each, as one number 8. Such evidence
 * becomes `origin × 2³² + line` (origin: an interned (source, file) pair, line + 1 so that a missing
 * line stays distinct from line 0); anything else — a detail, a column, a registry key, a key a
 * plugin added — is kept whole and coded by its index, negated. Decoding gives an equal object.
 */
import type { Evidence } from '../model.js';
import { ownCopy } from './own-strings.js';

const LINE_SPAN = 2 ** 32;
/** Origins above this would make codes lose precision beyond 2⁵³; the rest are kept whole. */
const MAX_ORIGINS = 2 ** 20;

interface Origin {
  source: string;
  file: string;
}

export class EvidenceCodes {
  private readonly origins: Origin[] = [];
  private readonly byOrigin = new Map<string, Map<string, number>>();
  private readonly whole: Evidence[] = [];
  /** Consecutive records nearly always share source and file (the same strings): one compare. */
  private lastSource: string | undefined;
  private lastFile: string | undefined;
  private lastOrigin = -1;

  /** How many pieces were too irregular to code and are kept as objects. */
  get kept(): number {
    return this.whole.length;
  }

  encode(evidence: Evidence): number {
    const { source, file, line } = evidence;
    if (
      typeof source === 'string' &&
      typeof file === 'string' &&
      (line === undefined || (Number.isInteger(line) && line >= 0 && line < LINE_SPAN - 1)) &&
      Object.keys(evidence).length === (line === undefined && !('line' in evidence) ? 2 : 3)
    ) {
      const origin = this.originOf(source, file);
      if (origin >= 0) return origin * LINE_SPAN + (line === undefined ? 0 : line + 1);
    }
    this.whole.push(evidence);
    return -this.whole.length;
  }

  decode(code: number): Evidence {
    if (code < 0) return this.whole[-code - 1]!;
    const origin = this.origins[Math.floor(code / LINE_SPAN)]!;
    const line = code % LINE_SPAN;
    return line === 0
      ? { source: origin.source, file: origin.file }
      : { source: origin.source, file: origin.file, line: line - 1 };
  }

  private originOf(source: string, file: string): number {
    if (source === this.lastSource && file === this.lastFile) return this.lastOrigin;
    let files = this.byOrigin.get(source);
    if (!files) {
      files = new Map();
      this.byOrigin.set(ownCopy(source), files);
    }
    let origin = files.get(file);
    if (origin === undefined) {
      if (this.origins.length >= MAX_ORIGINS) return -1;
      origin = this.origins.length;
      const owned = { source: ownCopy(source), file: ownCopy(file) };
      this.origins.push(owned);
      files.set(owned.file, origin);
    }
    this.lastSource = source;
    this.lastFile = file;
    this.lastOrigin = origin;
    return origin;
  }
}
