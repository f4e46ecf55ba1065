// A field of the analysis as a person reads it: its value printed in the house style by its kind (the
// label table's FIELD_LABELS), and a section's figure table as [label, value] rows. The dashboard's
// tables and the alerts print fields through here.
import type { CostMeasureName } from '../sections/selloff.js';
import { formatDate } from '../../format/dates.js';
import { NOT_AVAILABLE } from '../../format/digits.js';
import { formatSignedUsd, formatUsd } from '../../format/money.js';
import { formatCount, formatDecimal, formatPrice, formatRatio } from '../../format/numbers.js';
import {
  formatFundingRate8h,
  formatPercent,
  formatPercentile,
  formatSignedPct,
  formatSignedPercent,
} from '../../format/percent.js';
import { capitalise, valueLabel } from './code-names.js';
import { FIELD_LABELS, type AnalysisFieldPath, type FieldLabel } from './field-labels.js';

/**
 * A value as a person reads it, by its field's kind: formatField({ kind: 'signedPct' }, -3.2) → "−3.2%";
 * kind 'bp' 0.00123 → "12.3 bp"; a boolean → "yes"/"no"; a code → its words; a date → "18 Aug 2026".
 * Missing values (null, undefined, NaN) print "n/a".
 */
export function formatField(field: Pick<FieldLabel, 'kind' | 'digits'>, value: unknown): string {
  const { kind, digits } = field;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    if (kind === 'date') return formatDate(value);
    return kind === 'text' ? value : valueLabel(value);
  }
  if (typeof value !== 'number') return NOT_AVAILABLE;
  switch (kind) {
    case 'usd':
      return formatUsd(value);
    case 'signedUsd':
      return formatSignedUsd(value);
    case 'price':
      return formatPrice(value);
    case 'signedPct':
      return formatSignedPct(value);
    case 'fraction':
      return formatPercent(value, digits);
    case 'signedFraction':
      return formatSignedPercent(value, digits);
    case 'rate8h':
      return formatFundingRate8h(value);
    case 'coins':
    case 'signedCoins':
      return `${formatCount(value)} coins`;
    case 'ratio':
      return formatRatio(value);
    case 'count':
      return formatCount(value);
    case 'days':
      return `${formatCount(value)} days`;
    case 'percentile':
      return formatPercentile(value);
    case 'bp':
      return `${formatDecimal(value * 1e4, 1)} bp`;
    case 'perBillionUsd':
      return formatDecimal(value * 1e9, 4);
    default:
      return formatDecimal(value);
  }
}

/** A field of the analysis by its path: formatFieldValue('signals.positioning.fundingRate8h', -0.00021) → "−0.0210% per 8h". */
export function formatFieldValue(path: AnalysisFieldPath, value: unknown): string {
  return formatField(FIELD_LABELS[path], value);
}

/** The part of a field path after `prefix.` (the fields of one section). */
type PathUnder<P extends string> = AnalysisFieldPath extends infer X
  ? X extends `${P}.${infer R}`
    ? R
    : never
  : never;

/** The label table's entries for some fields of one section, by their path inside it, in the order given. */
function sectionLabels<P extends string>(
  prefix: P,
  paths: readonly PathUnder<P>[],
): Readonly<Record<string, FieldLabel>> {
  return Object.fromEntries(paths.map((p) => [p, FIELD_LABELS[`${prefix}.${p}` as AnalysisFieldPath] as FieldLabel]));
}

/** Positioning fields in the order a desk reads them. */
export const POSITIONING_LABELS = sectionLabels('signals.positioning', [
  'openInterestUsd',
  'openInterestDate',
  'oiChangePct.d1',
  'oiChangePct.d7',
  'oiChangePct.d30',
  'oiCoinsChange30dPct',
  'oiZScore',
  'oiPctFromPeak',
  'oiPriceDivergence',
  'fundingRate8h',
  'fundingAnnualised',
  'fundingRegime',
  'leverageRatio',
  'leverageChange30dPct',
  'leverageRebuiltWithoutStress',
  'liquidations.date',
  'liquidations.longUsd',
  'liquidations.shortUsd',
  'liquidations.multipleOfMedian',
  'liquidations.spike',
  'cme.openInterestUsd',
  'cme.openInterestCoins',
  'cme.oiChangePct30d',
  'cme.annualisedBasis',
  'cme.daysToExpiry',
  'cme.nearExpiry',
  'cme.positionProxy',
  'cme.positionProxyChange',
  'cme.positionProxySource',
  'cot.date',
  'cot.leveragedFundsNetCoins',
  'cot.change4w.leveragedFundsNetCoins',
  'cot.percentile.leveragedFundsNet',
  'cot.assetManagersNetCoins',
  'cot.change4w.assetManagersNetCoins',
  'cot.percentile.assetManagersNet',
]);

/** Liquidity fields, sell-off first. */
export const LIQUIDITY_LABELS = sectionLabels('signals.liquidity', [
  'selloffType',
  'amihud',
  'amihudVsMedian',
  'priceImpactPercentile',
  'corwinSchultzSpread',
  'corwinSchultzPercentile',
  'abdiRanaldoSpread',
  'abdiRanaldoPercentile',
  'kyleLambda',
  'kyleLambdaPercentile',
  'huiHeubel',
  'volumeTrend.recentMeanUsd',
  'volumeTrend.ratio',
  'volumeTrend.trend',
]);

/** ETF flow fields, regime first. */
export const ETF_FLOWS_LABELS = sectionLabels('signals.etfFlows', [
  'regime',
  'directionality',
  'outflowShare',
  'netFlowUsd',
  'flowPctOfAum',
  'consecutivePositiveWeeks',
]);

/** The value at a dotted path of an object ("cme.annualisedBasis"), or undefined. */
function valueAt(section: object, path: string): unknown {
  let node: unknown = section;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * The rows of a section's figure table, [label, formatted value], in the table's order, each label
 * capitalised; fields the section does not carry (an absent COT block) are left out, present-but-null
 * ones print "n/a".
 */
export function labelledRows(section: object | null, labels: Readonly<Record<string, FieldLabel>>): [string, string][] {
  if (section === null) return [];
  return Object.entries(labels).flatMap(([path, field]): [string, string][] => {
    const value = valueAt(section, path);
    return value === undefined ? [] : [[capitalise(field.label), formatField(field, value)]];
  });
}

/** A cost-of-trading reading as people read it: Amihud per $1B traded, spreads in basis points. */
export function costReadingText(name: CostMeasureName, value: number): string {
  return name === 'amihud' ? `${formatDecimal(value * 1e9, 3)} per $1B` : `${formatDecimal(value * 1e4, 1)} bp`;
}
