// The analyses of one loaded history at any of its dates, as an analysis worker answers them: the
// phase facts are read from inputs built once over the whole history (phase/facts-reader.ts), the
// sections from the history sliced to the date — the analysis analyzeSeries gives on a load at the
// date, at a fraction of the cost. The ETF flows' change points come from one BOCPD run over the
// history's daily totals when the date's totals are a prefix of them (BOCPD is causal). The de-risking waves are the one fact taken from the slice: on
// the real data the wave logs built over the whole history size an ongoing ETF wave from later
// daily totals (fund cells filled in later), so the waves section's own reading of the slice — the
// same wavesAt over the same levels as a load at the date — replaces them.
import type { Analysis } from '../domain/analysis.js';
import type { MarketSeries } from '../domain/market-series.js';
import { sliceMarketSeries } from '../domain/slice-market-series.js';
import { analysisFromFacts, analyzeSeries } from '../phase/analyze.js';
import { daysSinceWaveEnded } from '../phase/facts-at.js';
import { FactsReader } from '../phase/facts-reader.js';
import { withoutStaleInputs } from '../phase/stale-inputs.js';
import { dailyFlowTotals } from '../signals/daily-flow-totals.js';
import { changePointRun, type ChangePointRun } from '../signals/sections/etf-flows-section.js';
import { wavesSection } from '../signals/sections/waves-section.js';

export class HistoryAnalyses {
  private reader: FactsReader | null = null;
  private changePoints: ChangePointRun | null = null;

  /** Holds `full`, a MarketSeries loaded at its last date; the inputs are built on first use. */
  constructor(readonly full: MarketSeries) {}

  /**
   * The analysis as of `asOf` (≤ the history's date), equal to analyzeSeries on the history sliced to
   * `asOf` with `spotSource` named (null: no close known by then, no source named).
   */
  at(asOf: string, spotSource: string | null): Analysis {
    const { spotSource: _held, ...sliced } = sliceMarketSeries(this.full, asOf);
    if (spotSource === null || spotSource !== this.full.spotSource)
      // The facts name the history's own source; a date reading no source (or another) is analysed whole.
      return analyzeSeries(spotSource === null ? sliced : { ...sliced, spotSource });
    this.reader ??= new FactsReader(this.full, { selloffHistory: true });
    this.changePoints ??= changePointRun(dailyFlowTotals(this.full.etfFlows));
    const m = { ...sliced, spotSource };
    const waves = wavesSection(m);
    const facts = this.reader.at(asOf);
    return analysisFromFacts(
      m,
      // As factsAt: the days since from every wave, then the waves of stale inputs left out.
      withoutStaleInputs({ ...facts, waves: waves.waves, daysSinceWaveEnded: daysSinceWaveEnded(waves.waves, asOf) }),
      { waves, changePointRun: this.changePoints },
    );
  }
}
