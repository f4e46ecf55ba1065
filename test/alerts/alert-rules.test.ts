// The alert rules on hand-built snapshot sequences, with the outcomes worked out by hand: a change
// confirmed over N distinct as-of dates (a weekend repeating Friday's data counts once), a phase flip
// ignoring low-confidence calls, a threshold firing once per crossing (−0.01 % per 8 h is −0.0001),
// an input newly stale by its source's clock, cooldowns keyed on (rule, asset, as-of), backoff, cron
// and quiet hours.
import { describe, expect, it } from 'vitest';
import { ALERT_FIELD_PATHS, type FieldValue, type FieldValues } from '../../src/alerts/alert-fields.js';
import type { AlertSnapshot } from '../../src/alerts/alert-snapshot.js';
import type { ActiveRule } from '../../src/alerts/config/load-config.js';
import { retryDelayMs } from '../../src/alerts/delivery/backoff.js';
import { planAlerts } from '../../src/alerts/evaluate-rules.js';
import { expectedDate, INPUT_CLOCKS, type InputFreshness } from '../../src/alerts/input-freshness.js';
import { conditionHolds, parseCondition } from '../../src/alerts/rules/condition.js';
import { confidenceLevelRule } from '../../src/alerts/rules/confidence-level-rule.js';
import { liquidityFailureRule } from '../../src/alerts/rules/liquidity-failure-rule.js';
import type { LiquiditySelloff } from '../../src/domain/sections/liquidity.js';
import { phaseFlipRule } from '../../src/alerts/rules/phase-flip-rule.js';
import { confirmedChange, type AlertRule } from '../../src/alerts/rules/rule.js';
import { staleInputRule } from '../../src/alerts/rules/stale-input-rule.js';
import { thresholdRule } from '../../src/alerts/rules/threshold-rule.js';
import { parseCron } from '../../src/alerts/schedule/cron.js';
import { quietUntil } from '../../src/alerts/schedule/quiet-hours.js';
import { formatPct } from '../../src/format/percent.js';

function snapshot(asOf: string, set: Record<string, FieldValue>, freshness: InputFreshness[] = []): AlertSnapshot {
  const fields = Object.fromEntries(ALERT_FIELD_PATHS.map((p) => [p, set[p] ?? null])) as FieldValues;
  return {
    asset: 'BTC',
    asOf,
    simulated: false,
    fields,
    checklist: [],
    ongoingWaves: [],
    waves: [],
    selloffs: [],
    evidence: [],
    freshness,
  };
}

/** Runs `rule` day by day over `days` (oldest first) and returns the as-of dates it fired on. */
function firings(rule: AlertRule, days: readonly AlertSnapshot[]): string[] {
  const fired: string[] = [];
  days.forEach((current, i) => {
    const history = days.slice(0, i).reverse();
    if (rule.evaluate({ current, history }) !== null) fired.push(current.asOf);
  });
  return fired;
}

describe('confirmedChange', () => {
  it('reports the change on the observation that confirms it, once', () => {
    const seq = ['a', 'b', 'b', 'b', 'b'].map((value, i) => ({ value, basis: String(i) }));
    expect(confirmedChange(seq.slice(0, 2), 2)).toBeNull();
    expect(confirmedChange(seq.slice(0, 3), 2)).toEqual({ from: 'a', to: 'b' });
    expect(confirmedChange(seq.slice(0, 4), 2)).toBeNull();
  });

  it('a repeated basis (a weekend repeating Friday) and a null (no information) neither confirm nor break', () => {
    const seq = [
      { value: 'two-way', basis: 'w1' },
      { value: 'one-way-outflow', basis: 'fri' },
      { value: 'one-way-outflow', basis: 'fri' },
      { value: null, basis: 'sun' },
    ];
    expect(confirmedChange(seq, 2)).toBeNull();
    expect(confirmedChange([...seq, { value: 'one-way-outflow', basis: 'mon' }], 2)).toEqual({
      from: 'two-way',
      to: 'one-way-outflow',
    });
  });
});

describe('rules', () => {
  it('phase-flip: fires on the 3rd analysis of the new call at ≥ 60 %; a 50 % call in between is ignored', () => {
    const calls: [string, string, number][] = [
      ['2025-11-01', 'uptrend', 0.7],
      ['2025-11-02', 'uptrend', 0.7],
      ['2025-11-03', 'trend-decline', 0.65],
      ['2025-11-04', 'trend-decline', 0.5],
      ['2025-11-05', 'trend-decline', 0.8],
      ['2025-11-06', 'trend-decline', 0.9],
      ['2025-11-07', 'trend-decline', 0.9],
    ];
    const days = calls.map(([d, label, c]) => snapshot(d, { 'phase.label': label, 'phase.confidence': c }));
    const rule = phaseFlipRule('phase-flip', { confirmDays: 3, minConfidence: 0.6 });
    expect(firings(rule, days)).toEqual(['2025-11-06']);
    const finding = rule.evaluate({ current: days[5]!, history: days.slice(0, 5).reverse() });
    expect(finding?.changed).toBe('phase uptrend → trend decline, held 3 analyses');
  });

  it('threshold: funding below −0.01 % per 8 h fires once per crossing', () => {
    const condition = parseCondition('signals.positioning.fundingRate8h < -0.01%');
    expect(condition.value).toBeCloseTo(-0.0001, 12);
    expect(conditionHolds(condition, -0.00021)).toBe(true);
    expect(conditionHolds(condition, -0.0001)).toBe(false);
    expect(conditionHolds(condition, null)).toBe(false);
    const rates = [0.0001, -0.00015, -0.0002, 0.00005, -0.00012];
    const days = rates.map((r, i) =>
      snapshot(`2026-02-0${i + 1}`, { 'signals.positioning.fundingRate8h': r, 'phase.label': 'trend-decline' }),
    );
    expect(firings(thresholdRule('funding-negative', condition), days)).toEqual(['2026-02-02', '2026-02-05']);
  });

  it('confidence-level: up through 85 % only after dropping below 65 %; a label change resets without an alert', () => {
    const calls: [string, number][] = [
      ['trend-decline', 0.7],
      ['trend-decline', 0.86], // rose: alert
      ['trend-decline', 0.8],
      ['trend-decline', 0.88], // still high (never fell below 65 %): no alert
      ['trend-decline', 0.6], // fell below 65 %
      ['trend-decline', 0.9], // rose again: alert
      ['bottoming', 0.9], // new label: state reset, no alert
    ];
    const days = calls.map(([label, c], i) =>
      snapshot(`2025-11-0${i + 1}`, { 'phase.label': label, 'phase.confidence': c }),
    );
    const rule = confidenceLevelRule('confidence-level', { level: 0.85, hysteresis: 0.2, direction: 'up' });
    expect(firings(rule, days)).toEqual(['2025-11-02', '2025-11-06']);
  });

  it('liquidity-failure: a sell-off newly read as a liquidity failure, or revised to it, alerts once', () => {
    const selloff = (type: LiquiditySelloff['type'], initialType: LiquiditySelloff['type']): LiquiditySelloff => ({
      start: '2025-10-06',
      end: '2025-10-11',
      drawdownPct: -16.2,
      type,
      reasons: ['price impact in the top 5 % of its year'],
      classifiedOn: '2025-10-12',
      initialType,
      revisedOn: type === initialType ? null : '2025-10-14',
    });
    const withSelloffs = (asOf: string, selloffs: LiquiditySelloff[]): AlertSnapshot => ({
      ...snapshot(asOf, {}),
      selloffs,
    });
    const days = [
      withSelloffs('2025-10-12', [selloff('position-rebalancing', 'position-rebalancing')]),
      withSelloffs('2025-10-13', [selloff('position-rebalancing', 'position-rebalancing')]),
      withSelloffs('2025-10-14', [selloff('liquidity-failure', 'position-rebalancing')]),
      withSelloffs('2025-10-15', [selloff('liquidity-failure', 'position-rebalancing')]),
    ];
    const rule = liquidityFailureRule('liquidity-failure');
    expect(firings(rule, days)).toEqual(['2025-10-14']);
    const finding = rule.evaluate({ current: days[2]!, history: [days[1]!, days[0]!] });
    expect(finding?.changed).toBe('sell-off revised from position-rebalancing to liquidity-failure');
    expect(finding?.evidence[1]?.value).toBe(formatPct(-16.2));
  });

  it('a condition on an unknown field or a % on a non-percentage is refused with the field named', () => {
    expect(() => parseCondition('fundingRate < 0')).toThrow(/fundingRate/);
    expect(() => parseCondition('signals.treasuries.strategyMnav < 1%')).toThrow(/strategyMnav is not a percentage/);
  });

  it('stale input: the expected date follows the source clock; the rule fires when an input newly goes stale', () => {
    // Farside publishes trading day D at D+1 02:00 UTC, late after 18 h more: at the end of Wed
    // 2026-01-07 the Tuesday 2026-01-06 flows are due; at 19:59 that day only Monday's.
    expect(expectedDate(INPUT_CLOCKS['etf-flows'], '2026-01-07T23:59:59.999Z')).toBe('2026-01-06');
    expect(expectedDate(INPUT_CLOCKS['etf-flows'], '2026-01-07T19:59:00.000Z')).toBe('2026-01-05');
    const stale = (late: boolean): InputFreshness => ({
      input: 'etf-flows',
      lastDate: '2026-01-05',
      expectedDate: late ? '2026-01-06' : '2026-01-05',
      lateDays: late ? 1 : 0,
      stale: late,
    });
    const days = [false, true, true, false, true].map((late, i) => snapshot(`2026-01-0${i + 5}`, {}, [stale(late)]));
    const rule = staleInputRule('stale-input', { inputs: ['etf-flows'] });
    expect(firings(rule, days)).toEqual(['2026-01-06', '2026-01-09']);
    expect(rule.evaluate({ current: days[1]!, history: [days[0]!] })?.evidence[0]?.value).toMatch(/1 day late/);
  });

  it('cooldown: a second firing within 7 days is stored suppressed, not queued; keys are rule|asset|as-of', async () => {
    const always: AlertRule = {
      name: 'every-day',
      summary: 'test',
      evaluate: () => ({ title: 't', changed: 'c', evidence: [], reasons: [] }),
    };
    const rules: ActiveRule[] = [{ rule: always, assets: ['BTC'], cooldownDays: 7, quietHours: null, sinks: ['out'] }];
    const queued: string[] = [];
    const out: [string, string][] = [];
    for (const asOf of ['2026-01-01', '2026-01-05', '2026-01-08', '2026-01-09']) {
      const planned = await planAlerts({
        rules,
        current: snapshot(asOf, {}),
        history: [],
        lastQueued: () => Promise.resolve(queued.at(-1) ?? null),
        now: Date.parse(`${asOf}T03:00:00Z`),
        timeZone: 'UTC',
        note: { path: null, url: null },
      });
      for (const p of planned) {
        out.push([p.alert.key, p.status]);
        if (p.status === 'queued') queued.push(asOf);
      }
    }
    // 01-05 is 4 days after 01-01 (held), 01-08 is 7 days after (sent), 01-09 is 1 day after 01-08 (held).
    expect(out).toEqual([
      ['every-day|BTC|2026-01-01', 'queued'],
      ['every-day|BTC|2026-01-05', 'suppressed'],
      ['every-day|BTC|2026-01-08', 'queued'],
      ['every-day|BTC|2026-01-09', 'suppressed'],
    ]);
  });

  it('quiet hours 22:00–07:00 defer a 23:00 alert to 07:00 the next morning', async () => {
    const always: AlertRule = {
      name: 'x',
      summary: 'x',
      evaluate: () => ({ title: 't', changed: 'c', evidence: [], reasons: [] }),
    };
    const [planned] = await planAlerts({
      rules: [
        { rule: always, assets: ['BTC'], cooldownDays: 0, quietHours: { from: '22:00', to: '07:00' }, sinks: ['a'] },
      ],
      current: snapshot('2026-01-05', {}),
      history: [],
      lastQueued: () => Promise.resolve(null),
      now: Date.parse('2026-01-05T23:00:00Z'),
      timeZone: 'UTC',
      note: { path: null, url: null },
    });
    expect(planned?.deliveries).toEqual([{ sink: 'a', notBefore: '2026-01-06T07:00:00.000Z' }]);
    expect(quietUntil(Date.parse('2026-01-05T12:00:00Z'), { from: '22:00', to: '07:00' }, 'UTC')).toBeNull();
  });
});

describe('delivery backoff and schedule', () => {
  it('backoff doubles from the base, capped, never below Retry-After', () => {
    const policy = { baseMs: 30_000, maxMs: 1_800_000 };
    expect([1, 2, 3, 7, 8].map((a) => retryDelayMs(a, policy))).toEqual([
      30_000, 60_000, 120_000, 1_800_000, 1_800_000,
    ]);
    expect(retryDelayMs(1, policy, 90_000)).toBe(90_000);
  });

  it('cron "30 2 * * *" fires at 02:30 in the configured zone', () => {
    const cron = parseCron('30 2 * * *');
    expect(new Date(cron.next(Date.parse('2026-01-06T03:00:00Z'), 'UTC')).toISOString()).toBe(
      '2026-01-07T02:30:00.000Z',
    );
    // New York in January is UTC−5: 02:30 EST is 07:30 UTC.
    expect(new Date(cron.next(Date.parse('2026-01-06T00:00:00Z'), 'America/New_York')).toISOString()).toBe(
      '2026-01-06T07:30:00.000Z',
    );
    expect(() => parseCron('61 2 * * *')).toThrow(/minute/);
  });
});
