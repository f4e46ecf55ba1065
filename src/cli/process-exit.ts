// Ending the process as soon as a command is done. A command marked `exitWhenDone` in the command
// table leaves nothing running when its action returns, so the process exits right after its output
// is written instead of waiting for Node's teardown, and the read-only store it used is left for the
// operating system to release instead of being closed first: together ~50 ms of an analysis. Only
// runFromProcess (the real process) asks for it; in-process callers (tests, the server) never do.

let closeReadStoresWithProcess = false;

/** Whether a reading command may leave its store open when it finishes (the process exits next). */
export function readStoresCloseWithProcess(): boolean {
  return closeReadStoresWithProcess;
}

/** Says that this process exits when the command finishes (runFromProcess, before running it). */
export function exitWhenCommandDone(): void {
  closeReadStoresWithProcess = true;
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
