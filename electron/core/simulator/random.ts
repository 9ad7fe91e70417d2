// The simulator's dice: seeded when the scenario gives a seed (the same seed, the same outcomes and delays in the
// same order), else seeded from the clock and the OS's randomness.
import { randomInt } from 'node:crypto';

/** mulberry32: small and fast; plenty for picking outcomes and delays reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomFor(seed: number | null): () => number {
  return seededRandom(seed ?? randomInt(0, 2 ** 32 - 1));
}
