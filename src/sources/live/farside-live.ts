// Live Farside connector: GETs the BTC/ETH "all data" flow pages and reads them with the same
// parser as saved-page imports. Farside sits behind bot protection: a 403 or a challenge page
// fails with a SourceError that tells the user to save the page from a browser and import it.
import type { AnalysedAsset } from '../../domain/assets.js';
import { SourceError } from '../errors.js';
import { FarsideLayoutError, parseFarsideHtml } from '../farside/farside-html.js';
import { formatReject } from '../layout.js';
import {
  eachPart,
  incrementalStart,
  todayUtc,
  type Connector,
  type ConnectorResult,
  type SyncContext,
} from './connector.js';

/** Page path per asset on farside.co.uk. */
export const FARSIDE_PAGES: Readonly<Record<AnalysedAsset, string>> = {
  BTC: '/bitcoin-etf-flow-all-data/',
  ETH: '/ethereum-etf-flow-all-data/',
};

/** Farside restates recent days (late funds): re-read this many days before the stored last date. */
export const FARSIDE_RESTATE_DAYS = 10;

const CHALLENGE_MARKERS = [
  /<title>\s*Just a moment/i,
  /cf-challenge/i,
  /challenge-form/i,
  /_cf_chl_opt/i,
  /cf_chl_/i,
  /Attention Required! \| Cloudflare/i,
];

/** True when an HTML body is a bot-protection challenge rather than content. */
export function isChallengePage(body: string): boolean {
  return CHALLENGE_MARKERS.some((m) => m.test(body));
}

function botProtectionError(url: string, status: number, asset: AnalysedAsset): SourceError {
  return new SourceError(
    `farside: GET ${url} was blocked by bot protection (HTTP ${status}${status === 403 ? '' : ', challenge page'}). ` +
      `Open ${url} in a browser, save the page (File → Save Page As…, "Web page, HTML only") and run \`tidemark import page.html\` (${asset} flows).`,
    'farside',
    { status },
  );
}

export const farsideConnector: Connector = {
  name: 'farside',
  description: 'Farside daily US spot ETF flows per fund (BTC, ETH), HTML over HTTP',
  async run(context: SyncContext): Promise<ConnectorResult> {
    const base = context.endpoints.farside;
    if (!base) throw new SourceError('farside: no endpoint configured', 'farside');
    const result = { batches: [] as ConnectorResult['batches'], warnings: [] as string[], failures: [] as string[] };
    const assets = context.assets;
    await eachPart(
      assets,
      async (asset, i) => {
        const url = `${base}${FARSIDE_PAGES[asset]}`;
        context.progress?.(i, assets.length, `farside ${asset}`);
        const from = await incrementalStart(
          context,
          { dataset: 'etf-flows', asset, source: 'farside' },
          { restateDays: FARSIDE_RESTATE_DAYS, defaultStart: '2024-01-01' },
        );
        const html = await context.http.getText(url, {
          source: 'farside',
          headers: { accept: 'text/html' },
          hint: `Save the page from a browser and run \`tidemark import page.html\`.`,
          inspect: (status, body) =>
            status === 403 || isChallengePage(body) ? botProtectionError(url, status, asset) : undefined,
        });
        let table;
        try {
          table = parseFarsideHtml(html, url, { today: todayUtc(context) });
        } catch (error) {
          if (error instanceof FarsideLayoutError) throw new SourceError(error.message, 'farside', { cause: error });
          throw error;
        }
        if (table.asset !== asset)
          throw new SourceError(`farside: ${url} holds ${table.asset} funds, expected ${asset}`, 'farside');
        if (table.observations.length === 0) {
          throw new SourceError(
            `farside: ${url}: the flow table has no dated rows (expected rows like "05 Jan 2026"); the page layout may have changed`,
            'farside',
          );
        }
        result.warnings.push(...table.warnings.map((w) => `farside: ${url}: ${w}`));
        result.warnings.push(...table.rejects.map((r) => formatReject(url, r)));
        result.batches.push({
          provenance: { source: 'farside', origin: url, observedAt: context.now.toISOString() },
          observations: table.observations.filter((o) => o.date >= from),
        });
        context.progress?.(i + 1, assets.length, `farside ${asset}`);
      },
      result.failures,
    );
    return result;
  },
};
