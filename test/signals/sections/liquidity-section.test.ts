import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates.js';
import { selloffHistory } from '../../../src/signals/selloff-history.js';
import { liquiditySection } from '../../../src/signals/sections/liquidity-section.js';
import { barsFromCloses, emptyMarketSeries } from '../../helpers/market-series.js';
import { plantedSelloff } from '../../helpers/selloff-scenarios.js';

const seriesOf = (inputs: ReturnType<typeof plantedSelloff>, asOf: string) => emptyMarketSeries({ ...inputs, asOf });

describe('liquiditySection', () => {
  it('is null-filled with selloffType none for an empty series', () => {
    const s = liquiditySection(emptyMarketSeries());
    expect(s.selloffType).toBe('none');
    expect(s.selloffs).toEqual([]);
    expect(s.latestSelloff).toBeNull();
    expect(s.amihud).toBeNull();
    expect(s.huiHeubel).toBeNull();
    expect(s.corwinSchultzSpread).toBeNull();
    expect(s.abdiRanaldoSpread).toBeNull();
    expect(s.priceImpactPercentile).toBeNull();
    expect(s.kyleLambda).toBeNull();
    expect(s.volumeTrend.ratio).toBeNull();
    expect(s.availability.missing).toEqual(
      expect.arrayContaining(['spot', 'spotVolume', 'openInterestUsd', 'cftcOpenInterest', 'etfFlows']),
    );
  });

  it('labels the latest sell-off, cites it with its classification date, and carries its measures', () => {
    const inputs = plantedSelloff('liquidity-failure');
    const s = liquiditySection(seriesOf(inputs, '2025-02-28'));
    expect(s.selloffType).toBe('liquidity-failure');
    const latest = s.selloffs.at(-1)!;
    expect(latest).toMatchObject({ start: '2025-01-28', type: 'liquidity-failure', classifiedOn: '2025-02-07' });
    expect(latest.revisedOn).toBeNull();
    expect(s.latestSelloff!.measures.amihud.level).toBe('extreme');
    const e = s.evidence.find((x) => x.signal === 'liquidity.selloff')!;
    expect(e.text).toMatch(
      /^Sell-off 28 Jan – 9 Feb 2025 \(−17\.8%\) reads as liquidity-failure \(classified 7 Feb 2025\): cost of trading exploded: /,
    );
    expect(e.weight).toBe(-1);
    expect(s.huiHeubel).not.toBeNull();
    expect(s.evidence.find((x) => x.signal === 'liquidity.huiHeubel')!.text).toContain('approximate supply');
    // the spreads: raw window means kept, floor applied to the reported value only
    expect(s.abdiRanaldoSpread).toBe(Math.max(0, s.abdiRanaldoSpreadSigned!));
    expect(s.corwinSchultzSpread).toBe(Math.max(0, s.corwinSchultzSpreadRaw!));
    expect(s.priceImpactPercentile).not.toBeNull();
    expect(s.evidence.find((x) => x.signal === 'liquidity.corwinSchultz')!.text).toMatch(
      /^Corwin–Schultz spread estimate [\d.]+ bp \(20-day mean of raw two-day estimates -?[\d.]+ bp, floored at 0; \d+% negative, p\d+ of its trailing year\)\.$/,
    );
  });

  it('reads the same from a precomputed history as from classifying itself', () => {
    const inputs = plantedSelloff('position-rebalancing');
    const history = selloffHistory(inputs);
    for (const asOf of ['2025-02-05', '2025-02-08', '2025-02-12', '2025-03-01']) {
      const cut = seriesOf(
        {
          ...inputs,
          spot: inputs.spot.filter((b) => addDays(b.date, 1) <= asOf),
        },
        asOf,
      );
      const direct = liquiditySection(cut);
      const replayed = liquiditySection(cut, { selloffHistory: history });
      expect(replayed.selloffs).toEqual(direct.selloffs);
      expect(replayed.selloffType).toBe(direct.selloffType);
    }
  });

  it('reports none when the only sell-off is older than the lookback', () => {
    const inputs = plantedSelloff('position-rebalancing');
    const last = inputs.spot.at(-1)!;
    const calm = barsFromCloses(
      addDays(last.date, 1),
      Array.from({ length: 120 }, (_, i) => last.close * (1 + (i % 2) * 0.003)),
    ).map((b) => ({ ...b, knownAt: `${addDays(b.date, 1)}T00:00:00.000Z` }));
    const s = liquiditySection(seriesOf({ ...inputs, spot: [...inputs.spot, ...calm] }, calm.at(-1)!.date));
    expect(s.selloffs.filter((x) => x.end >= '2025-02-04')).toHaveLength(1);
    expect(s.selloffType).toBe('none');
  });
});
