// The track record an analyst note shows: the record to the note's as-of date (so the note stays
// point-in-time), or the reason there is none (too little history). The CLI and the server share it;
// the server passes its cached computation.
import type { AnalysedAsset } from '../domain/assets.js';
import { NotEnoughHistoryError, type TrackRecordRun } from '../track-record/load-track-record.js';
import type { NoteTrackRecord } from './note-model.js';

/**
 * The note's track record of `asset` to `asOf`, computed by `compute` (e.g. trackRecordFromStore over a
 * store, or a server's cache). Too little history becomes `{ missing }` with the reason; other errors
 * propagate.
 */
export async function noteTrackRecord(
  compute: (asset: AnalysedAsset, to: string) => Promise<TrackRecordRun>,
  asset: AnalysedAsset,
  asOf: string,
): Promise<NoteTrackRecord> {
  try {
    return { run: await compute(asset, asOf) };
  } catch (error) {
    if (error instanceof NotEnoughHistoryError) return { missing: `No track record: ${error.message}.` };
    throw error;
  }
}
