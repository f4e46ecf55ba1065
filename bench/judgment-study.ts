// `npm run judgment-study`: the in-sample study behind the judgment's choices (docs/judgment.md).
// It reads ONLY the in-sample data — the simulator (seeds 1–5, ten years, BTC and ETH) and real BTC up
// to 2022-12-31 (from ../shared/data when present) — replays every US trading day, scores each call
// against hindsight dating, compares variants (price only; + ETF flows for bottoming; + positioning
// for topping) with the two baselines, and fits the confidence model, printing its coefficients.
// Out-of-sample data is never read here: run `tidemark track-record` for that.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PhaseLabel } from '../src/domain/analysis.js';
import type { AnalysedAsset } from '../src/domain/assets.js';
import type { MarketSeries } from '../src/domain/market-series.js';
import { IN_SAMPLE_END, TRACK_RECORD_START } from '../src/domain/sample-split.js';
import { CONFIDENCE_FEATURES, confidenceFeatures } from '../src/phase/confidence-model.js';
import { judgePhase, type Judgment } from '../src/phase/judge.js';
import { replayPhases } from '../src/phase/replay.js';
import { logisticRegression, predictLogistic } from '../src/signals/stats/logistic-regression.js';
import { simulateMarket } from '../src/sim/simulate.js';
import { importFiles } from '../src/sources/import-files.js';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../src/store/market-series-loader.js';
import { baselineCalls } from '../src/track-record/baselines.js';
import { fillCalendarGaps } from '../src/track-record/daily-closes.js';
import { hindsightDating } from '../src/track-record/hindsight-dating.js';
import { hindsightLabels } from '../src/track-record/hindsight-labels.js';
import { replayDates } from '../src/track-record/load-track-record.js';

interface StudySet {
  readonly name: string;
  readonly series: MarketSeries;
  readonly to: string;
}

type Variant = (j: Judgment) => PhaseLabel;
const sideLabel = (j: Judgment): PhaseLabel => (j.basis.side === 'bull' ? 'uptrend' : 'trend-decline');
const VARIANTS: Record<string, Variant> = {
  'price only (regime + early switch)': sideLabel,
  '+ flows (bottoming)': (j) => (j.label === 'bottoming' ? 'bottoming' : sideLabel(j)),
  '+ positioning (topping)': (j) => (j.label === 'topping' ? 'topping' : sideLabel(j)),
  'engine (all)': (j) => j.label,
};

async function studySets(): Promise<StudySet[]> {
  const sets: StudySet[] = [];
  for (const seed of [1, 2, 3, 4, 5]) {
    const sim = simulateMarket({ seed, years: 10 });
    const store = await openDuckDbStore(':memory:');
    await store.ingest([
      { provenance: { source: 'tidemark-sim', origin: 'study' }, observations: sim.observations, events: sim.events },
    ]);
    for (const asset of ['BTC', 'ETH'] as AnalysedAsset[])
      sets.push({
        name: `sim seed ${seed} ${asset}`,
        series: await loadMarketSeries(store, { asset, asOf: sim.truth.endDate }),
        to: sim.truth.endDate,
      });
    await store.close();
  }
  const shared = resolve(process.env['TIDEMARK_SHARED_DATA'] ?? resolve(process.cwd(), '../shared/data'));
  if (existsSync(shared)) {
    const store = await openDuckDbStore(':memory:');
    await importFiles(store, [shared]);
    sets.push({
      name: `BTC to ${IN_SAMPLE_END}`,
      series: await loadMarketSeries(store, { asset: 'BTC', asOf: IN_SAMPLE_END }),
      to: IN_SAMPLE_END,
    });
    await store.close();
  } else process.stderr.write(`(no ${shared}: the real BTC in-sample set is left out)\n`);
  return sets;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const X: number[][] = [];
  const y: number[] = [];
  const rows: string[] = [];
  for (const set of await studySets()) {
    const closes = fillCalendarGaps(set.series.spot.map((b) => ({ date: b.date, close: b.close }))).closes;
    const labels = hindsightLabels(closes, hindsightDating(closes));
    const acceptable = new Map(closes.map((c, i) => [c.date, labels.acceptable[i] ?? null]));
    const dates = replayDates(set.series, TRACK_RECORD_START, set.to);
    const judgments = replayPhases(set.series, dates).days.map((d) => ({ date: d.date, j: judgePhase(d.facts) }));
    const share = (calls: readonly { date: string; label: PhaseLabel | null }[]): number => {
      let n = 0;
      let right = 0;
      for (const c of calls) {
        const ok = acceptable.get(c.date);
        if (!ok || c.label === null) continue;
        n += 1;
        if (ok.includes(c.label)) right += 1;
      }
      return n > 0 ? right / n : NaN;
    };
    const parts = Object.entries(VARIANTS).map(
      ([name, v]) => `${name} ${pct(share(judgments.map(({ date, j }) => ({ date, label: v(j) }))))}`,
    );
    for (const rule of ['sma200', 'sma50and200'] as const)
      parts.push(`${rule} ${pct(share(baselineCalls(closes, dates, rule)))}`);
    rows.push(`${set.name}: ${parts.join(' | ')}`);
    for (const { date, j } of judgments) {
      const ok = acceptable.get(date);
      if (!ok) continue;
      X.push(confidenceFeatures(j.label, j.basis));
      y.push(ok.includes(j.label) ? 1 : 0);
    }
  }
  console.log('Share of calls right in hindsight (in-sample):');
  for (const r of rows) console.log(`  ${r}`);
  const fit = logisticRegression(X, y);
  const rate = y.reduce((a, b) => a + b, 0) / y.length;
  let brier = 0;
  X.forEach((x, i) => (brier += (predictLogistic(fit.coefficients, x) - y[i]!) ** 2));
  console.log(`\nConfidence model fitted on ${y.length} in-sample calls (ridge 1, converged ${fit.converged}):`);
  CONFIDENCE_FEATURES.forEach((name, i) => console.log(`  ${name.padEnd(32)} ${fit.coefficients[i]!.toFixed(3)}`));
  console.log(`  coefficients: [${fit.coefficients.map((c) => c.toFixed(3)).join(', ')}]`);
  console.log(
    `  in-sample Brier ${(brier / y.length).toFixed(3)} vs constant rate ${(rate * (1 - rate)).toFixed(3)} (rate ${pct(rate)})`,
  );
}

await main();
