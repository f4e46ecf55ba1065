// Snapshot of the evidence text a person reads: the phase call, its confidence and every evidence
// line (signal, weight, sentence) for the simulated default (seed 42) as of a fixed date, BTC and
// ETH. Any change to a signal, a threshold, a rule or a formatter that changes a sentence shows in
// the diff of test/__snapshots__/evidence-text-seed42-2026-03-31.txt; update it on purpose with
// `npx vitest run test/phase/evidence-text.test.ts -u` and review the diff.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/domain/analysis.js';
import { analyzeSeries } from '../../src/phase/analyze.js';
import { simulateMarket } from '../../src/sim/simulate.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';

const SEED = 42;
const AS_OF = '2026-03-31';

/** The evidence a person reads, one line each, in the order the analysis gives it. */
function evidenceText(a: Analysis): string {
  const lines = [
    `${a.asset} as of ${a.asOf}${a.simulated ? ' (simulated)' : ''}: ${a.phase.label}, confidence ${a.phase.confidence}`,
    ...a.phase.evidence.map((e) => `  [${e.weight ?? 0}] ${e.signal}: ${e.text}`),
    ...(a.phase.unusedEvidence ?? []).map((t) => `  (unused) ${t}`),
  ];
  return lines.join('\n');
}

const analyses: Analysis[] = [];

beforeAll(async () => {
  const sim = simulateMarket({ seed: SEED });
  const store = await openDuckDbStore(':memory:');
  await store.ingest([
    { provenance: { source: 'tidemark-sim', origin: 'test' }, observations: sim.observations, events: sim.events },
  ]);
  for (const asset of ['BTC', 'ETH'] as const)
    analyses.push(analyzeSeries(await loadMarketSeries(store, { asset, asOf: AS_OF })));
  await store.close();
}, 120_000);

describe('evidence text (simulated, seed 42, as of 2026-03-31)', () => {
  it('reads as the snapshot', async () => {
    expect(analyses.map((a) => a.asOf)).toEqual([AS_OF, AS_OF]);
    await expect(analyses.map(evidenceText).join('\n\n') + '\n').toMatchFileSnapshot(
      `../__snapshots__/evidence-text-seed${SEED}-${AS_OF}.txt`,
    );
  });

  it('writes every date a person reads in the one readable form, never ISO', () => {
    const sentences = analyses.flatMap((a) => [
      ...a.phase.evidence.map((e) => e.text),
      ...Object.values(a.signals).flatMap((s) =>
        'evidence' in s ? (s.evidence as readonly { text: string }[]).map((e) => e.text) : [],
      ),
      ...(a.wavesDetail?.evidence ?? []).map((e) => e.text),
      ...a.checklist.map((c) => c.text),
      ...(a.phase.unusedEvidence ?? []),
    ]);
    expect(sentences.length).toBeGreaterThan(30);
    expect(sentences.filter((t) => /\b\d{4}-\d{2}-\d{2}\b/.test(t))).toEqual([]);
    // The structured fields stay ISO for programs.
    expect(analyses[0]!.signals.trend.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
