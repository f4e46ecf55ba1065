import { describe, expect, it } from 'vitest';
import { headerCells, readDatedTable, slugOf } from '../../../src/sources/vendor-csv/dated-table.js';

describe('readDatedTable', () => {
  it('reads BOM + CRLF text, keeps nulls for empty cells, rejects bad rows with line and column', () => {
    const text =
      '\uFEFFdate,A,B\r\n2025-01-01,1,\r\n2025-01-02,-,2e3\r\n2025-02-30,1,1\r\n2025-01-03,1\r\n2025-01-04,1,Infinity\r\n2025-01-01,9,9\r\n';
    const table = readDatedTable('t.csv', text);
    expect(table.columns).toEqual(['A', 'B']);
    expect(table.rows).toEqual([
      { line: 2, date: '2025-01-01', values: [1, null] },
      { line: 3, date: '2025-01-02', values: [null, 2000] },
    ]);
    expect(table.rejects.map((r) => `${r.line} ${r.field ?? '-'}`)).toEqual(['4 date', '5 -', '6 B', '7 date']);
  });

  it('throws on a header that does not start with date', () => {
    expect(() => readDatedTable('t.csv', 'day,A\n2025-01-01,1\n')).toThrow(
      /t\.csv: expected a header starting with "date"/,
    );
  });
});

describe('headerCells and slugOf', () => {
  it('splits the first line and makes stable keys', () => {
    expect(headerCells('\uFEFFdate,"Open Interest" ,x\r\n1,2,3')).toEqual(['date', 'Open Interest', 'x']);
    expect(['Crypto.com', 'Gate.io', 'OKX', 'Twenty One Capital', 'Strive Asset Management'].map(slugOf)).toEqual([
      'crypto-com',
      'gate-io',
      'okx',
      'twenty-one-capital',
      'strive-asset-management',
    ]);
  });
});
