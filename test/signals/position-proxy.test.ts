import { describe, expect, it } from 'vitest';
import { lastPointPerWeek, positionProxy, weekStart } from '../../src/signals/position-proxy.js';

describe('positionProxy', () => {
  it('sums |ΔOI| signed by the week’s price move over three weeks', () => {
    // Fridays 2025-01-03, 01-10, 01-17 (weeks start Mon 12-30, 01-06, 01-13)
    const oi = [
      { date: '2025-01-02', value: 90 },
      { date: '2025-01-03', value: 100 },
      { date: '2025-01-10', value: 120 },
      { date: '2025-01-17', value: 110 },
    ];
    const price = [
      { date: '2025-01-02', value: 9 },
      { date: '2025-01-03', value: 10 },
      { date: '2025-01-10', value: 9 },
      { date: '2025-01-17', value: 12 },
    ];
    // week 2: |+20| × sign(−1) = −20; week 3: |−10| × sign(+3) = +10 → proxy 0, −20, −10
    const r = positionProxy(oi, price);
    expect(r.map((p) => p.contribution)).toEqual([0, -20, 10]);
    expect(r.map((p) => p.positionProxy)).toEqual([0, -20, -10]);
    expect(r.map((p) => p.date)).toEqual(['2025-01-03', '2025-01-10', '2025-01-17']);
  });

  it('contributes 0 for an unchanged price, and needs two weeks', () => {
    const r = positionProxy(
      [
        { date: '2025-01-03', value: 100 },
        { date: '2025-01-10', value: 150 },
      ],
      [
        { date: '2025-01-03', value: 10 },
        { date: '2025-01-10', value: 10 },
      ],
    );
    expect(r.map((p) => p.positionProxy)).toEqual([0, 0]);
    expect(positionProxy([{ date: '2025-01-03', value: 1 }], [{ date: '2025-01-03', value: 1 }])).toEqual([]);
  });

  it('skips roll weeks when asked', () => {
    const oi = [
      { date: '2025-01-03', value: 100 },
      { date: '2025-01-10', value: 120 },
      { date: '2025-01-17', value: 110 },
    ];
    const price = oi.map((p) => ({ date: p.date, value: 10 + p.value / 100 }));
    // the week of Monday 2025-01-06 is skipped: proxy 0, 0, then |−10| × sign(−0.1) = −10
    const r = positionProxy(oi, price, { skipWeek: (monday) => monday === '2025-01-06' });
    expect(r.map((p) => p.positionProxy)).toEqual([0, 0, -10]);
  });

  it('groups Monday–Sunday weeks', () => {
    expect(weekStart('2025-01-05')).toBe('2024-12-30'); // Sunday belongs to the week of Monday 12-30
    expect(weekStart('2025-01-06')).toBe('2025-01-06');
    expect(
      lastPointPerWeek([
        { date: '2025-01-04', value: 1 },
        { date: '2025-01-05', value: 2 },
        { date: '2025-01-06', value: 3 },
      ]).map((p) => p.value),
    ).toEqual([2, 3]);
  });
});
