/**
 * A software rule's memo: one verdict per distinct tuple of the facts it reads. The tuple key is
 * built without JSON.stringify (it runs for every record a rule cannot answer from the title alone):
 * each value is tagged by type and joined with NUL, which no text value here can hold (texts that do
 * fall back to a JSON key of the whole tuple).
 *
 * A tuple's verdict is computed at once when the rule's conditions are plain comparisons
 * (fast-conditions.ts), otherwise on json-rules-engine, one after another on the promise queue: when
 * scanners yield asynchronously the verdict is usually ready by the next host, so records whose tuple
 * does not fire need not be remembered at all.
 */
import type { CompiledRule, RuleVerdict } from './custom-rules.js';
import { ownCopy } from './own-strings.js';

/** One value's part of a tuple key; undefined when the value needs the JSON fallback. */
function keyPart(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value.includes('\u0000') ? undefined : `s${value}`;
    case 'undefined':
      return 'u';
    case 'number':
      return `n${value}`;
    case 'boolean':
      return value ? 'T' : 'F';
    default:
      return value === null ? 'z' : undefined;
  }
}

/** The memo key of a tuple of fact values (positional, in the rule's fact order). */
export function tupleKey(values: readonly unknown[]): string {
  let key = '';
  for (let i = 0; i < values.length; i++) {
    const part = keyPart(values[i]);
    if (part === undefined) return `J${JSON.stringify(values, (_k, v) => (v === undefined ? null : v))}`;
    key = i === 0 ? part : `${key}\u0000${part}`;
  }
  return key;
}

/** Verdicts are shared constants: a memo of a million quiet tuples holds no object per tuple. */
const FIRED: RuleVerdict = Object.freeze({ fired: true });
const QUIET: RuleVerdict = Object.freeze({ fired: false });
const shared = (verdict: RuleVerdict | undefined): RuleVerdict | undefined =>
  verdict !== undefined && 'fired' in verdict ? (verdict.fired ? FIRED : QUIET) : verdict;

/** One fact list's values for one title, with their key and (once made) their tuple object. */
interface MadeTuple {
  key: string;
  values: unknown[];
  tuple: Record<string, unknown> | undefined;
}

/**
 * The facts of one title (or one OS) as each rule reads them, made once per fact list: rules that
 * read the same facts (a policy's 140 rules on `name` alone) share one key and one tuple object, so
 * a new title costs one tuple per distinct fact list, not one per rule. Tuples are only read, by
 * the conditions and by the findings of the rules that fire.
 */
export class TitleTuples {
  private readonly made = new Map<string, MadeTuple>();

  constructor(private readonly fact: (name: string) => unknown) {}

  /** The title's tuple id in `memo`. */
  idIn(memo: TupleMemo): number {
    let made = this.made.get(memo.factsKey);
    if (!made) {
      const values = memo.compiled.facts.map(this.fact);
      made = { key: tupleKey(values), values, tuple: undefined };
      this.made.set(memo.factsKey, made);
    }
    return memo.idOfMade(made);
  }
}

export class TupleMemo {
  private readonly ids = new Map<string, number>();
  /** The rule's fact list as one string: memos with equal ones can share tuples (TitleTuples). */
  readonly factsKey: string;
  /**
   * The fact values of each tuple, for the findings of those that fire; a quiet tuple's values are
   * dropped once its verdict is known (nothing will ever be said about it).
   */
  readonly tuples: (Record<string, unknown> | undefined)[] = [];
  readonly verdicts: (RuleVerdict | undefined)[] = [];
  private queue: Promise<void> = Promise.resolve();
  /** Records answered without a new evaluation. */
  hits = 0;

  constructor(readonly compiled: CompiledRule) {
    this.factsKey = compiled.facts.join('\u0000');
  }

  /** The tuple id of values another memo with the same facts may already have made (TitleTuples). */
  idOfMade(made: MadeTuple): number {
    const id = this.ids.get(made.key);
    if (id !== undefined) {
      this.hits++;
      return id;
    }
    made.tuple ??= this.tupleOf(made.values, true);
    return this.add(made.key, made.tuple);
  }

  /** The tuple id of a record's fact values (in `compiled.facts` order), copied when kept. */
  idOfValues(values: readonly unknown[]): number {
    const key = tupleKey(values);
    const id = this.ids.get(key);
    if (id !== undefined) {
      this.hits++;
      return id;
    }
    return this.add(ownCopy(key), this.tupleOf(values, false));
  }

  /** The tuple object of fact values; owned copies of a parser's strings (own-strings.ts). */
  private tupleOf(values: readonly unknown[], owned: boolean): Record<string, unknown> {
    const tuple: Record<string, unknown> = Object.create(null);
    const facts = this.compiled.facts;
    for (let i = 0; i < facts.length; i++) {
      const value = values[i];
      if (value !== undefined)
        tuple[facts[i]!] = typeof value === 'string' && !owned ? ownCopy(value) : value;
    }
    return tuple;
  }

  /** Numbers a new tuple (its key owned) and judges it: now when it can, else on the queue. */
  private add(key: string, tuple: Record<string, unknown>): number {
    const id = this.tuples.length;
    const now = shared(this.compiled.evaluateNow?.(tuple));
    this.tuples.push(now === QUIET ? undefined : tuple);
    this.verdicts.push(now);
    this.ids.set(key, id);
    if (now === undefined) {
      const at = id;
      this.queue = this.queue.then(async () => {
        const verdict = shared(await this.compiled.evaluate(tuple));
        this.verdicts[at] = verdict;
        if (verdict === QUIET) this.tuples[at] = undefined;
      });
    }
    return id;
  }

  /** True when the tuple is known not to fire (its records need not be kept). */
  isQuiet(id: number): boolean {
    const verdict = this.verdicts[id];
    return verdict !== undefined && 'fired' in verdict && !verdict.fired;
  }

  /** True when the tuple's verdict is known. */
  isSettled(id: number): boolean {
    return this.verdicts[id] !== undefined;
  }

  /** Waits for every verdict. */
  async settled(): Promise<RuleVerdict[]> {
    await this.queue;
    return this.verdicts as RuleVerdict[];
  }
}
