/** Seeded random numbers for property tests: the bench corpus's generator (mulberry32, src/bench/random.ts), so that a failure repeats. */
import { Random } from '../../src/bench/random.js';

/** Uniform 32-bit unsigned integers. */
export function uint32Generator(seed: number): () => number {
  const random = new Random(seed);
  return () => random.nextUint32();
}

/** Uniform numbers in [0, 1). */
export function unitGenerator(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}
