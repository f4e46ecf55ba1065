// The command table (src/cli/commands.ts) against the command files it loads: every line names the
// command its file registers, with the same summary; the version is package.json's.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandName } from '../../src/cli/commands.js';
import { commandFor, TIDEMARK_VERSION } from '../../src/cli/main.js';
import { tidemark } from '../helpers/run-cli.js';

describe('the command table', () => {
  it.each(COMMANDS.map((c) => [commandName(c), c] as const))(
    '%s: the line agrees with its file',
    async (name, entry) => {
      const program = new Command('tidemark');
      (await entry.load())(program);
      expect(program.commands).toHaveLength(1);
      const registered = program.commands[0]!;
      expect(registered.name()).toBe(name);
      expect(registered.description()).toBe(entry.summary);
      const args = registered.registeredArguments.map((a) => (a.variadic ? `<${a.name()}...>` : `<${a.name()}>`));
      expect([name, ...args].join(' ')).toBe(entry.usage);
    },
  );

  it('finds the command of the arguments, also after help', () => {
    expect(commandName(commandFor(['analyze', '--json'])!)).toBe('analyze');
    expect(commandName(commandFor(['help', 'export'])!)).toBe('export');
    expect(commandFor(['--version'])).toBeUndefined();
    expect(commandFor(['nonsense'])).toBeUndefined();
  });

  it('--version prints package.json’s version; --help lists every command', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(TIDEMARK_VERSION).toBe(pkg.version);
    expect(await tidemark('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    // The installed binary, as a process: its shortcut prints the same.
    const bin = fileURLToPath(new URL('../../bin/tidemark.js', import.meta.url));
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })).toBe(`${pkg.version}\n`);
    const help = await tidemark('--help');
    expect(help.code).toBe(0);
    for (const c of COMMANDS) expect(help.stdout).toContain(commandName(c));
  });
});
