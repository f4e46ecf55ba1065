// compareText orders as localeCompare does: plain dates and ids by code unit, anything else by ICU.
import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/domain/compare-text.js';
import { createRandom } from '../../src/signals/stats/seeded-random.js';

describe('compareText', () => {
  it('has the sign of localeCompare on plain text (seeded property check) and on mixed case', () => {
    const rng = createRandom(11);
    const random = (): number => rng.uniform();
    const word = (alphabet: string): string =>
      Array.from({ length: 1 + Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
        '',
      );
    for (const alphabet of ['abcxyz019-', 'aAbBzZ-_ 9.']) {
      for (let i = 0; i < 5_000; i++) {
        const a = word(alphabet);
        const b = word(alphabet);
        expect([a, b, Math.sign(compareText(a, b))]).toEqual([a, b, Math.sign(a.localeCompare(b))]);
      }
    }
  });

  it('orders dates and ids', () => {
    expect(compareText('2024-01-10', '2024-01-11')).toBeLessThan(0);
    expect(compareText('fomc-cut-2025', 'fomc-cut-2025')).toBe(0);
    expect(compareText('a-c', 'ab')).toBeLessThan(0);
    // Not plain: the collator's order, where "b" comes before "C" (code units say otherwise).
    expect(compareText('b', 'C')).toBeLessThan(0);
  });
});
