import { describe, expect, it } from 'vitest';
import { PHASE_LABELS } from '../../src/domain/analysis.js';
import { phaseSide } from '../../src/track-record/phase-side.js';

describe('phaseSide', () => {
  it('puts uptrend and bottoming on the bull side, trend-decline and topping on the bear side', () => {
    expect(PHASE_LABELS.map(phaseSide)).toEqual(['bear', 'bull', 'bull', 'bear']);
  });
});
