// Prints the real-data statistics the simulator's constants were calibrated against:
// `npx tsx src/sim/calibration/print-real-stats.ts [DATA_DIR]` (default ../shared/data).
import { resolve } from 'node:path';
import { CALIBRATION_WINDOW, realMarketStats } from './real-stats.js';

const dir = resolve(process.argv[2] ?? resolve(process.cwd(), '../shared/data'));
const stats = realMarketStats(dir);
process.stdout.write(`real statistics ${CALIBRATION_WINDOW.from}..${CALIBRATION_WINDOW.to} from ${dir}\n`);
// Five significant digits to copy into calibration/constants.ts: a developer's figure, not a reader's.
// eslint-disable-next-line no-restricted-syntax
for (const [name, value] of Object.entries(stats)) process.stdout.write(`${name.padEnd(40)} ${value.toPrecision(5)}\n`);
