import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { PhaseCall, TrackRecord } from '../../src/domain/track-record.js';
import { trackRecordSchema } from '../../src/domain/track-record-schema.js';
import { addDays, dayOfWeek } from '../../src/domain/dates.js';
import { buildTrackRecord } from '../../src/track-record/track-record.js';

// 400 days: up 0.4 %/day for 250 days, then down 0.5 %/day; weekday calls alternating labels.
const closes = Array.from({ length: 400 }, (_, i) => ({
  date: addDays('2022-01-01', i),
  close: 100 * Math.exp(i < 250 ? 0.004 * i : 1 - 0.005 * (i - 250)),
}));
const calls: PhaseCall[] = closes
  .filter((c) => dayOfWeek(c.date) % 6 !== 0)
  .map((c, k) => ({ date: c.date, label: k % 3 === 0 ? 'topping' : 'uptrend', confidence: (k % 10) / 10 }));
const record = buildTrackRecord({
  asset: 'ETH',
  closes,
  calls,
  horizons: [20],
  periods: [{ name: 'all', from: '2022-01-01', to: '2023-12-31', sample: 'out-of-sample' }],
  options: { bootstrap: { resamples: 50 } },
});

describe('trackRecordSchema', () => {
  it('accepts a built track record, and its type is the contract', () => {
    const parsed: TrackRecord = trackRecordSchema.parse(JSON.parse(JSON.stringify(record)));
    expect(parsed.periods[0]!.engines.engine.calls).toBe(record.periods[0]!.engines.engine.calls);
    expect(record.turningPoints.map((t) => [t.kind, t.date])).toEqual([
      ['trough', '2022-01-01'],
      ['peak', addDays('2022-01-01', 250)],
    ]);
  });

  it('rejects a wrong label or a share outside [0, 1]', () => {
    const bad = structuredClone(record) as unknown as { days: { hindsightLabel: string }[] };
    bad.days[300]!.hindsightLabel = 'bull';
    expect(trackRecordSchema.safeParse(bad).success).toBe(false);
    const share = structuredClone(record) as unknown as {
      periods: { engines: { engine: { labelAgreement: { shareRight: number } } } }[];
    };
    share.periods[0]!.engines.engine.labelAgreement.shareRight = 1.5;
    expect(trackRecordSchema.safeParse(share).success).toBe(false);
  });

  it('converts to JSON Schema for the OpenAPI document', () => {
    const json = z.toJSONSchema(trackRecordSchema, { io: 'output' }) as { properties: Record<string, unknown> };
    expect(Object.keys(json.properties)).toContain('periods');
  });
});
