/**
 * A small seeded generator (mulberry32): the same seed gives the same stream
 * on every machine and in every worker, which Math.random cannot promise.
 */
export function seededRandom(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A whole number in [0, n). */
export const pick = (random: () => number, n: number): number => Math.floor(random() * n);
