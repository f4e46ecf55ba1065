// The `tidemark` command line: builds the program from the command table (loading only the file of
// the command being run) and maps errors to exit codes.
import type { Command } from 'commander';
import { COMMANDS, commandName, type CommandEntry } from './commands.js';
import { exitOnceWritten, exitWhenCommandDone } from './process-exit.js';

/** The version `tidemark --version` prints (package.json's, kept equal by test/cli/commands.test.ts). */
export const TIDEMARK_VERSION = '0.1.0';

/**
 * The command table line that `args` (the words after `tidemark`) run: the first word, or the one
 * after `help`; undefined for `--version`, `--help`, no command or an unknown one.
 */
export function commandFor(args: readonly string[]): CommandEntry | undefined {
  const first = args[0];
  const word = first === 'help' ? args[1] : first;
  return word === undefined ? undefined : COMMANDS.find((c) => commandName(c) === word);
}

/**
 * The program for `argv` (node-style: [node, script, ...args]): with the command it runs registered
 * in full (its file loaded now), every other command by name and summary only — enough for
 * `tidemark --help` and for commander's "unknown command" suggestions.
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const { Command } = await import('commander');
  const program = new Command('tidemark')
    .description('Crypto de-risking monitor: data in, market phase and evidence out')
    .version(TIDEMARK_VERSION)
    .showHelpAfterError()
    .exitOverride();
  const wanted = commandFor(argv.slice(2));
  for (const entry of COMMANDS) {
    if (entry === wanted) (await entry.load())(program);
    else program.command(entry.usage).description(entry.summary);
  }
  return program;
}

/** Runs the CLI with `argv` (node-style: [node, script, ...args]); resolves to the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  // `tidemark --version` alone is answered before the argument parser is even loaded.
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${TIDEMARK_VERSION}\n`);
    return 0;
  }
  const { CommanderError } = await import('commander');
  try {
    await (await buildProgram(argv)).parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    // Loaded on failure only: it knows every layer's error type (and zod's).
    const { reportError } = await import('./error-output.js');
    return reportError(error);
  }
}

/** Runs the CLI on this process's arguments and sets its exit code (bin/tidemark.js calls it). */
export async function runFromProcess(): Promise<void> {
  // `tidemark export … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const exitWhenDone = commandFor(process.argv.slice(2))?.exitWhenDone === true;
  if (exitWhenDone) exitWhenCommandDone();
  process.exitCode = await runCli(process.argv);
  if (exitWhenDone) await exitOnceWritten(process.exitCode);
}

// `tsx src/cli/main.ts …` (and `node dist/cli/main.js …`) run it directly.
if (process.argv[1] !== undefined && /[\\/]cli[\\/]main\.[jt]s$/.test(process.argv[1])) await runFromProcess();
