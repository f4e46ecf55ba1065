// Scores the sell-off classifier against the simulator's planted sell-off windows (liquidity
// failure vs position rebalancing). The adapter from simulated observations to the classifier's
// inputs (sim-inputs.ts) does not go through the store or the loader.
import { describe, expect, it } from 'vitest';
import { classifySelloffWindow } from '../../../src/signals/selloff-classifier.js';
import { classifySelloffs } from '../../../src/signals/selloff-history.js';
import { simulateMarket } from '../../../src/sim/simulate-market.js';
import { inputsFor } from '../../helpers/sim-inputs.js';

describe('sell-off classifier scored on the simulator', () => {
  it('labels the planted sell-off windows', () => {
    let windows = 0;
    let correct = 0;
    let failures = 0;
    let failuresCorrect = 0;
    let detectedWindows = 0;
    let failuresFlagged = 0;
    let cleanEpisodes = 0;
    let falseFailures = 0;
    const lines: string[] = [];
    for (const seed of [1, 2, 3, 4, 5]) {
      const { observations, truth } = simulateMarket({ seed });
      for (const asset of ['BTC', 'ETH'] as const) {
        const inputs = inputsFor(observations, asset);
        const index = new Map(inputs.spot.map((b, i) => [b.date, i]));
        const detected = classifySelloffs(inputs);
        for (const planted of truth.selloffs.filter((s) => s.asset === asset)) {
          const start = index.get(planted.start)!;
          const end = index.get(planted.end)!;
          const label = classifySelloffWindow(inputs, Math.max(0, start - 1), end).type;
          windows += 1;
          if (label === planted.kind) correct += 1;
          if (planted.kind === 'liquidity-failure') {
            failures += 1;
            if (label === planted.kind) failuresCorrect += 1;
          }
          const overlap = detected.find((d) => d.start <= planted.end && d.end >= planted.start);
          if (overlap) detectedWindows += 1;
          if (overlap && planted.kind === 'liquidity-failure' && overlap.type === 'liquidity-failure')
            failuresFlagged += 1;
          lines.push(
            `seed ${seed} ${asset} ${planted.start}..${planted.end} planted ${planted.kind} → ${label}${overlap ? `; detected ${overlap.start}..${overlap.end} ${overlap.type}` : '; not detected as ≥10 %/10-day sell-off'}`,
          );
        }
        // detected episodes that overlap no planted liquidity failure must not be called one
        const plantedFailures = truth.selloffs.filter((p) => p.asset === asset && p.kind === 'liquidity-failure');
        for (const d of detected.filter((e) => e.start >= truth.startDate)) {
          if (plantedFailures.some((p) => d.start <= p.end && d.end >= p.start)) continue;
          cleanEpisodes += 1;
          if (d.type === 'liquidity-failure') falseFailures += 1;
        }
      }
    }
    const accuracy = correct / windows;
    console.log(lines.join('\n'));
    console.log(
      `planted windows ${windows}: label accuracy ${(accuracy * 100).toFixed(1)}%, liquidity failures ${failuresCorrect}/${failures}; ` +
        `detected ${detectedWindows}/${windows}; detected episodes covering a planted failure labelled failure ${failuresFlagged}/${failures}; ` +
        `false liquidity-failure labels on other detected episodes ${falseFailures}/${cleanEpisodes}`,
    );
    expect(windows).toBeGreaterThanOrEqual(40);
    expect(accuracy).toBeGreaterThanOrEqual(0.8);
    expect(failuresCorrect / failures).toBeGreaterThanOrEqual(0.7);
    expect(failuresFlagged / failures).toBeGreaterThanOrEqual(0.7);
    expect(falseFailures / cleanEpisodes).toBeLessThanOrEqual(0.1);
  });
});
