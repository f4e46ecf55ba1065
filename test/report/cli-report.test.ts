import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerReport, reportFormatsFlag } from '../../src/cli/report.js';
import { analyzeStore } from '../../src/phase/analyze.js';
import { buildServer } from '../../src/server/build-server.js';
import { writeSimulatedDataset } from '../../src/sim/simulate.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';

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
      /^Tidemark BTC as of 2026-01-07 {2}\[SIMULATED DATA\]\nPhase: (trend decline|bottoming|uptrend|topping) \(confidence \d+%\)/,
    );
    expect(text).toContain(`Wrote:\n  ${join(out, 'tidemark-BTC-2026-01-07.md')}`);
    expect(existsSync(join(out, 'tidemark-BTC-2026-01-07.html'))).toBe(true);
  });

  it("/api/report's note opens with the same call line as the CLI's, with the call's run of sessions", async () => {
    const md = readFileSync(join(dir, 'out', 'tidemark-BTC-2026-01-07.md'), 'utf8');
    const cliLead = /^\*\*(BTC as of 7 Jan 2026: .*)\*\*$/m.exec(md)?.[1];
    expect(cliLead).toMatch(/^BTC as of 7 Jan 2026: \w+[\w ]*, (unchanged for \d+ sessions|new today)/);
    const store = await openDuckDbStore(db, { mode: 'read' });
    const app = buildServer({
      store,
      analyze: (s, options) => analyzeStore(s, options),
      loadSeries: (s, options) => loadMarketSeries(s, options),
      now: () => new Date('2026-02-01T12:00:00Z'),
    });
    try {
      const response = await app.inject({ url: '/api/report?asset=BTC&asOf=2026-01-07' });
      expect(response.statusCode).toBe(200);
      // The lead paragraph's text (dates are wrapped in no-wrap spans; the line holds no other markup).
      const apiLead = /<p class="lead">(.*?)<\/p>/
        .exec(response.body)?.[1]
        ?.replace(/<[^>]+>/g, '')
        .replaceAll('&amp;', '&');
      expect(apiLead).not.toContain('no earlier sessions replayed');
      expect(apiLead).toBe(cliLead);
    } finally {
      await app.close();
      await store.close();
    }
  }, 120_000);

  it('rejects an asset the engine does not analyse', async () => {
    const program = new Command('tidemark').exitOverride();
    registerReport(program);
    await expect(program.parseAsync(['node', 'tidemark', 'report', '--db', db, '--asset', 'SOL'])).rejects.toThrow(
      '--asset "SOL" is not one of BTC, ETH',
    );
  });
});
