// Compares the simulated market's statistics with the real series in ../shared/data (skipped when
// the folder is absent). Tolerances are relative unless stated; they say how close the simulator is
// meant to be, not how close it happens to be.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { realMarketStats, type MarketStats } from '../../src/sim/calibration/real-stats.js';
import { simulatedMarketStats } from '../../src/sim/calibration/simulated-stats.js';
import { simulateMarket } from '../../src/sim/simulate.js';
import { SHARED_DATA_DIR } from '../helpers/shared-data-dir.js';

const SHARED = SHARED_DATA_DIR;

/** Allowed relative error per statistic. */
const TOLERANCE: Partial<Record<keyof MarketStats, number>> = {
  btcDailyLogReturnStdev: 0.2,
  ethDailyLogReturnStdev: 0.25,
  btcEtfTotalFlowStdevUsd: 0.35,
  ethEtfTotalFlowStdevUsd: 0.4,
  btcEtfTotalFlowLag1Autocorr: 0.5,
  ibitShareOfAbsFlow: 0.15,
  btcOpenInterestMedianUsd: 0.4,
  btcOpenInterestLogChangeStdev: 0.25,
  btcFundingMean8h: 0.3,
  btcFundingStdev8h: 0.35,
  btcLongLiquidationsMedianUsd: 0.3,
  cmeFrontOpenInterestMedianContracts: 0.3,
};

describe.skipIf(!existsSync(SHARED))('simulator calibration against ../shared/data', () => {
  // Computed in beforeAll, not while collecting: collection runs even when the suite is skipped.
  let real: MarketStats;
  let sim: MarketStats;
  beforeAll(() => {
    real = realMarketStats(SHARED);
    sim = simulatedMarketStats(simulateMarket({ seed: 42 }));
  });

  for (const [name, tolerance] of Object.entries(TOLERANCE) as [keyof MarketStats, number][]) {
    it(`${name} within ${tolerance * 100} % of the real figure`, () => {
      const relative = Math.abs(sim[name] - real[name]) / Math.abs(real[name]);
      expect(relative, `sim ${sim[name]} vs real ${real[name]}`).toBeLessThanOrEqual(tolerance);
    });
  }

  it('keeps Strategy mNAV in the real range widened by 15 % and dipping near or below 1', () => {
    expect(sim.strategyMnavMin).toBeGreaterThan(real.strategyMnavMin * 0.85);
    expect(sim.strategyMnavMin).toBeLessThan(1.05);
    expect(sim.strategyMnavMax).toBeLessThan(real.strategyMnavMax * 1.15);
  });
});
