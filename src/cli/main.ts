// The `tidemark` command line: registers one command per file and maps errors to exit codes.
import { Command, CommanderError } from 'commander';
import { reportError } from './error-output.js';
import { registerAnalyze } from './analyze.js';
import { registerBacktest } from './backtest.js';
import { registerExport } from './export.js';
import { registerImport } from './import.js';
import { registerReport } from './report.js';
import { registerServe } from './serve.js';
import { registerStatus } from './status.js';
import { registerSimulate } from './simulate.js';
import { registerSync } from './sync.js';
import { registerTrackRecord } from './track-record.js';

export function buildProgram(): Command {
  const program = new Command('tidemark')
    .description('Crypto de-risking monitor: data in, market phase and evidence out')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerImport(program);
  registerSync(program);
  registerSimulate(program);
  registerStatus(program);
  registerExport(program);
  registerAnalyze(program);
  registerTrackRecord(program);
  registerBacktest(program);
  registerReport(program);
  registerServe(program);
  return program;
}

/** Runs the CLI with `argv` (node-style: [node, script, ...args]); resolves to the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return reportError(error);
  }
}

const invokedDirectly = process.argv[1] !== undefined && /(?:main\.ts|tidemark(?:\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  // `tidemark export … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = await runCli(process.argv);
}
