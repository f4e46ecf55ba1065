// The divergence section: crypto ETF flows against equity ETF flows over the equity series' own
// periods (weekly or monthly, whatever it carries) — selective crypto de-risking or general risk-off.
import { formatDateRange } from '../../format/dates.js';
import type { Evidence } from '../../domain/analysis.js';
import { DIVERGENCE_KIND_NAMES } from '../../domain/labels/code-names.js';
import type { MarketSeries } from '../../domain/market-series.js';
import { dailyFlowTotals } from '../daily-flow-totals.js';
import { flowDivergencePeriods } from '../flow-divergence.js';
import { availabilityOf } from '../section.js';
import { formatSignedUsd } from '../../format/money.js';
import type { DivergenceKind, DivergenceSection } from '../../domain/sections/divergence.js';

export interface DivergenceSectionOptions {
  /** Periods of history returned (default 6). */
  readonly periods?: number;
}

/**
 * Divergence from `m.etfFlows` (daily totals) and `m.equityEtfFlowsUsd` (period totals dated by
 * period end), both cut at asOf. The latest equity period with crypto data is the reading.
 * Options: periods (default 6).
 */
export function divergenceSection(m: MarketSeries, options: DivergenceSectionOptions = {}): DivergenceSection {
  const daily = dailyFlowTotals(m.etfFlows, m.asOf);
  const equity = m.equityEtfFlowsUsd.filter((e) => e.date <= m.asOf);
  const periods = flowDivergencePeriods(daily, equity);
  const history = periods.slice(Math.max(0, periods.length - (options.periods ?? 6)));
  const latest = periods[periods.length - 1];
  let streak = 0;
  for (let i = periods.length - 1; i >= 0 && periods[i]!.kind === 'selective-crypto-derisking'; i--) streak++;
  const gaps: number[] = [];
  for (let i = 1; i < equity.length; i++)
    gaps.push((Date.parse(equity[i]!.date) - Date.parse(equity[i - 1]!.date)) / 86_400_000);
  gaps.sort((a, b) => a - b);
  const cadenceDays = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! : null;

  const evidence: Evidence[] = [];
  if (latest && latest.kind) {
    const meaning: Record<DivergenceKind, string> = {
      'selective-crypto-derisking': 'money left crypto ETFs while equity ETFs took it in',
      'general-risk-off': 'both crypto and equity ETFs saw outflows',
      'broad-risk-on': 'inflows to both',
      'crypto-led-inflow': 'crypto ETFs in while equity ETFs were not',
    };
    evidence.push({
      signal: 'flow-divergence',
      text: `${formatDateRange(latest.from, latest.to)}: ${m.asset} ETFs ${formatSignedUsd(latest.cryptoFlowUsd)} vs equity ETFs ${formatSignedUsd(latest.equityFlowUsd)} — ${DIVERGENCE_KIND_NAMES[latest.kind]} (${meaning[latest.kind]})${streak > 1 ? `, ${streak} periods running` : ''}.`,
      value: latest.cryptoFlowUsd,
      // Selective de-risking is crypto-specific selling (decline); broad risk-on or crypto-led inflow support recovery.
      weight:
        latest.kind === 'selective-crypto-derisking'
          ? -0.7
          : latest.kind === 'general-risk-off'
            ? -0.3
            : latest.kind === 'crypto-led-inflow'
              ? 0.7
              : 0.5,
    });
  }
  return {
    cryptoFlowUsd: latest?.cryptoFlowUsd ?? null,
    equityFlowUsd: latest?.equityFlowUsd ?? null,
    kind: latest?.kind ?? null,
    periodFrom: latest?.from ?? null,
    periodTo: latest?.to ?? null,
    cadenceDays,
    history,
    selectiveStreak: streak,
    evidence,
    availability: availabilityOf({
      etfFlows: daily.length > 0,
      equityEtfFlowsUsd: equity.length >= 2,
      'overlapping crypto and equity periods': periods.length > 0,
    }),
  };
}
