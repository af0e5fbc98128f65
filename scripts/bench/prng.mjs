/**
 * Seeded randomness for the fleet generator. Never Math.random: the same seed must give the same
 * bytes on every machine, and every host is drawn from its own stream (seed, host number) so the
 * shuffled file holds exactly the same rows as the ordered one.
 */

/** mulberry32: a tiny 32-bit PRNG, good enough to draw a fleet. Returns floats in [0, 1). */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes numbers into one 32-bit seed (murmur3 finaliser per part), so streams do not overlap. */
export function mixSeed(...parts) {
  let h = 0x9e3779b9;
  for (const part of parts) {
    let k = Math.imul(part >>> 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A random integer in [min, max]. */
export function intBetween(random, min, max) {
  return min + Math.floor(random() * (max - min + 1));
}

/** One of `items`, weighted by `item.weight`. `total` is the sum of weights (precomputed). */
export function pickWeighted(random, items, total) {
  let r = random() * total;
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items[items.length - 1];
}

/**
 * Zipf sampler over ranks 0…n-1 (rank 0 most frequent): P(k) ∝ 1 / (k + 1)^s. The cumulative table
 * is built once; each draw is a binary search.
 */
export function zipfSampler(n, s) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += 1 / (k + 1) ** s;
    cdf[k] = sum;
  }
  for (let k = 0; k < n; k++) cdf[k] /= sum;
  return (random) => {
    const r = random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Fisher–Yates shuffle in place, driven by `random`. */
export function shuffleInPlace(random, array) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = array[i];
    array[i] = array[j];
    array[j] = tmp;
  }
  return array;
}
