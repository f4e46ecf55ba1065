import { describe, expect, it } from 'vitest';
import { liquiditySection } from '../../../src/signals/sections/liquidity-section.js';
import { barsFromCloses, emptyMarketSeries } from '../section-fixtures.js';
import { plantedSelloff } from './selloff-scenarios.js';

describe('liquiditySection', () => {
  it('is null-filled with selloffType none for an empty series', () => {
    const s = liquiditySection(emptyMarketSeries());
    expect(s.selloffType).toBe('none');
    expect(s.selloffs).toEqual([]);
    expect(s.amihud).toBeNull();
    expect(s.huiHeubel).toBeNull();
    expect(s.corwinSchultzSpread).toBeNull();
    expect(s.volumeTrend.ratio).toBeNull();
    expect(s.availability.missing).toEqual(
      expect.arrayContaining(['spot', 'spotVolume', 'openInterestUsd', 'etfFlows']),
    );
  });

  it('labels the latest sell-off and cites it', () => {
    const inputs = plantedSelloff('liquidity-failure');
    const s = liquiditySection(
      emptyMarketSeries({
        spot: inputs.spot,
        openInterestUsd: inputs.openInterestUsd,
        etfFlows: inputs.etfFlows,
        etfAumUsd: inputs.etfAumUsd,
      }),
    );
    expect(s.selloffType).toBe('liquidity-failure');
    expect(s.selloffs).toHaveLength(1);
    const e = s.evidence.find((x) => x.signal === 'liquidity.selloff')!;
    expect(e.text).toMatch(/^Sell-off 2025-02-09 → 2025-02-14 \(−15\.4%\) reads as liquidity-failure: /);
    expect(e.weight).toBe(-1);
    expect(s.huiHeubel).not.toBeNull();
    expect(s.evidence.find((x) => x.signal === 'liquidity.huiHeubel')!.text).toContain('approximate supply');
  });

  it('reports none when the only sell-off is older than the lookback', () => {
    const inputs = plantedSelloff('position-rebalancing');
    const calm = barsFromCloses(
      '2025-02-20',
      Array.from({ length: 120 }, (_, i) => 86 + (i % 2) * 0.3),
    );
    const s = liquiditySection(emptyMarketSeries({ spot: [...inputs.spot, ...calm] }));
    expect(s.selloffs).toHaveLength(1);
    expect(s.selloffType).toBe('none');
  });
});
