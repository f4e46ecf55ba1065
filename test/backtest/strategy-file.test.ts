// User strategy files: a valid YAML and JSON file build their strategy; every mistake names the
// file, the line (YAML), the key and what is allowed.
import { describe, expect, it } from 'vitest';
import { parseStrategyFile, StrategyFileError } from '../../src/backtest/strategy-file.js';
import { runStrategy } from '../../src/backtest/run-strategy.js';
import { day, market } from './fixtures.js';

const VALID = `# a cautious plan with a half position on the bottoming call
name: half-then-confirm
kind: exposure-rules
exposure:
  trend-decline: 0
  bottoming: 0.5
rules:
  - met: [weekly-etf-inflows-persisting, price-above-key-averages]
    exposure: 1
stops:
  trailingStopPct: 25
`;

function error(text: string, file = 'plan.yaml'): StrategyFileError {
  try {
    parseStrategyFile(text, file);
  } catch (e) {
    if (e instanceof StrategyFileError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('parseStrategyFile', () => {
  it('builds an exposure-rules strategy with its checklist rule and stop', () => {
    const file = parseStrategyFile(VALID, 'plan.yaml');
    expect(file.kind).toBe('exposure-rules');
    expect(file.strategy).toMatchObject({ id: 'half-then-confirm', user: true });
    expect(file.strategy.description).toMatch(
      /bottoming 50%.*met weekly-etf-inflows-persisting \+ price-above-key-averages → 100%.*trailing stop 25%/,
    );
    const confirmed = {
      'weekly-etf-inflows-persisting': true,
      'etf-flows-not-one-way-out': true,
      'price-above-key-averages': true,
      'price-above-resistance': null,
      'leverage-rebuilt-without-stress': null,
      'no-derisking-wave-under-way': null,
    } as const;
    const days = [day('2024-01-02', 'bottoming'), day('2024-01-03', 'bottoming', { checklist: confirmed })];
    const run = runStrategy(
      market([100, 100, 100, 100], days),
      file.strategy,
      { from: '2024-01-01', to: '2024-01-04' },
      {
        startCashUsd: 1000,
        feeBps: 0,
        slippageBps: 0,
      },
    );
    expect(run.trades.map((t) => [t.date, Math.round(t.exposureAfter * 100)])).toEqual([
      ['2024-01-02', 50],
      ['2024-01-03', 100],
    ]);
    expect(run.trades[1]!.reason).toMatch(/^rule 1/);
  });

  it('reads JSON and configures a shipped kind', () => {
    const file = parseStrategyFile(
      JSON.stringify({ name: 'four-weekly', kind: 'phased-accumulation', tranches: 6 }),
      'p.json',
    );
    expect(file.strategy.description).toMatch(/6 tranches/);
    expect(file.strategy.id).toBe('four-weekly');
  });

  it('names file, line, key and the allowed keys for an unknown option', () => {
    const e = error('name: x\nkind: phased-accumulation\ntranchs: 4\n');
    expect(e.message).toBe(
      'plan.yaml:3: tranchs: not an option of phased-accumulation; allowed: name, kind, description, stops, tranches, minDaysBetween, timeStopDays, supportBandPct, afterFlush, flushWindowDays, triggers',
    );
    expect([e.file, e.line, e.key]).toEqual(['plan.yaml', 3, 'tranchs']);
  });

  it('names the allowed values of an enum, nested keys and array items', () => {
    expect(error('name: x\nkind: buy-low\n').message).toBe(
      'plan.yaml:2: kind: must be one of buy-and-hold, dca, phased-accumulation, right-side-confirmation, phase-following, exposure-rules (got "buy-low")',
    );
    expect(error('name: x\nkind: exposure-rules\nexposure:\n  botoming: 0.5\n').message).toBe(
      'plan.yaml:4: exposure.botoming: not an option; allowed: trend-decline, bottoming, uptrend, topping',
    );
    expect(
      error('name: x\nkind: exposure-rules\nrules:\n  - met: [price-above-200d]\n    exposure: 1\n').message,
    ).toMatch(
      /^plan\.yaml:4: rules\[0\]\.met\[0\]: must be one of weekly-etf-inflows-persisting, .*no-derisking-wave-under-way \(got "price-above-200d"\)$/,
    );
    expect(error('name: x\nkind: phased-accumulation\ntranches: 400\n').message).toMatch(
      /^plan\.yaml:3: tranches: Too big: expected number to be <=100 \(got 400\)$/,
    );
    expect(error('kind: dca\n').message).toMatch(/^plan\.yaml:1: name: .*\(missing\)$/);
    expect(error('name: x\nkind: dca\nstops:\n  trailingStopPct: -5\n').message).toMatch(
      /^plan\.yaml:4: stops\.trailingStopPct: .*\(got -5\)$/,
    );
  });

  it('refuses text that is not YAML or JSON, and a list', () => {
    expect(error('name: [unclosed\n').message).toMatch(/^plan\.yaml:\d+: not valid YAML/);
    expect(error('{"name": ', 'p.json').message).toMatch(/^p\.json: not valid JSON/);
    expect(error('- a\n- b\n').message).toBe('plan.yaml:1: must be a mapping of keys (name, kind, options …)');
  });
});
