// The seeded market simulator's entry point (placeholder until the simulator lands).
import type { Store } from '../store/store.js';

export interface SimulateOptions {
  readonly seed?: number;
  readonly progress?: boolean;
}

export async function writeSimulatedDataset(_store: Store, _options: SimulateOptions = {}): Promise<void> {
  throw new Error('simulator not built yet');
}
