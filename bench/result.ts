// The figure one benchmark reports: printed in the summary table by bench/run.ts.
export interface BenchResult {
  readonly name: string;
  /** The measured figure, or null when the benchmark was skipped. */
  readonly value: number | null;
  readonly unit: string;
  /** The figure to reach, in words (e.g. "< 5 s"). */
  readonly target: string;
  /** Whether the target was met; null when there is no target or it was skipped. */
  readonly ok: boolean | null;
  readonly detail: string;
}
