// The note's "What the playbook would have done" section: every shipped strategy since the latest
// de-risking episode began and over the full history, replayed point-in-time — the comparison table
// (buy-and-hold as the reference, in-sample and out-of-sample apart), equity, drawdown and exposure
// curves, the playbooks' trades on the price chart and their trade log. Figures come from the
// backtest results (backtest/playbook-backtests.ts); nothing is computed here but wording.
import type { BacktestPeriodResult, BacktestResult, PlaybookBacktests, StrategyRun } from '../domain/backtest.js';
import { comparisonTable } from '../backtest/comparison-table.js';
import { formatUsd } from '../format/money.js';
import { formatPrice } from '../format/numbers.js';
import { formatPercent, formatSignedPercent } from '../format/percent.js';
import type { NoteBlock, NoteSection } from './note-model.js';
import { chartBlock } from './note-model.js';
import { drawdownCurvesChart, equityCurvesChart, exposureChart, tradesOnPriceChart } from './playbook-charts.js';

/** Trades of the episode's trade log shown in the note (the CLI's --out writes them all). */
export const TRADE_LOG_ROWS = 40;
/** Strategies whose trades the episode's trade log lists. */
const LOGGED = ['phased-accumulation', 'right-side-confirmation'] as const;

const wholePeriod = (result: BacktestResult): BacktestPeriodResult | undefined => result.periods[0];

/** "Phased accumulation: −12.3 % (max drawdown 30.1 %), first buy 2025-11-04 at an average 91,204, 12.0 % above the low." */
export function runSentence(run: StrategyRun): string {
  const m = run.metrics;
  const entry =
    m.firstBuyDate === null
      ? 'never bought'
      : `first buy ${m.firstBuyDate}, average entry ${formatPrice(m.averageEntryPriceUsd)} (${formatSignedPercent(m.entryVsVwap)} vs the period VWAP, ${formatPercent(m.entryAboveLow)} above its low)`;
  return `${run.title}: ${formatSignedPercent(m.totalReturn)} (max drawdown ${formatPercent(m.maxDrawdown)}, ${formatPercent(m.timeInMarket)} of days in the market), ${entry}.`;
}

/**
 * The first "bottoming" call of the window and what the close did after it: "The first bottoming
 * call came on 2026-01-07 at a close of 91,000; the close then fell a further 25.1 % to 68,100 on
 * 2026-02-05." Null without such a call.
 */
export function bottomingCallSentence(result: BacktestResult): string | null {
  const call = result.calls.find((c) => c.label === 'bottoming');
  if (call === undefined) return null;
  const at = result.closes.find((c) => c.date === call.date);
  if (at === undefined) return null;
  const after = result.closes.filter((c) => c.date > call.date);
  const low = after.reduce<{ date: string; close: number } | null>(
    (best, c) => (best === null || c.close < best.close ? c : best),
    null,
  );
  const lead = `The first "bottoming" call of the window came on ${call.date} at a close of ${formatPrice(at.close)}`;
  if (low === null || low.close >= at.close)
    return `${lead}; the close did not go below it afterwards (to ${result.to}).`;
  return `${lead}; the close then fell a further ${formatPercent(1 - low.close / at.close)} to ${formatPrice(low.close)} on ${low.date} — what phased accumulation paid for buying early, and what right-side confirmation waited out.`;
}

function tableBlock(period: BacktestPeriodResult): NoteBlock {
  const table = comparisonTable(period);
  return { kind: 'table', columns: table.columns, rows: table.rows };
}

function tradeLogBlocks(period: BacktestPeriodResult): NoteBlock[] {
  const trades = LOGGED.flatMap((id) => {
    const run = period.runs.find((r) => r.strategy === id);
    return run === undefined ? [] : run.trades.map((t) => ({ run, t }));
  }).sort((a, b) => a.t.date.localeCompare(b.t.date));
  if (trades.length === 0)
    return [
      { kind: 'paragraph', text: 'Neither phased accumulation nor right-side confirmation traded in this window.' },
    ];
  const shown = trades.slice(0, TRADE_LOG_ROWS);
  const blocks: NoteBlock[] = [
    {
      kind: 'table',
      columns: ['Date', 'Strategy', 'Side', 'Fill price', 'Notional', 'Exposure after', 'Phase', 'Why'],
      rows: shown.map(({ run, t }) => [
        t.date,
        run.title,
        t.side,
        formatPrice(t.priceUsd),
        formatUsd(t.notionalUsd),
        formatPercent(t.exposureAfter),
        t.label,
        t.reason,
      ]),
    },
  ];
  if (trades.length > shown.length)
    blocks.push({
      kind: 'paragraph',
      text: `${trades.length - shown.length} later trades are left out here; \`tidemark backtest --strategy NAME --out DIR\` writes the whole log.`,
    });
  return blocks;
}

function episodeBlocks(playbook: PlaybookBacktests): NoteBlock[] {
  const { episode, episodeStart } = playbook;
  if (episodeStart === null)
    return [
      {
        kind: 'missing',
        text: 'No de-risking episode is on record up to the as-of date, so there is no episode window.',
      },
    ];
  const period = episode === null ? undefined : wholePeriod(episode);
  if (episode === null || period === undefined)
    return [{ kind: 'missing', text: `No decision day with a close between ${episodeStart} and the as-of date.` }];
  const blocks: NoteBlock[] = [
    {
      kind: 'paragraph',
      text: `Since the de-risking episode began (${period.from} to ${period.to}), each strategy starting with ${formatUsd(episode.startCashUsd)} of cash:`,
    },
    { kind: 'bullets', items: period.runs.map(runSentence) },
  ];
  const call = bottomingCallSentence(episode);
  if (call !== null) blocks.push({ kind: 'paragraph', text: call });
  blocks.push(
    tableBlock(period),
    chartBlock(
      equityCurvesChart(period, 'playbook-episode-equity', 'Equity since the episode began, against buy-and-hold'),
      'the episode backtest',
    ),
    chartBlock(
      drawdownCurvesChart(
        period,
        'playbook-episode-drawdown',
        'Drawdown from the running peak since the episode began',
      ),
      'the episode backtest',
    ),
    chartBlock(
      exposureChart(period, 'playbook-episode-exposure', 'Share of equity in the asset since the episode began'),
      'the episode backtest',
    ),
    chartBlock(
      tradesOnPriceChart(
        episode,
        period,
        'playbook-episode-trades',
        'The playbooks’ buys (▲) and sells (▼) on the price since the episode began',
      ),
      'the episode backtest',
    ),
    ...tradeLogBlocks(period),
  );
  return blocks;
}

function fullHistoryBlocks(result: BacktestResult): NoteBlock[] {
  const whole = wholePeriod(result);
  if (whole === undefined) return [];
  const blocks: NoteBlock[] = [
    {
      kind: 'paragraph',
      text: `Over the full history (${result.from} to ${result.to}), each period from fresh cash; the judgment's thresholds were chosen on the in-sample period, so only the out-of-sample one tests them:`,
    },
  ];
  for (const period of result.periods) {
    blocks.push({ kind: 'paragraph', text: `${period.name}: ${period.from} to ${period.to}.` }, tableBlock(period));
  }
  blocks.push(
    chartBlock(
      equityCurvesChart(
        whole,
        'playbook-full-equity',
        'Equity over the full history, against buy-and-hold (log scale)',
        {
          log: true,
        },
      ),
      'the full-history backtest',
    ),
    chartBlock(
      drawdownCurvesChart(whole, 'playbook-full-drawdown', 'Drawdown from the running peak over the full history'),
      'the full-history backtest',
    ),
  );
  return blocks;
}

/**
 * The section, or a "missing" block when the backtests were not run (`playbook` undefined, e.g.
 * `tidemark report --no-playbook`) or had no price to run on (null).
 */
export function playbookSection(playbook: PlaybookBacktests | null | undefined): NoteSection {
  const title = 'What the playbook would have done';
  if (playbook === undefined || playbook === null)
    return {
      id: 'playbook',
      title,
      blocks: [
        {
          kind: 'missing',
          text:
            playbook === null
              ? 'No close is known up to the as-of date: there is nothing to backtest.'
              : 'The playbook backtests were not run for this note.',
        },
      ],
    };
  const r = playbook.fullHistory;
  return {
    id: 'playbook',
    title,
    blocks: [
      {
        kind: 'paragraph',
        text: `Buy-and-hold, weekly DCA, phased accumulation, right-side confirmation and phase-following, replayed day by day with only what was known each day (docs/playbook.md gives the rules). ${r.timing} Fees ${r.feeBps} bps and slippage ${r.slippageBps} bps per fill. Phase-following here is not the track record's yardstick of the same name, so their figures differ: the track record moves its exposure at each day's close for a cost per unit turned over, with no cash or fills; here each change is a fill on a US trading day, paying fee and slippage.`,
      },
      ...episodeBlocks(playbook),
      ...fullHistoryBlocks(r),
    ],
  };
}
