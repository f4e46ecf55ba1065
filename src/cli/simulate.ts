// `tidemark simulate`: write the seeded simulated dataset (placeholder until the simulator lands).
import type { Command } from 'commander';

export function registerSimulate(program: Command): void {
  program.command('simulate').description('generate the simulated dataset (in progress)');
}
