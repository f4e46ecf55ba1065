// The contract every file importer implements: recognise a file layout, parse it into
// observations (and events), and report rejected rows with file, line and field.
import type { MarketEvent } from '../domain/events.js';
import type { Observation } from '../domain/observation.js';

/** What a layout sees when deciding whether it reads a file. */
export interface FileProbe {
  readonly path: string;
  /** Base name of the file. */
  readonly name: string;
  /** The first 4 KiB of the file as text. */
  readonly head: string;
}

/** A row the importer could not use: printed as `file:line field: message`. */
export interface RowReject {
  readonly line: number;
  readonly field?: string;
  readonly message: string;
}

export interface ParsedFile {
  readonly source: string;
  /** When the file's snapshot was taken, if it says (e.g. a JSON cache's fetchedAt). */
  readonly observedAt?: string;
  readonly observations: Observation[];
  readonly events?: MarketEvent[];
  readonly rejects: RowReject[];
  /** Non-fatal notes about the file (e.g. "3 columns ignored: export fault"). */
  readonly warnings: string[];
}

/** What a layout parses: the file's path (named in every reject) and text, and the run's clock. */
export interface FileInput {
  readonly path: string;
  readonly text: string;
  /** Today's UTC date (YYYY-MM-DD): dates after today + the dataset's lag are rejected. Default: the clock. */
  readonly today?: string;
}

export interface FileLayout {
  /** Stable id printed in the import table, e.g. "farside-daily-csv". */
  readonly id: string;
  readonly description: string;
  detect(probe: FileProbe): boolean;
  /**
   * Reads the file. Row problems become rejects (never throws for one); a file that cannot be read
   * at all (malformed JSON, unknown header, no asset) throws an ImportError naming the file.
   */
  parse(file: FileInput): ParsedFile;
}

/** Formats a reject the one way the CLI prints it. */
export function formatReject(path: string, reject: RowReject): string {
  return `${path}:${reject.line}${reject.field ? ` ${reject.field}` : ''}: ${reject.message}`;
}
