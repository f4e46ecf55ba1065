// The server's kept analyses: every answer for a past (asset, as-of date) that the worker pool gave —
// by the background precomputation (analysis-precompute.ts) or for a request — kept gzipped for the
// store revision it was computed at, so a later request for that date is answered with bytes already
// made. An analysis of a past date at one revision never changes (each input is read as known at that
// date), so nothing is evicted while the revision holds; a new revision empties the book. Bounded by
// bytes: when full, further answers are not kept (they are computed again when asked).
import type { AnalysedAsset } from '../domain/assets.js';
import type { EncodedAnalysis } from './analysis-pool.js';

/**
 * The bound of the kept answers, read once: 200 MiB of gzipped JSON. On the real data an answer is
 * ~10–20 KB gzipped (~70–100 KB of JSON), so every date of both assets (~10,400) needs ~150 MB.
 * TIDEMARK_ANSWERS_MB overrides it (0: keep nothing).
 */
export const KEPT_ANSWERS_DEFAULT_BYTES = 200 * 1024 * 1024;

/** The bound from TIDEMARK_ANSWERS_MB when it is a non-negative number, else the default. */
export function keptAnswersBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['TIDEMARK_ANSWERS_MB'];
  const mb = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(mb) && mb >= 0 ? Math.round(mb * 1024 * 1024) : KEPT_ANSWERS_DEFAULT_BYTES;
}

export class AnalysisAnswers {
  private revision: number | null = null;
  private readonly answers = new Map<string, EncodedAnalysis>();
  private keptBytes = 0;
  /** Answers not kept because the bound was reached (since the last revision change). */
  refused = 0;

  constructor(readonly maxBytes: number = KEPT_ANSWERS_DEFAULT_BYTES) {
    if (!(Number.isFinite(maxBytes) && maxBytes >= 0))
      throw new RangeError(`AnalysisAnswers: maxBytes must be a non-negative number, got ${maxBytes}`);
  }

  /** Makes `revision` current: answers kept for another revision are dropped. True when it changed. */
  syncRevision(revision: number): boolean {
    if (this.revision === revision) return false;
    this.revision = revision;
    this.answers.clear();
    this.keptBytes = 0;
    this.refused = 0;
    return true;
  }

  /** The kept answer for (asset, asOf) at `revision`, if any. */
  get(revision: number, asset: AnalysedAsset, asOf: string): EncodedAnalysis | undefined {
    return revision === this.revision ? this.answers.get(`${asset}|${asOf}`) : undefined;
  }

  has(revision: number, asset: AnalysedAsset, asOf: string): boolean {
    return this.get(revision, asset, asOf) !== undefined;
  }

  /**
   * Keeps `answer` for (asset, asOf) computed at `revision`: not when the revision is no longer current
   * or the bound would be passed. True when kept (or already kept).
   */
  put(revision: number, asset: AnalysedAsset, asOf: string, answer: EncodedAnalysis): boolean {
    if (revision !== this.revision) return false;
    const key = `${asset}|${asOf}`;
    if (this.answers.has(key)) return true;
    if (this.keptBytes + answer.gzip.byteLength > this.maxBytes) {
      this.refused += 1;
      return false;
    }
    this.answers.set(key, answer);
    this.keptBytes += answer.gzip.byteLength;
    return true;
  }

  /** True when the next answer of `typicalBytes` would not fit. */
  isFull(typicalBytes: number): boolean {
    return this.keptBytes + typicalBytes > this.maxBytes;
  }

  get count(): number {
    return this.answers.size;
  }

  /** Gzipped bytes kept. */
  get bytes(): number {
    return this.keptBytes;
  }
}
