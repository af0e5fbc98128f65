/**
 * A seeded pseudo-random source (mulberry32), so `node generate.mjs` writes byte-identical files on
 * every run and every machine. Nothing in the generator may use Math.random or the clock.
 */

/** A 32-bit seed from a text, so each snapshot and unit draws from its own stream. */
function seedFrom(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

export function createRandom(seedText) {
  let state = seedFrom(seedText);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    /** An integer in [min, max]. */
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    /** A copy in random order (Fisher–Yates). */
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    /** A calendar date `YYYY-MM-DD` between two dates (inclusive), computed in UTC. */
    date(from, to) {
      const start = Date.parse(`${from}T00:00:00Z`);
      const end = Date.parse(`${to}T00:00:00Z`);
      const day = 86_400_000;
      const offset = int(0, Math.round((end - start) / day));
      return new Date(start + offset * day).toISOString().slice(0, 10);
    },
  };
}
