// The daily run's one failure type for work it could not do: an asset that could not be analysed,
// or a delivery given up after its attempts. The CLI prints the summary first, then this message,
// and exits 1; everything else the cycle did (stored analyses, delivered alerts) stays done.

/** The cycle finished but left something undone (named in the message, secrets already redacted). */
export class RunFailedError extends Error {
  override readonly name = 'RunFailedError';
}
