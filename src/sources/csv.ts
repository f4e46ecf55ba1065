// A small RFC-4180 CSV reader: quoted fields, doubled quotes, CRLF, BOM. Keeps 1-based line numbers
// so that errors can name the line of the file.

export interface CsvRecord {
  /** 1-based line number in the file where the record starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

/** Parses CSV text into records (the header is record 0). Blank lines are skipped. */
export function parseCsv(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let inQuotes = false;
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i++;
          } else inQuotes = false;
        } else {
          if (ch === '\n') line++;
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
        break;
      } else cell += ch;
    }
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === '')) out.push({ line: startLine, cells });
  }
  return out;
}
