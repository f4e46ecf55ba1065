// The error a command throws for bad arguments (exit code 2). A leaf, so that the error handler and
// the flag parsers load without the store.
/** A usage error: bad flag value, unknown dataset … (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
