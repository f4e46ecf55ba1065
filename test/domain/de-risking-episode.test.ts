import { describe, expect, it } from 'vitest';
import { episodeStart } from '../../src/domain/de-risking-episode.js';
import type { Wave } from '../../src/domain/analysis-terms.js';

const wave = (start: string, end: string | null, segment: Wave['segment'] = 'perps'): Wave => ({
  segment,
  start,
  end,
  size: 1,
});

describe('episodeStart', () => {
  it('chains waves less than a quarter apart back to the first of the episode', () => {
    const waves = [
      wave('2026-01-20', null, 'etf'),
      wave('2025-10-10', '2025-10-13'),
      wave('2025-11-03', '2025-12-01', 'etf'),
    ];
    expect(episodeStart(waves, '2026-02-10')).toBe('2025-10-10');
  });
  it('stops at a gap longer than EPISODE_GAP_DAYS and ignores waves after the as-of date', () => {
    const waves = [wave('2024-09-10', '2024-12-01'), wave('2025-12-15', '2026-01-20'), wave('2026-05-01', null)];
    expect(episodeStart(waves, '2026-03-01')).toBe('2025-12-15');
    expect(episodeStart([], '2026-03-01')).toBeNull();
  });
});
