import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerReport, reportFormatsFlag } from '../../src/cli/report.js';
import { writeSimulatedDataset } from '../../src/sim/simulate.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';

describe('tidemark report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-report-'));
  const db = join(dir, 'sim.duckdb');

  beforeAll(async () => {
    const store = await openDuckDbStore(db);
    await writeSimulatedDataset(store, { seed: 42, days: 800, endDate: '2026-01-31' });
    await store.close();
  });
  afterAll(() => vi.restoreAllMocks());

  it('parses --format lists and rejects unknown formats', () => {
    expect(reportFormatsFlag('MD, html,md')).toEqual(['md', 'html']);
    expect(() => reportFormatsFlag('docx')).toThrow('--format "docx" is not one of md, html, pdf');
    expect(() => reportFormatsFlag(',')).toThrow('--format needs at least one of md, html, pdf');
  });

  it('writes the note files named for asset and date and prints the summary and paths', async () => {
    const out = join(dir, 'out');
    const printed: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    const program = new Command('tidemark').exitOverride();
    registerReport(program);
    await program.parseAsync([
      'node',
      'tidemark',
      'report',
      '--db',
      db,
      '--as-of',
      '2026-01-07',
      '--asset',
      'btc',
      '--out',
      out,
    ]);
    vi.restoreAllMocks();
    const files = readdirSync(out).sort();
    expect(files).toContain('tidemark-BTC-2026-01-07.md');
    expect(files).toContain('tidemark-BTC-2026-01-07.html');
    expect(files).not.toContain('tidemark-BTC-2026-01-07.pdf');
    expect(files.filter((f) => f.endsWith('.svg')).length).toBeGreaterThanOrEqual(4);
    const md = readFileSync(join(out, 'tidemark-BTC-2026-01-07.md'), 'utf8');
    expect(md).toContain('SIMULATED DATA');
    // The playbook section ran every shipped strategy on the simulated history (not --no-playbook).
    expect(md).toContain('## What the playbook would have done');
    expect(md).toMatch(/\| total return \| [+−]?[\d,.]+% \|/);
    expect(md).not.toContain('The playbook backtests were not run');
    expect(files).toContain('tidemark-BTC-2026-01-07-playbook-full-equity.svg');
    const text = printed.join('');
    expect(text).toMatch(
      /^Tidemark BTC as of 2026-01-07 {2}\[SIMULATED DATA\]\nPhase: (trend-decline|bottoming|uptrend|topping) \(confidence \d+%\)/,
    );
    expect(text).toContain(`Wrote:\n  ${join(out, 'tidemark-BTC-2026-01-07.md')}`);
    expect(existsSync(join(out, 'tidemark-BTC-2026-01-07.html'))).toBe(true);
  });

  it('rejects an asset the engine does not analyse', async () => {
    const program = new Command('tidemark').exitOverride();
    registerReport(program);
    await expect(program.parseAsync(['node', 'tidemark', 'report', '--db', db, '--asset', 'SOL'])).rejects.toThrow(
      '--asset "SOL" is not one of BTC, ETH',
    );
  });
});
