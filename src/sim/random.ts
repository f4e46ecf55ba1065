// The simulator's seeded randomness lives in signals/stats/seeded-random.ts (shared with the track
// record's bootstrap); re-exported here so existing imports keep working.
export { createRandom, type Random } from '../signals/stats/seeded-random.js';
