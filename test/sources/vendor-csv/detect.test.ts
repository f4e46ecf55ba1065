import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../../src/sources/import-files.js';
import { FILE_LAYOUTS } from '../../../src/sources/layouts.js';
import { fixturePath } from '../../helpers/vendor-csv-fixture.js';

const EXPECTED: Record<string, string> = {
  'cryptoquant/Bitcoin Funding Rates - All Exchanges - Day.csv': 'cryptoquant-metric-csv',
  'cryptoquant/Ethereum Long Liquidations USD - All Exchanges, All Symbol - Day.csv': 'cryptoquant-metric-csv',
  'cryptoquant/Bitcoin Price & Volume - Spot, All Exchanges, BTC-USD - Day.csv': 'cryptoquant-price-csv',
  'artemis/Bitcoin ETFs AUM.csv': 'artemis-aum-csv',
  'artemis/Crypto ETF Flows.csv': 'artemis-weekly-flows-csv',
  'artemis/Monthly Bitcoin ETF flows.csv': 'artemis-monthly-flows-csv',
  'artemis/Centralized Exchanges - Open Interest.csv': 'artemis-exchange-oi-csv',
  'artemis/BTC DATs - Bitcoin Count.csv': 'artemis-treasury-csv',
  'artemis/BTC DATs- Fully Diluted EV NAV.csv': 'artemis-treasury-csv',
  'tradingview/CME_BTC_front_month_futures__daily.csv': 'tradingview-csv',
  'tradingview/CME_ETH_front_month_futures__daily.csv': 'tradingview-csv',
  'tradingview/CME_Micro_Bitcoin_futures__daily.csv': 'tradingview-csv',
  'tradingview/CME_BTC1_continuous_futures__weekly.csv': 'tradingview-csv',
  'tradingview/CME_BTC_futures_minus_SPOT_BTC_basis__daily.csv': 'tradingview-csv',
  'tradingview/MSTR_microstrategy_stock__daily.csv': 'tradingview-csv',
};

describe('vendor CSV detection through the layout registry', () => {
  it.each(Object.entries(EXPECTED))('%s → %s', (relative, layoutId) => {
    const layout = detectLayout(fixturePath(relative), FILE_LAYOUTS);
    expect(typeof layout === 'string' ? layout : layout.id).toBe(layoutId);
  });

  it('has an expectation for every fixture', () => {
    const all = ['cryptoquant', 'artemis', 'tradingview'].flatMap((dir) =>
      readdirSync(fixturePath(dir)).map((f) => join(dir, f)),
    );
    expect(all.sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});
