// Versioned schema migrations of the DuckDB store. Append a migration; never edit a shipped one.

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'observations, events, runs',
    sql: `
      CREATE TABLE observations (
        dataset     VARCHAR   NOT NULL,
        field       VARCHAR   NOT NULL,
        asset       VARCHAR   NOT NULL,
        key         VARCHAR   NOT NULL,
        date        DATE      NOT NULL,
        value       DOUBLE    NOT NULL,
        known_at    TIMESTAMP NOT NULL,
        source      VARCHAR   NOT NULL,
        origin      VARCHAR   NOT NULL,
        imported_at TIMESTAMP NOT NULL
      );
      CREATE TABLE events (
        id          VARCHAR   NOT NULL,
        date        DATE      NOT NULL,
        kind        VARCHAR   NOT NULL,
        title       VARCHAR   NOT NULL,
        source_url  VARCHAR   NOT NULL,
        instruments VARCHAR   NOT NULL,
        known_at    TIMESTAMP NOT NULL,
        source      VARCHAR   NOT NULL,
        origin      VARCHAR   NOT NULL,
        imported_at TIMESTAMP NOT NULL
      );
      CREATE TABLE runs (
        kind        VARCHAR   NOT NULL,
        source      VARCHAR   NOT NULL,
        origin      VARCHAR   NOT NULL,
        started_at  TIMESTAMP NOT NULL,
        finished_at TIMESTAMP NOT NULL,
        inserted    BIGINT    NOT NULL,
        revised     BIGINT    NOT NULL,
        unchanged   BIGINT    NOT NULL,
        rejected    BIGINT    NOT NULL,
        status      VARCHAR   NOT NULL,
        message     VARCHAR   NOT NULL
      );`,
  },
];
