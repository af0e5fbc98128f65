/**
 * dpkg and rpm spell a version the same way — `[epoch:]main[-tail]` (Debian's upstream-revision,
 * rpm's version-release) — so they share the split: the epoch is what stands before the first colon
 * and must be a number, the tail follows the LAST hyphen. Each scheme then checks its own characters.
 */
export interface EpochSplit {
  epoch?: number;
  main: string;
  tail?: string;
  /** True when the text had an epoch separator (so a later `:` is not an epoch). */
  hadEpoch: boolean;
}

/** `tailName` names the part after the hyphen in messages (`revision`, `release`). */
export function splitEpochVersion(text: string, tailName: string): EpochSplit | { error: string } {
  let rest = text;
  let epoch: number | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const epochText = rest.slice(0, colon);
    if (!/^\d{1,9}$/.test(epochText)) return { error: `epoch "${epochText}" is not a number` };
    epoch = Number(epochText);
    rest = rest.slice(colon + 1);
  }
  let tail: string | undefined;
  const hyphen = rest.lastIndexOf('-');
  if (hyphen >= 0) {
    tail = rest.slice(hyphen + 1);
    rest = rest.slice(0, hyphen);
    if (!tail) return { error: `the ${tailName} after "-" is empty` };
  }
  return { epoch, main: rest, tail, hadEpoch: colon >= 0 };
}
