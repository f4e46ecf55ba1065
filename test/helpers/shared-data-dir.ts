// Where the real-data tests find the shared public data: ../shared/data beside the clone, or the
// directory named by TIDEMARK_SHARED_DATA (CI points it at a missing directory once to prove that a
// fresh clone without ../shared collects and skips those tests instead of failing).
import { resolve } from 'node:path';

/** Absolute path of the shared data directory (it may not exist: tests skip with existsSync). */
export const SHARED_DATA_DIR: string = resolve(
  process.env.TIDEMARK_SHARED_DATA ?? resolve(process.cwd(), '../shared/data'),
);
