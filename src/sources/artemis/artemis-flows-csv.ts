// Artemis ETF flow exports, USD, negative = outflow; known the day after the period ends
// (periodEndKnownAt).
// - "Crypto ETF Flows.csv": weekly (week ending Sunday), `<Coin> - ETF Flows` per asset →
//   etf-flows-weekly.netFlowUsd, key `artemis`.
// - "Monthly Bitcoin ETF flows.csv" / "Monthly Ethereum ETF flows.csv": `<TICKER> - ETF Flows` per
//   fund ("Bitcoin"/"Ethereum" = the Grayscale mini trust) → etf-flows-monthly.netFlowUsd per fund.
import type { Asset } from '../../domain/assets.js';
import { todayUtc } from '../../domain/dates.js';
import { periodEndKnownAt } from '../../domain/known-at.js';
import { ImportError } from '../errors.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { headerCells, readDatedTable } from '../vendor-csv/dated-table.js';
import { artemisEtfAssetOfFile, artemisFundColumns } from './fund-columns.js';
import { wideTableFile } from './wide-table.js';

const FLOW_SUFFIX = / - ETF Flows$/i;

/** Artemis' coin names in the weekly file (upper-cased, letters only) → asset. */
const COIN_ASSET: Readonly<Record<string, Asset>> = { BITCOIN: 'BTC', ETHEREUM: 'ETH', RIPPLE: 'XRP', SOLANA: 'SOL' };

const isFlowHeader = (cols: readonly string[]): boolean =>
  cols[0]?.toLowerCase() === 'date' && cols.length >= 2 && cols.slice(1).every((c) => FLOW_SUFFIX.test(c));

/** Artemis "Crypto ETF Flows.csv" → etf-flows-weekly.netFlowUsd per asset, key `artemis`; unknown coins are skipped with a warning. */
export const artemisWeeklyFlowsCsv: FileLayout = {
  id: 'artemis-weekly-flows-csv',
  description: 'Artemis weekly ETF flows per coin (USD, week ending Sunday)',
  detect({ name, head }) {
    return !/monthly/i.test(name) && /ETF Flows/i.test(name) && isFlowHeader(headerCells(head));
  },
  parse({ path, text, today = todayUtc() }): ParsedFile {
    const table = readDatedTable(path, text, { today });
    const warnings: string[] = [];
    const taken = new Set<Asset>();
    const assets = table.columns.map((c) => {
      const coin = c.replace(FLOW_SUFFIX, '');
      const asset =
        COIN_ASSET[
          coin
            .normalize('NFKC')
            .replace(/[^A-Za-z]/g, '')
            .toUpperCase()
        ] ?? null;
      if (!asset) {
        warnings.push(`column "${c}": unknown coin "${coin}" (known: Bitcoin, Ethereum, Ripple, Solana); skipped`);
        return null;
      }
      if (taken.has(asset)) {
        warnings.push(`column "${c}": a second ${asset} column; skipped`);
        return null;
      }
      taken.add(asset);
      return asset;
    });
    return wideTableFile(
      table,
      today,
      periodEndKnownAt,
      (value, i, date, knownAt) => {
        const asset = assets[i];
        return asset
          ? { dataset: 'etf-flows-weekly', field: 'netFlowUsd', asset, key: 'artemis', date, value, knownAt }
          : null;
      },
      warnings,
    );
  },
};

/** Artemis "Monthly <Coin> ETF flows.csv" → etf-flows-monthly.netFlowUsd per fund; unknown tickers get a warning. */
export const artemisMonthlyFlowsCsv: FileLayout = {
  id: 'artemis-monthly-flows-csv',
  description: 'Artemis monthly ETF flows per fund (USD, month end)',
  detect({ name, head }) {
    return /monthly/i.test(name) && artemisEtfAssetOfFile(name) !== null && isFlowHeader(headerCells(head));
  },
  parse({ path, text, today = todayUtc() }): ParsedFile {
    const name = path.split(/[\\/]/).at(-1) ?? path;
    const asset = artemisEtfAssetOfFile(name);
    if (!asset)
      throw new ImportError(
        `${path}: cannot tell the asset from the file name (expected "Bitcoin" or "Ethereum" in it)`,
      );
    const table = readDatedTable(path, text, { today });
    const funds = artemisFundColumns(asset, table.columns, (c) => c.replace(FLOW_SUFFIX, ''));
    return wideTableFile(
      table,
      today,
      periodEndKnownAt,
      (value, i, date, knownAt) => {
        const ticker = funds.tickers[i];
        return ticker
          ? { dataset: 'etf-flows-monthly', field: 'netFlowUsd', asset, key: ticker, date, value, knownAt }
          : null;
      },
      funds.warnings,
    );
  },
};
