// A small RFC-4180 CSV reader: quoted fields, doubled quotes, LF, CRLF and CR-only line ends, BOM.
// Keeps 1-based line numbers so that errors can name the line of the file, and flags a last record
// the file may have been cut inside.

export interface CsvRecord {
  /** 1-based line number in the file where the record starts. */
  readonly line: number;
  readonly cells: readonly string[];
  /**
   * True when the file may have been cut inside this record: it is the last one, no line break ends
   * it, and its last cell is not empty (the cut may have shortened it: 0.32464151 → 0.3246), or a
   * quote is left open. A last line whose final cell is empty lost nothing a reader could tell.
   */
  readonly cut: boolean;
}

/**
 * Parses CSV text into records (the header is record 0). Blank lines are skipped. A line break is
 * LF, CRLF or a lone CR, inside quotes as well as outside, for line numbering.
 */
export function parseCsv(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let inQuotes = false;
    let terminated = false;
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i++;
          } else inQuotes = false;
        } else {
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
          cell += ch;
        }
      } else if (ch === '"' && cell === '') inQuotes = true;
      else if (ch === ',') {
        cells.push(cell);
        cell = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        i++;
        line++;
        terminated = true;
        break;
      } else cell += ch;
    }
    cells.push(cell);
    const cut = inQuotes || (!terminated && cell.trim() !== '');
    if (!(cells.length === 1 && cells[0]!.trim() === '' && !inQuotes)) out.push({ line: startLine, cells, cut });
  }
  return out;
}

/** The message a reject gives a record the file may have been cut inside (see CsvRecord.cut). */
export const CUT_LINE_MESSAGE =
  'the file ends inside this line (no line break after it): it may have been cut short, so it is not used; end the file with a line break if the line is whole';

/**
 * The cells of the first record of `head` (a file's first bytes), trimmed and unquoted: for layout
 * detection, whatever the line ends (LF, CRLF, CR) and quoting.
 */
export function firstRecordCells(head: string): string[] {
  const record = parseCsv(head)[0];
  return record ? record.cells.map((c) => c.trim()) : [];
}
