/**
 * Parts of findings that many findings have in common — a remediation, a rule's trace step, an
 * entitlement's step, how one installation was recognised — made once and frozen. A province
 * report has a million findings and 40 % of its text is such parts: sharing them saves making
 * them, and the json reporter writes the text of a frozen value once (json-reporter.ts).
 * Frozen, so no reader of one finding can change another's.
 */
import type { LocalText, TraceStep } from '../model.js';

/** A frozen text pair: for the constant remediations of the built-in rules. */
export function sharedText(zh: string, en: string): LocalText {
  return Object.freeze({ zh, en });
}

const stepsByDetail = new Map<string, TraceStep>();
/** Steps held by text are few (one per rule and class): past this, steps are made fresh. */
const MAX_INTERNED_STEPS = 4096;

/**
 * The frozen step `{ step, detail }`, one per text, for details that repeat on every finding of a
 * rule (`licensing.unlicensed`, `requirements.missing.os: …`). Not for details that name a host.
 */
export function sharedStep(step: TraceStep['step'], detail: string): TraceStep {
  const key = `${step}\u0000${detail}`;
  let shared = stepsByDetail.get(key);
  if (shared === undefined) {
    shared = Object.freeze({ step, detail });
    if (stepsByDetail.size < MAX_INTERNED_STEPS) stepsByDetail.set(key, shared);
  }
  return shared;
}

const frozenCopies = new WeakMap<LocalText, LocalText>();

/** A frozen copy of a policy's text (a custom rule's message or remediation), one per text object. */
export function frozenCopy(text: LocalText): LocalText {
  let copy = frozenCopies.get(text);
  if (copy === undefined) {
    copy = Object.freeze({ ...text });
    frozenCopies.set(text, copy);
  }
  return copy;
}
