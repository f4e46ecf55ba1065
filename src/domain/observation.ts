// One stored number: a field of a dataset for an asset, key and date, with its provenance and the
// instant it became known. The store keeps every distinct value a source reported as a version.
import { z } from 'zod';
import { ASSETS, type Asset } from './assets.js';
import { isIsoDate, parseIsoTimestamp } from './dates.js';
import { DATASETS, isDatasetName, isFieldOf, type DatasetName } from './datasets.js';

export interface Observation {
  readonly dataset: DatasetName;
  readonly field: string;
  readonly asset: Asset;
  /** Which instrument within the dataset: fund ticker, venue, contract, company … */
  readonly key: string;
  /** The market date the number belongs to (YYYY-MM-DD, on the dataset's clock). */
  readonly date: string;
  readonly value: number;
  /** ISO timestamp from which the number was public (see known-at.ts for the rules). */
  readonly knownAt: string;
}

/** A known asset (ASSETS). Kept here, beside the other schemas, so that assets.ts loads without zod. */
export const assetSchema = z.enum(ASSETS);

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'must be a YYYY-MM-DD calendar date' });
export const isoTimestampSchema = z
  .string()
  .refine((s) => parseIsoTimestamp(s) !== null, { message: 'must be an ISO-8601 timestamp' });

/** Validates an observation at a boundary: known dataset/field, finite value, real dates. */
export const observationSchema = z
  .object({
    dataset: z.string().refine(isDatasetName, { message: 'unknown dataset' }),
    field: z.string().min(1),
    asset: assetSchema,
    key: z.string().min(1).max(64),
    date: isoDateSchema,
    value: z.number().refine(Number.isFinite, { message: 'must be a finite number' }),
    knownAt: isoTimestampSchema,
  })
  .superRefine((o, ctx) => {
    if (isDatasetName(o.dataset) && !isFieldOf(o.dataset, o.field)) {
      ctx.addIssue({
        code: 'custom',
        path: ['field'],
        message: `"${o.field}" is not a field of ${o.dataset} (fields: ${Object.keys(DATASETS[o.dataset].fields).join(', ')})`,
      });
    }
  });

/** Where a batch of observations came from. */
export interface Provenance {
  /** Source name, e.g. "farside", "cryptoquant", "binance", "cftc", "tidemark-sim". */
  readonly source: string;
  /** File path or URL the rows were read from. */
  readonly origin: string;
  /**
   * When the source's snapshot was taken (e.g. a JSON cache's fetchedAt), if known. A value that
   * differs from what is stored becomes a new version known from max(its knownAt, observedAt).
   */
  readonly observedAt?: string;
}

/** Counts an upsert reports. */
export interface UpsertCounts {
  /** New natural keys stored. */
  inserted: number;
  /** Existing keys whose value changed: stored as a new version. */
  revised: number;
  /** Rows identical to a stored version: nothing written. */
  unchanged: number;
}

export function emptyCounts(): UpsertCounts {
  return { inserted: 0, revised: 0, unchanged: 0 };
}
