/**
 * Parts of findings that many findings have in common — a remediation, a rule's trace step, an
 * entitlement's step, how one installation was recognised — made once and frozen. A province
 * report has a million findings, most of whose text is such parts: sharing them means they are
 * made once, and the json reporter writes the text of a frozen value once (json-reporter.ts).
 * Frozen, so no reader of one finding can change another's.
 */
import type { LocalText, TraceStep } from '../../model.js';

/**
 * The one way to make a part several findings may hold: frozen all the way down, so that readers
 * (and the json reporter, which writes a frozen value's text once) may treat it as shareable.
 */
export function freezeShared<T extends object>(value: T): Readonly<T> {
  for (const item of Object.values(value))
    if (item !== null && typeof item === 'object' && !Object.isFrozen(item)) freezeShared(item);
  return Object.freeze(value);
}

/** A frozen text pair: for the constant remediations of the built-in rules. */
export function sharedText(zh: string, en: string): LocalText {
  return freezeShared({ zh, en });
}

/** A frozen trace step, for steps the same in every audit (module constants). */
export function constantStep(step: TraceStep['step'], detail: string): TraceStep {
  return freezeShared({ step, detail });
}

/** Steps held by text are few (one per rule and class): past this, steps are made fresh. */
const MAX_INTERNED_STEPS = 4096;

/**
 * The parts one audit shares among its findings. One per audit (AuditParts), so a step or text
 * worded from one policy is never handed to a report made under another, and tests start clean.
 */
export class SharedParts {
  private readonly stepsByDetail = new Map<string, TraceStep>();
  private readonly frozenCopies = new WeakMap<LocalText, LocalText>();

  /**
   * The frozen step `{ step, detail }`, one per text, for details that repeat on every finding of
   * a rule (`licensing.unlicensed`, `requirements.missing.os: …`). Not for details that name a host.
   */
  step(step: TraceStep['step'], detail: string): TraceStep {
    const key = `${step}\u0000${detail}`;
    let shared = this.stepsByDetail.get(key);
    if (shared === undefined) {
      shared = constantStep(step, detail);
      if (this.stepsByDetail.size < MAX_INTERNED_STEPS) this.stepsByDetail.set(key, shared);
    }
    return shared;
  }

  /** A frozen copy of a policy's text (a custom rule's message or remediation), one per text object. */
  frozenCopy(text: LocalText): LocalText {
    let copy = this.frozenCopies.get(text);
    if (copy === undefined) {
      copy = freezeShared({ ...text });
      this.frozenCopies.set(text, copy);
    }
    return copy;
  }
}
