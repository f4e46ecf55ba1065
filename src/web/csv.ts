// CSV download of what a card shows: a table's cells as read, or a chart's series as raw numbers by
// date (one column per series, units in the header). One "CSV" button in each card's title bar.

/** A table to write: header names and rows of cells (null → empty cell). */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** One cell quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvCell(cell: string | number | null): string {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of a table, CRLF line ends: toCsv({header: ['date','v'], rows: [['2026-01-02', 1.5]]}) → "date,v\r\n2026-01-02,1.5\r\n". */
export function toCsv(table: CsvTable): string {
  return [table.header, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Named dated series joined on date into one table: header date + each name; a missing value is an empty cell. */
export function seriesCsv(
  series: readonly { name: string; points: readonly { date: string; value: number }[] }[],
): CsvTable {
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const maps = series.map((s) => new Map(s.points.map((p) => [p.date, p.value])));
  return {
    header: ['date', ...series.map((s) => s.name)],
    rows: dates.map((d) => [d, ...maps.map((m) => m.get(d) ?? null)]),
  };
}

/** The text of an HTML table (thead and tbody rows) as a CsvTable: cells as the reader sees them. */
export function htmlTableCsv(table: HTMLTableElement): CsvTable {
  const rows = [...table.querySelectorAll('tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
  const hasHead = table.tHead !== null;
  return hasHead ? { header: rows[0] ?? [], rows: rows.slice(1) } : { header: ['field', 'value'], rows };
}

/** Saves `table` as `filename` through a temporary link (no server round trip). */
export function downloadCsv(filename: string, table: CsvTable): void {
  const url = URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Adds (or replaces: one per card) the "CSV" button in the title bar of the card holding `body`; a click downloads
 * `data()` as `<name>.csv`. `data` is read at click time, so it reflects the view then shown.
 */
export function addCsvButton(body: HTMLElement, name: string, data: () => CsvTable): void {
  const cardEl = body.closest('section.card');
  const title = cardEl?.querySelector('h2');
  if (!cardEl || !title) return;
  cardEl.querySelector('button.csv')?.remove();
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'csv';
  button.dataset['csv'] = name;
  button.title = `Download ${name}.csv`;
  button.textContent = 'CSV';
  button.addEventListener('click', () => downloadCsv(`${name}.csv`, data()));
  title.append(button);
}

/** A CSV button for the (first) HTML table inside `body`. */
export function addTableCsvButton(body: HTMLElement, name: string): void {
  addCsvButton(body, name, () => {
    const table = body.querySelector('table');
    return table ? htmlTableCsv(table) : { header: [], rows: [] };
  });
}

/**
 * Gives every card under `root` that holds a table but no CSV button of its page's one for its (first)
 * table, so a table a page draws later (a period switch, a re-render) is downloadable too. Idempotent.
 */
export function addMissingTableCsvButtons(root: HTMLElement): void {
  for (const cardEl of root.querySelectorAll<HTMLElement>('section.card')) {
    const existing = cardEl.querySelector<HTMLElement>('button.csv');
    // A page's own button stays; the chart's automatic one gives way to the card's table (what it shows).
    if ((existing !== null && existing.dataset['auto'] !== 'chart') || cardEl.querySelector('table') === null) continue;
    addTableCsvButton(cardEl, cardEl.id !== '' ? cardEl.id : 'table');
  }
}
