// Which spot source a load of the store at a given as-of date would choose (freshestSpotSource's
// rule, market-series-loader.ts), answered in memory: every venue's close dates with the time each
// became known, read once per loaded history. The engine analyses each date on a history of that
// source, as the track record does (spotSourceRuns), so its answers equal analyzeStore's.
import type { AnalysedAsset } from '../domain/assets.js';
import { asOfCutoff } from '../domain/dates.js';
import { chooseSpotSource } from '../store/market-series-loader.js';
import type { Store } from '../store/store.js';

/** One venue's close dates, in order of publication. */
interface VenueCloses {
  readonly venue: string;
  readonly dates: readonly string[];
  readonly knownAts: readonly string[];
}

export class SpotSourceTimeline {
  private constructor(private readonly venues: readonly VenueCloses[]) {}

  /** Reads the asset's spot closes as known at `asOf` (the history's date). */
  static async read(store: Store, asset: AnalysedAsset, asOf: string): Promise<SpotSourceTimeline> {
    const rows = await store.read({ dataset: 'spot', asset, fields: ['close'], asOf });
    const byVenue = new Map<string, { date: string; knownAt: string }[]>();
    for (const r of rows) {
      const list = byVenue.get(r.key) ?? [];
      list.push({ date: r.date, knownAt: r.knownAt });
      byVenue.set(r.key, list);
    }
    const venues = [...byVenue].map(([venue, list]) => {
      list.sort((a, b) => (a.knownAt < b.knownAt ? -1 : a.knownAt > b.knownAt ? 1 : 0));
      return { venue, dates: list.map((x) => x.date), knownAts: list.map((x) => x.knownAt) };
    });
    return new SpotSourceTimeline(venues);
  }

  /** The spot source a load at `asOf` would choose (undefined when no close is known by then). */
  sourceAt(asOf: string): string | undefined {
    const cutoff = asOfCutoff(asOf);
    const known = new Map<string, string>();
    for (const v of this.venues) {
      let last = '';
      for (let i = 0; i < v.knownAts.length && v.knownAts[i]! < cutoff; i += 1) {
        const d = v.dates[i]!;
        if (d <= asOf && d > last) last = d;
      }
      if (last !== '') known.set(v.venue, last);
    }
    return chooseSpotSource(known);
  }
}
