// Secrets — webhook URLs, bot tokens, signing secrets, SMTP passwords — come only from the
// environment. They are read here, once, and every message the run prints or stores passes through
// `redact`, so a secret never appears in a log line, an error or the outbox.

/** The secrets read so far and a way to scrub them from text. */
export class Secrets {
  private readonly values = new Set<string>();

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** The value of environment variable `name`, remembered for redaction; undefined when unset or empty. */
  read(name: string): string | undefined {
    const value = this.env[name];
    if (value === undefined || value === '') return undefined;
    this.remember(value);
    return value;
  }

  /** Remembers `value` (and its URL-encoded form) as a secret. Values under 4 characters are not scrubbed. */
  remember(value: string): void {
    if (value.length < 4) return;
    this.values.add(value);
    const encoded = encodeURIComponent(value);
    if (encoded !== value) this.values.add(encoded);
  }

  /** `text` with every known secret replaced by "[redacted]". */
  redact(text: string): string {
    let out = text;
    // Longest first, so a secret containing another is replaced whole.
    for (const secret of [...this.values].sort((a, b) => b.length - a.length))
      out = out.split(secret).join('[redacted]');
    return out;
  }
}
