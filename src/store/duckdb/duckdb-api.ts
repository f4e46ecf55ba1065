// The DuckDB client, loaded with require(): @duckdb/node-api is CommonJS whose index re-exports ~120
// files, and an ESM `import` of it makes Node scan every one of them for export names — about 0.2 s
// of CPU at each start of the CLI. require() skips that scan. Every runtime use of the package in
// src/ goes through this file (type-only imports may name the package directly).
import { createRequire } from 'node:module';
import type * as DuckDb from '@duckdb/node-api';

const duckdb = createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDb;

export const DuckDBInstance = duckdb.DuckDBInstance;
export type DuckDBInstance = DuckDb.DuckDBInstance;
export const DuckDBDataChunk = duckdb.DuckDBDataChunk;
export type DuckDBDataChunk = DuckDb.DuckDBDataChunk;
export const DOUBLE = duckdb.DOUBLE;
export const INTEGER = duckdb.INTEGER;
export const listValue = duckdb.listValue;
