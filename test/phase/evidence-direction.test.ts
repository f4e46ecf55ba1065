// One sign convention for evidence in every output: weights are bullish (+) / bearish (−); the marker
// says whether a piece supports the call.
import { describe, expect, it } from 'vitest';
import { evidenceMarker, supportsCall } from '../../src/phase/evidence-direction.js';

describe('evidence direction', () => {
  it('a negative weight supports a bearish call and weighs against a bullish one', () => {
    expect(evidenceMarker('trend-decline', -0.4)).toBe('+');
    expect(evidenceMarker('topping', -0.1)).toBe('+');
    expect(evidenceMarker('bottoming', -0.4)).toBe('−');
    expect(evidenceMarker('uptrend', -0.1)).toBe('−');
    expect(evidenceMarker('trend-decline', 0.3)).toBe('−');
    expect(evidenceMarker('bottoming', 0.3)).toBe('+');
  });

  it('unweighted evidence is context, marked · and counted as supporting', () => {
    expect(evidenceMarker('bottoming', 0)).toBe('·');
    expect(evidenceMarker('topping', undefined)).toBe('·');
    expect(supportsCall('topping', undefined)).toBe(true);
    expect(supportsCall('uptrend', 0)).toBe(true);
  });
});
