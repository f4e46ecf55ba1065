// The phase facts of any as-of date, read from one full history: phase inputs are built once and each
// date's facts read by index (facts-at.ts). A date at which some input is not a known prefix (an item
// published out of date order) is read from inputs built without the late items it lacks
// (late-items.ts), one build per set of lacking items (an epoch, a few kept); a date still unreadable
// is read from inputs rebuilt over a slice at that date — slower, and exact. Shared by the replay
// (dates in order) and the server's analysis workers (dates in any order).
import type { MarketSeries } from '../domain/market-series.js';
import { sliceMarketSeries } from '../domain/slice-market-series.js';
import type { PhaseFacts } from './facts.js';
import { factsAt } from './facts-at.js';
import { epochKey, lateItems, lateItemsUnknownAt, withoutItems } from './late-items.js';
import { phaseInputs, type PhaseInputs, type PhaseInputsOptions } from './phase-inputs.js';

/** Epochs (inputs built without one set of late items) kept at once; the least recently used goes. */
const EPOCHS_KEPT = 4;

export class FactsReader {
  /** The inputs built over the whole history. */
  readonly inputs: PhaseInputs;
  /** Dates read on the exact slow path (inputs rebuilt over a slice). */
  rebuiltDays = 0;
  /** Inputs built without late items (one per epoch met, again when one was dropped). */
  lateItemEpochs = 0;
  private late: ReturnType<typeof lateItems> | null = null;
  private readonly epochs = new Map<string, PhaseInputs>();

  /** Builds the inputs over `full` once (options as phaseInputs'; late-item epochs use the same). */
  constructor(
    private readonly full: MarketSeries,
    private readonly options: PhaseInputsOptions = {},
  ) {
    this.inputs = phaseInputs(full, options);
  }

  /** The facts at `date`, as factsAt on inputs built over what was known that day gives them. */
  at(date: string): PhaseFacts {
    const facts = factsAt(this.inputs, date) ?? factsAt(this.epochAt(date), date);
    if (facts !== null) return facts;
    this.rebuiltDays += 1;
    return factsAt(phaseInputs(sliceMarketSeries(this.full, date)), date)!;
  }

  /** The inputs without the late items unknown at `date`, built once per set of such items. */
  private epochAt(date: string): PhaseInputs {
    this.late ??= lateItems(this.full);
    const unknown = lateItemsUnknownAt(this.late, date);
    const key = epochKey(unknown);
    let inputs = this.epochs.get(key);
    if (inputs === undefined) {
      inputs = phaseInputs(withoutItems(this.full, unknown), this.options);
      this.lateItemEpochs += 1;
      if (this.epochs.size >= EPOCHS_KEPT) this.epochs.delete(this.epochs.keys().next().value!);
    } else this.epochs.delete(key);
    this.epochs.set(key, inputs);
    return inputs;
  }
}
