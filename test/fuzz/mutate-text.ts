// Mutations of line-based fixtures (CSV tables, Farside HTML pages): byte flips, cell tokens (huge,
// negative, NaN, exponent numbers; bad dates), duplicated/deleted/shuffled rows, truncation, header
// case and stray bytes, CR/CRLF line ends, BOM and quoting. Each mutation says what its result may be
// compared with (see Expectation).
import type { Rng } from './rng.js';
import { DATE_TOKENS, datesIn, FLIP_CHARS, NUMBER_TOKENS, STRAY } from './tokens.js';

/**
 * What a mutated file's import may be compared with:
 * - same: the mutation keeps the meaning (line ends, quoting, BOM, row order, a repeated row): the
 *   observations must equal the original's, except on `excludeDates`;
 * - baseline: the original with the touched lines removed; every observation it gives must still be
 *   imported, except on `excludeDates` (dates the touched lines wrote or now write) and events whose
 *   id appears in `excludeText`;
 * - header: a header changed: no store key may appear that the original did not have unless a
 *   warning names it;
 * - free: anything goes but a crash, an unclear error or an invalid stored value.
 */
export type Expectation =
  | { readonly type: 'same'; readonly excludeDates: readonly string[] }
  | {
      readonly type: 'baseline';
      readonly baseline: string;
      readonly excludeDates: readonly string[];
      readonly excludeText: string;
    }
  | { readonly type: 'header' }
  | { readonly type: 'free' };

export interface Mutation {
  readonly kind: string;
  readonly text: string;
  readonly expect: Expectation;
}

/** The shape of a line-based fixture: which lines are the header and which hold data rows. */
export interface LineShape {
  readonly format: 'csv' | 'html';
  /** 0-based indexes of header lines (CSV: 0; HTML: the <th> rows with tickers). */
  readonly headerLines: readonly number[];
  /** 0-based indexes of data lines. */
  readonly dataLines: readonly number[];
}

/** Finds header and data lines: CSV line 0 and the non-blank rest; HTML <tr> rows of <th> and of <td>. */
export function lineShape(format: 'csv' | 'html', lines: readonly string[]): LineShape {
  if (format === 'csv') {
    const data = lines.map((l, i) => (i > 0 && l.trim() !== '' ? i : -1)).filter((i) => i >= 0);
    return { format, headerLines: [0], dataLines: data };
  }
  const header = lines.map((l, i) => (/<tr><th/.test(l) && /Total/i.test(l) ? i : -1)).filter((i) => i >= 0);
  const data = lines.map((l, i) => (/<tr><td/.test(l) ? i : -1)).filter((i) => i >= 0);
  return { format, headerLines: header, dataLines: data };
}

const without = (lines: readonly string[], drop: readonly number[]): string =>
  lines.filter((_, i) => !drop.includes(i)).join('\n');

/** The text cells of an HTML row line: [start, end) offsets of each cell's text. */
function htmlCells(line: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /<span class="tabletext">([^<]*)<\/span>/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const start = m.index + '<span class="tabletext">'.length;
    out.push([start, start + m[1]!.length]);
  }
  return out;
}

/** Rows that share a first cell (a date written twice): shuffling them changes which one is kept. */
function repeatedDates(lines: readonly string[], shape: LineShape): string[] {
  const seen = new Map<string, number>();
  for (const i of shape.dataLines) for (const d of datesIn(lines[i]!.slice(0, 60))) seen.set(d, (seen.get(d) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([d]) => d);
}

/** One random mutation of a line-based fixture. */
export function mutateLines(text: string, format: 'csv' | 'html', rng: Rng): Mutation {
  const lines = text.split('\n');
  const shape = lineShape(format, lines);
  const data = shape.dataLines;
  const local = (kind: string, index: number, replacement: string[]): Mutation => {
    const mutated = [...lines.slice(0, index), ...replacement, ...lines.slice(index + 1)].join('\n');
    return {
      kind,
      text: mutated,
      expect: {
        type: 'baseline',
        baseline: without(lines, [index]),
        excludeDates: datesIn(`${lines[index]}\n${replacement.join('\n')}`),
        excludeText: `${lines[index]}\n${replacement.join('\n')}`,
      },
    };
  };
  const ops = [
    'flip',
    'cell',
    'cell',
    'date',
    'dup',
    'delete',
    'insert',
    'truncate',
    'shuffle',
    'crlf',
    'cr',
    'bom',
    'quote-all',
    'header-case',
    'header-byte',
    'raw',
  ] as const;
  const op = data.length === 0 ? 'raw' : rng.pick(ops);
  const k = data.length > 0 ? rng.pick(data) : 0;
  const line = lines[k] ?? '';
  switch (op) {
    case 'flip': {
      const chars = [...line];
      const n = rng.int(1, 3);
      for (let i = 0; i < n; i++) chars[rng.int(0, Math.max(0, chars.length - 1))] = rng.pick(FLIP_CHARS);
      if (format === 'html' && !/^<tr>.*<\/tr>$/.test(chars.join(''))) return local('flip', k, [line]);
      if (format === 'html') {
        // Only text between tags may change, so that the row stays one row.
        const cells = htmlCells(line);
        if (cells.length === 0) return local('flip', k, [line]);
        const [s, e] = rng.pick(cells);
        const inner = [...line.slice(s, e)];
        for (let i = 0; i < n && inner.length > 0; i++)
          inner[rng.int(0, inner.length - 1)] = rng.pick(FLIP_CHARS.filter((c) => c !== '\n' && c !== '\r'));
        return local('flip', k, [line.slice(0, s) + inner.join('') + line.slice(e)]);
      }
      return local('flip', k, chars.join('').split(/\n/));
    }
    case 'cell':
    case 'date': {
      if (format === 'html') {
        const cells = htmlCells(line);
        if (cells.length === 0) return local(op, k, [line]);
        const index = op === 'date' ? 0 : rng.int(0, cells.length - 1);
        const [s, e] = cells[index]!;
        const token = index === 0 ? rng.pick(DATE_TOKENS) : rng.pick(NUMBER_TOKENS);
        return local(op, k, [line.slice(0, s) + token + line.slice(e)]);
      }
      if (line.includes('"')) return local(op, k, [line]);
      const cells = line.split(',');
      const index = op === 'date' ? 0 : rng.int(0, cells.length - 1);
      const token = index === 0 ? rng.pick(DATE_TOKENS) : rng.pick(NUMBER_TOKENS);
      cells[index] = token.includes(',') ? `"${token}"` : token;
      return local(op, k, [cells.join(',')]);
    }
    case 'dup': {
      const mutated = [...lines.slice(0, k + 1), line, ...lines.slice(k + 1)].join('\n');
      return { kind: 'dup', text: mutated, expect: { type: 'same', excludeDates: [] } };
    }
    case 'delete':
      return {
        kind: 'delete',
        text: without(lines, [k]),
        expect: { type: 'baseline', baseline: without(lines, [k]), excludeDates: [], excludeText: '' },
      };
    case 'insert': {
      const junk =
        format === 'html'
          ? `<tr><td><span class="tabletext">${rng.pick(DATE_TOKENS)}</span></td><td><span class="tabletext">${rng.pick(NUMBER_TOKENS)}</span></td></tr>`
          : [rng.pick(DATE_TOKENS), ...Array.from({ length: rng.int(1, 6) }, () => rng.pick(NUMBER_TOKENS))]
              .map((c) => (c.includes(',') ? `"${c}"` : c))
              .join(',');
      const mutated = [...lines.slice(0, k + 1), junk, ...lines.slice(k + 1)].join('\n');
      return {
        kind: 'insert',
        text: mutated,
        expect: { type: 'baseline', baseline: text, excludeDates: datesIn(junk), excludeText: junk },
      };
    }
    case 'truncate': {
      const start = lines.slice(0, data[0]!).join('\n').length + 1;
      const cut = rng.int(start, text.length - 1);
      const cutLine = text.slice(0, cut).split('\n').length - 1;
      return {
        kind: 'truncate',
        text: text.slice(0, cut),
        expect: {
          type: 'baseline',
          baseline: lines.slice(0, cutLine).join('\n') + '\n',
          excludeDates: datesIn(lines[cutLine] ?? ''),
          excludeText: lines[cutLine] ?? '',
        },
      };
    }
    case 'shuffle': {
      const order = rng.shuffle(data);
      const mutated = lines.map((l, i) => {
        const at = data.indexOf(i);
        return at < 0 ? l : lines[order[at]!]!;
      });
      return {
        kind: 'shuffle',
        text: mutated.join('\n'),
        expect: { type: 'same', excludeDates: repeatedDates(lines, shape) },
      };
    }
    case 'crlf':
      return { kind: 'crlf', text: text.replace(/\n/g, '\r\n'), expect: { type: 'same', excludeDates: [] } };
    case 'cr':
      return { kind: 'cr', text: text.replace(/\n/g, '\r'), expect: { type: 'same', excludeDates: [] } };
    case 'bom':
      return { kind: 'bom', text: `\uFEFF${text}`, expect: { type: 'same', excludeDates: [] } };
    case 'quote-all': {
      if (format === 'html') return { kind: 'quote-all', text, expect: { type: 'same', excludeDates: [] } };
      const quoted = lines.map((l) =>
        l === '' || l.includes('"')
          ? l
          : l
              .split(',')
              .map((c) => `"${c}"`)
              .join(','),
      );
      return { kind: 'quote-all', text: quoted.join('\n'), expect: { type: 'same', excludeDates: [] } };
    }
    case 'header-case':
    case 'header-byte': {
      const h = rng.pick(shape.headerLines.length > 0 ? shape.headerLines : [0]);
      const header = lines[h] ?? '';
      const spans = format === 'html' ? htmlCells(header) : null;
      const cells: [number, number][] =
        spans ??
        header.split(',').reduce<[number, number][]>((acc, c) => {
          const start = acc.length === 0 ? 0 : acc.at(-1)![1] + 1;
          return [...acc, [start, start + c.length]];
        }, []);
      const nonEmpty = cells.filter(([s, e]) => e > s);
      if (nonEmpty.length === 0) return { kind: op, text, expect: { type: 'same', excludeDates: [] } };
      const [s, e] = rng.pick(nonEmpty);
      const name = header.slice(s, e);
      let changed: string;
      if (op === 'header-case') {
        changed = rng.chance(0.5)
          ? rng.chance(0.5)
            ? name.toUpperCase()
            : name.toLowerCase()
          : [...name].map((c) => (rng.chance(0.5) ? c.toUpperCase() : c.toLowerCase())).join('');
      } else {
        const at = rng.int(0, name.length);
        changed = name.slice(0, at) + rng.pick(STRAY) + name.slice(at);
      }
      const mutated = [...lines];
      mutated[h] = header.slice(0, s) + changed + header.slice(e);
      return { kind: op, text: mutated.join('\n'), expect: { type: 'header' } };
    }
    case 'raw': {
      const chars = [...text];
      const n = rng.int(1, 4);
      for (let i = 0; i < n; i++) chars[rng.int(0, chars.length - 1)] = rng.pick([...FLIP_CHARS, '"', '<', '>', '/']);
      return { kind: 'raw', text: chars.join(''), expect: { type: 'free' } };
    }
  }
}
