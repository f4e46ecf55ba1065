// The configuration boundary's one error type: every message names where the value came from — the
// file and line, the environment variable or the flag — and the key, e.g.
// `tidemark.yaml:14 rules.funding-negative.when: unknown field "fundingRate"`. Misconfiguration
// fails at start-up, before any work is done; the CLI maps it to exit code 2.

/** A configuration problem (one line per problem in `problems`). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(
      problems.length === 1 ? problems[0]! : `${problems.length} configuration problems:\n  ${problems.join('\n  ')}`,
    );
  }
}
