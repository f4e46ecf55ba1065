// The shape every signal section of the analysis shares: the numbers it computed, the evidence
// sentences built from them, and what it could not compute for lack of data.
import type { Evidence, SignalAvailability } from '../analysis-terms.js';

export interface SignalSection {
  readonly evidence: readonly Evidence[];
  readonly availability: SignalAvailability;
}
