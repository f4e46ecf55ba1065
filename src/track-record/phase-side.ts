// The side of the market a phase label stands on: uptrend and bottoming expect higher prices (bull
// side), trend-decline and topping lower ones (bear side).
import type { PhaseLabel } from '../domain/analysis.js';

export type PhaseSide = 'bull' | 'bear';

/** 'bull' for uptrend and bottoming, 'bear' for trend-decline and topping. */
export function phaseSide(label: PhaseLabel): PhaseSide {
  return label === 'uptrend' || label === 'bottoming' ? 'bull' : 'bear';
}
