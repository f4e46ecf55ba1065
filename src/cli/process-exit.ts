// Ending the process as soon as a command is done. A command marked `exitWhenDone` in the command
// table leaves nothing running when its action returns, so the process exits right after its output
// is written instead of waiting for Node's teardown, and the read-only store it used is left for the
// operating system to release instead of being closed first: together ~50 ms of an analysis. Such a
// process does nothing else meanwhile, so its read-only store reads with two DuckDB threads. Only
// runFromProcess (the real process) asks for it; in-process callers (tests, the server) never do.

let oneCommandProcess = false;

/**
 * Whether this process runs one command and exits when it is done: its read-only store may be left
 * open at the end and may read with two threads (context.ts).
 */
export function processExitsWhenCommandDone(): boolean {
  return oneCommandProcess;
}

/** Says that this process exits when the command finishes (runFromProcess, before running it). */
export function exitWhenCommandDone(): void {
  oneCommandProcess = true;
}

/** Exits with `code` once everything written to stdout and stderr has been handed to the system. */
export async function exitOnceWritten(code: number): Promise<never> {
  for (const stream of [process.stdout, process.stderr])
    if (stream.writableLength > 0)
      await new Promise<void>((resolve) => {
        stream.once('drain', resolve);
        stream.once('close', resolve);
      });
  process.exit(code);
}
