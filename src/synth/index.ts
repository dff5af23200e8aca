/**
 * The deterministic synthetic bank: the same (scale, seed, asOf) always gives byte-identical
 * data, in the database (seedDatabase) or as daily files in the data-format contract
 * (generateFiles).
 */
export { SCALES, type Scale, type ScaleSpec } from './scales.js';
export type { SeedSummary, SynthOptions } from './types.js';
export { seedDatabase, DEMO_PASSWORD } from './seed.js';
export { generateFiles } from './files.js';
