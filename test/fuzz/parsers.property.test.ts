// Properties of the parsers every importer rests on, checked with fast-check (seeded): the CSV reader
// round-trips any table and numbers its lines; number cells read back every finite number and never
// give a non-finite one; the date reader accepts exactly the real calendar dates; timestamps are
// strict; fund headers normalise to the catalog; the boundary check's ranges hold at their edges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoTimestamp } from '../../src/domain/dates.js';
import { DATASET_BOUNDS } from '../../src/domain/field-ranges.js';
import { checkFieldValue } from '../../src/domain/observation-check.js';
import { parseNumberCell, readDateCell } from '../../src/sources/cells.js';
import { parseCsv } from '../../src/sources/csv.js';
import { FUNDS } from '../../src/domain/etf-funds.js';
import { normaliseTicker, resolveFundHeader } from '../../src/sources/fund-headers.js';

const LONG = (import.meta as { env?: { MODE?: string } }).env?.MODE === 'fuzz';
const RUNS = Number(process.env['FUZZ_PROPERTY_RUNS'] ?? (LONG ? 20_000 : 500));
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_610);
const params = { numRuns: RUNS, seed: SEED };

/** Days in a month by the Gregorian rule, written independently of the code under test. */
const daysIn = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

describe('parseCsv', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\n', '\r', 'é', '\t'), maxLength: 6 });
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
  const quote = (c: string, always: boolean): string =>
    always || /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;

  it('reads back any table written RFC-4180 style, with LF, CRLF or CR line ends, quoted or not', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (rows, eol, always) => {
        // A record of one blank cell is a blank line, which the reader skips by design.
        const blank = (r: readonly string[]): boolean => r.length === 1 && r[0]!.trim() === '';
        const text = rows.map((r) => r.map((c) => quote(c, always)).join(',')).join(eol) + eol;
        const records = parseCsv(text);
        expect(records.map((r) => r.cells)).toEqual(rows.filter((r) => !blank(r)));
        expect(records.every((r) => !r.cut)).toBe(true);
        // Each record starts on the line after the line breaks written before it (inside quotes too).
        let line = 1;
        let k = 0;
        for (const r of rows) {
          if (!blank(r)) expect(records[k++]!.line).toBe(line);
          line += 1 + r.map((c) => (c.match(/\r\n|\r|\n/g) ?? []).length).reduce((a, b) => a + b, 0);
        }
      }),
      params,
    );
  });

  it('flags the last record as cut exactly when no line break ends the file and its last cell is not empty', () => {
    fc.assert(
      fc.property(table, fc.boolean(), (all, always) => {
        const rows = all.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
        const text = rows.map((r) => r.map((c) => quote(c, always)).join(',')).join('\n');
        const records = parseCsv(text);
        const last = records.at(-1);
        if (last) expect(last.cut).toBe(last.cells.at(-1)!.trim() !== '' && !text.endsWith('\n'));
        expect(records.slice(0, -1).every((r) => !r.cut)).toBe(true);
        // With the final line break nothing is cut.
        expect(parseCsv(`${text}\n`).every((r) => !r.cut)).toBe(true);
      }),
      params,
    );
  });
});

describe('parseNumberCell', () => {
  it('reads back every finite number as JavaScript writes it, in parentheses as its negative', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const plain = parseNumberCell(String(x));
        expect(plain).toEqual({ ok: true, value: x === 0 ? 0 : x });
        const paren = parseNumberCell(`(${String(Math.abs(x))})`);
        expect(paren.ok && paren.value !== null && paren.value === -Math.abs(x)).toBe(true);
      }),
      params,
    );
  });

  it('reads thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        expect(parseNumberCell(n.toLocaleString('en-US'))).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
      params,
    );
  });

  it('never gives a non-finite number, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const r = parseNumberCell(text);
        if (r.ok && r.value !== null) expect(Number.isFinite(r.value)).toBe(true);
      }),
      params,
    );
  });
});

describe('readDateCell', () => {
  it('accepts exactly the real calendar dates written YYYY-MM-DD, and returns them as written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const valid = m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
          expect(readDateCell(text)).toEqual(valid ? { ok: true, date: text } : expect.objectContaining({ ok: false }));
        },
      ),
      params,
    );
  });

  it('refuses a valid date followed by anything but a time of day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2009-01-03'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => /[A-SV-Yb-z!#%&*]/.test(s)),
        (date, tail) => {
          expect(readDateCell(`${date.toISOString().slice(0, 10)}${tail}`).ok).toBe(false);
        },
      ),
      params,
    );
  });

  it('reads a valid time after the date as the date, and refuses impossible times', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (h, m) => {
        const r = readDateCell(`2025-01-02T${pad(h, 2)}:${pad(m, 2)}:00Z`);
        expect(r.ok).toBe(h <= 23 && m <= 59);
      }),
      params,
    );
  });
});

describe('parseIsoTimestamp', () => {
  it('round-trips every instant of years 0000–9999 and refuses hour 24 and up', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: 24, max: 99 }),
        (instant, hour) => {
          const iso = instant.toISOString();
          expect(parseIsoTimestamp(iso)).toBe(iso);
          expect(parseIsoTimestamp(`${iso.slice(0, 11)}${hour}${iso.slice(13)}`)).toBeNull();
        },
      ),
      params,
    );
  });
});

describe('fund headers', () => {
  it('every catalog ticker, in any case and with stray bytes, normalises to itself', () => {
    const stray = fc.constantFrom('\uFFFD', '\u0000', '\u200B', ' ', '\t', '-', '\uFEFF');
    fc.assert(
      fc.property(
        fc.constantFrom(...FUNDS),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        stray,
        fc.nat(6),
        (fund, upper, junk, at) => {
          const cased = [...fund.ticker].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join('');
          const header = cased.slice(0, at) + junk + cased.slice(at);
          expect(normaliseTicker(header)).toBe(fund.ticker);
          expect(resolveFundHeader(fund.asset, header)).toEqual({ ok: true, ticker: fund.ticker, known: true });
        },
      ),
      params,
    );
  });
});

describe('field ranges', () => {
  const fields = Object.entries(DATASET_BOUNDS).flatMap(([dataset, b]) =>
    Object.entries(b.fields).map(([field, range]) => ({ dataset, field, range })),
  );

  it('accept every value within a field’s range and refuse every value outside it or not finite', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.double({ noDefaultInfinity: false }),
        ({ dataset, field, range }, x) => {
          const inside = Number.isFinite(x) && x >= range.min && x <= range.max;
          expect(checkFieldValue(dataset, field, x) === null).toBe(inside);
        },
      ),
      params,
    );
  });
});
