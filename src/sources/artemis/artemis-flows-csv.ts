// Artemis ETF flow exports, USD, negative = outflow; known the day after the period ends
// (periodEndKnownAt).
// - "Crypto ETF Flows.csv": weekly (week ending Sunday), `<Coin> - ETF Flows` per asset →
//   etf-flows-weekly.netFlowUsd, key `artemis`.
// - "Monthly Bitcoin ETF flows.csv" / "Monthly Ethereum ETF flows.csv": `<TICKER> - ETF Flows` per
//   fund ("Bitcoin"/"Ethereum" = the Grayscale mini trust) → etf-flows-monthly.netFlowUsd per fund.
import type { Asset } from '../../domain/assets.js';
import { periodEndKnownAt } from '../../domain/known-at.js';
import type { Observation } from '../../domain/observation.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { headerCells, readDatedTable } from '../vendor-csv/dated-table.js';
import { artemisEtfAssetOfFile, fundOfColumn } from './fund-columns.js';

const FLOW_SUFFIX = / - ETF Flows$/;

/** Artemis' coin names in the weekly file → asset. */
const COIN_ASSET: Readonly<Record<string, Asset>> = { Bitcoin: 'BTC', Ethereum: 'ETH', Ripple: 'XRP', Solana: 'SOL' };

const isFlowHeader = (cols: readonly string[]): boolean =>
  cols[0]?.toLowerCase() === 'date' && cols.length >= 2 && cols.slice(1).every((c) => FLOW_SUFFIX.test(c));

/** Artemis "Crypto ETF Flows.csv" → etf-flows-weekly.netFlowUsd per asset, key `artemis`; unknown coins are skipped with a warning. */
export const artemisWeeklyFlowsCsv: FileLayout = {
  id: 'artemis-weekly-flows-csv',
  description: 'Artemis weekly ETF flows per coin (USD, week ending Sunday)',
  detect({ name, head }) {
    return !/monthly/i.test(name) && /ETF Flows/i.test(name) && isFlowHeader(headerCells(head));
  },
  parse({ path, text }): ParsedFile {
    const table = readDatedTable(path, text);
    const warnings: string[] = [];
    const assets = table.columns.map((c) => {
      const coin = c.replace(FLOW_SUFFIX, '');
      const asset = COIN_ASSET[coin] ?? null;
      if (!asset)
        warnings.push(`column "${c}": unknown coin "${coin}" (known: ${Object.keys(COIN_ASSET).join(', ')}); skipped`);
      return asset;
    });
    const observations: Observation[] = [];
    for (const row of table.rows) {
      const knownAt = periodEndKnownAt(row.date);
      row.values.forEach((value, i) => {
        const asset = assets[i];
        if (value === null || !asset) return;
        observations.push({
          dataset: 'etf-flows-weekly',
          field: 'netFlowUsd',
          asset,
          key: 'artemis',
          date: row.date,
          value,
          knownAt,
        });
      });
    }
    return { source: 'artemis', observations, rejects: table.rejects, warnings };
  },
};

/** Artemis "Monthly <Coin> ETF flows.csv" → etf-flows-monthly.netFlowUsd per fund; unknown tickers get a warning. */
export const artemisMonthlyFlowsCsv: FileLayout = {
  id: 'artemis-monthly-flows-csv',
  description: 'Artemis monthly ETF flows per fund (USD, month end)',
  detect({ name, head }) {
    return /monthly/i.test(name) && artemisEtfAssetOfFile(name) !== null && isFlowHeader(headerCells(head));
  },
  parse({ path, text }): ParsedFile {
    const name = path.split(/[\\/]/).at(-1) ?? path;
    const asset = artemisEtfAssetOfFile(name);
    if (!asset)
      throw new Error(`${path}: cannot tell the asset from the file name (expected "Bitcoin" or "Ethereum" in it)`);
    const table = readDatedTable(path, text);
    const warnings: string[] = [];
    const funds = table.columns.map((c, i) => {
      const fund = fundOfColumn(asset, c.replace(FLOW_SUFFIX, ''));
      if (!fund) throw new Error(`${path}: column ${i + 2} ("${c}") names no fund`);
      if (!fund.known) warnings.push(`unknown ${asset} fund ticker "${fund.ticker}" (column "${c}"): imported as is`);
      return fund.ticker;
    });
    const observations: Observation[] = [];
    for (const row of table.rows) {
      const knownAt = periodEndKnownAt(row.date);
      row.values.forEach((value, i) => {
        if (value === null) return;
        observations.push({
          dataset: 'etf-flows-monthly',
          field: 'netFlowUsd',
          asset,
          key: funds[i]!,
          date: row.date,
          value,
          knownAt,
        });
      });
    }
    return { source: 'artemis', observations, rejects: table.rejects, warnings };
  },
};
