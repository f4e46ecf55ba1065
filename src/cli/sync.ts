// `tidemark sync`: live connectors (placeholder until the connectors land).
import type { Command } from 'commander';

export function registerSync(program: Command): void {
  program.command('sync').description('fetch new data from live sources (in progress)');
}
