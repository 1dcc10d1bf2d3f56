/**
 * How the benchmark generator (scale-data.ts) marks every row it makes up, kept apart so that
 * the seed can recognise those rows without importing the generator.
 */

/** The publisher named on every synthetic row. */
export const SYNTHETIC_PUBLISHER = 'synthetic benchmark data';
/** The source URL of every synthetic reference row. */
export const SYNTHETIC_URL = 'https://example.org/synthetic-benchmark-data';
