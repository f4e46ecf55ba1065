// The error types of the sources boundary: ImportError for files, SourceError for live connectors.
// Messages name the file or URL, the line and field, and the offending value.

/** A file could not be imported (or, under --strict, a row was rejected). */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** A live source failed: HTTP error, unexpected payload, bot protection, rate limit exhausted. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    message: string,
    readonly source: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, options);
    this.status = options?.status;
  }
  readonly status: number | undefined;
}
