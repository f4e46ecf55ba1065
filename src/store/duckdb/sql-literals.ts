// Writing values as DuckDB SQL literals: UTC timestamps and quoted strings.

/** An ISO-8601 UTC timestamp as a DuckDB TIMESTAMP literal body ("YYYY-MM-DD HH:MM:SS.sss"). */
export function ts(text: string): string {
  // DuckDB TIMESTAMP literals take "YYYY-MM-DD HH:MM:SS.sss" (UTC, no zone).
  return text.replace('T', ' ').replace('Z', '');
}

/** `text` as a single-quoted SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
