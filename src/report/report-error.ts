// The report boundary's error type: what stopped a note from being written, by kind, so the CLI can
// answer each with its own exit code and a one-line message saying what to do.

/**
 * - `missing-chromium`: PDF output needs a Chromium executable that is not there;
 * - `pdf-failed`: Chromium is there but printing the PDF failed.
 */
export type ReportErrorKind = 'missing-chromium' | 'pdf-failed';

export class ReportError extends Error {
  override readonly name = 'ReportError';
  constructor(
    readonly kind: ReportErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
