// Actual publication dates of CFTC Commitments of Traders reports that did not come out on the usual
// Friday: after US government shutdowns the CFTC published the backlog on a catch-up schedule.
// A COT report must not be visible to an analysis before its real publication.
//
// 2025–26: CFTC announcement of 2025-11-18, "CFTC To Resume Publishing COT Reports Wednesday"
// (schedule reproduced by Mondo Visione, mondovisione.com, 18/11/2025): reports resume 2025-11-19 in
// chronological order; normal schedule again from the 2026-01-20 report (published 2026-01-23).
// 2018–19: CFTC announcement (The Hagstrom Report, "CFTC releases report schedule"): the report of
// 2018-12-24 published Friday 2019-02-01, then one report every Tuesday and Friday until current;
// the dates below follow that rule (current again with the 2019-03-05 report on 2019-03-08).

/** Report date (positions as of) → the US date it was actually published (15:30 New York). */
export const COT_DELAYED_RELEASES: Readonly<Record<string, string>> = {
  '2018-12-24': '2019-02-01',
  '2018-12-31': '2019-02-05',
  '2019-01-08': '2019-02-08',
  '2019-01-15': '2019-02-12',
  '2019-01-22': '2019-02-15',
  '2019-01-29': '2019-02-19',
  '2019-02-05': '2019-02-22',
  '2019-02-12': '2019-02-26',
  '2019-02-19': '2019-03-01',
  '2019-02-26': '2019-03-05',
  '2025-09-30': '2025-11-19',
  '2025-10-07': '2025-11-21',
  '2025-10-14': '2025-11-25',
  '2025-10-21': '2025-12-02',
  '2025-10-28': '2025-12-05',
  '2025-11-04': '2025-12-09',
  '2025-11-10': '2025-12-12',
  '2025-11-18': '2025-12-16',
  '2025-11-25': '2025-12-19',
  '2025-12-02': '2025-12-23',
  '2025-12-09': '2025-12-30',
  '2025-12-16': '2026-01-06',
  '2025-12-23': '2026-01-09',
  '2025-12-30': '2026-01-13',
  '2026-01-06': '2026-01-16',
  '2026-01-13': '2026-01-20',
};
