import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/signals/stats/seeded-random.js';
import { createRandom as simCreateRandom } from '../../../src/sim/random.js';

describe('createRandom (mulberry32)', () => {
  it('draws the same pinned sequence as the simulator always has (seed 42)', () => {
    const r = createRandom(42);
    expect([r.uniform(), r.uniform(), r.uniform(), r.normal(), r.int(1, 6), r.fatTail()]).toEqual([
      0.4813160905614495, 0.9852536325342953, 0.7379171899519861, -0.28421348790145684, 6, -0.19168035645294154,
    ]);
  });

  it('is the generator the simulator re-exports', () => {
    expect(simCreateRandom).toBe(createRandom);
  });
});
