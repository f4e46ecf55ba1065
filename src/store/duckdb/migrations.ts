// Versioned schema migrations of the DuckDB store. Append a migration; never edit a shipped one.

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /**
   * True when a store without this migration can still be opened read-only: it only adds tables that
   * writers create before using (the alert outbox), so reading commands on an older store keep working.
   */
  readonly optionalForReaders?: boolean;
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
  {
    version: 2,
    name: 'alert outbox: analyses, alerts, deliveries',
    optionalForReaders: true,
    sql: `
      CREATE TABLE analyses (
        asset       VARCHAR   NOT NULL,
        as_of       DATE      NOT NULL,
        analysed_at TIMESTAMP NOT NULL,
        phase       VARCHAR   NOT NULL,
        confidence  DOUBLE    NOT NULL,
        snapshot    VARCHAR   NOT NULL,
        note_path   VARCHAR
      );
      CREATE TABLE alerts (
        key        VARCHAR   PRIMARY KEY,
        rule       VARCHAR   NOT NULL,
        asset      VARCHAR   NOT NULL,
        as_of      DATE      NOT NULL,
        created_at TIMESTAMP NOT NULL,
        status     VARCHAR   NOT NULL,
        reason     VARCHAR,
        payload    VARCHAR   NOT NULL
      );
      CREATE TABLE alert_deliveries (
        key             VARCHAR   NOT NULL,
        sink            VARCHAR   NOT NULL,
        status          VARCHAR   NOT NULL,
        attempts        INTEGER   NOT NULL,
        next_attempt_at TIMESTAMP NOT NULL,
        claimed_by      VARCHAR,
        claimed_at      TIMESTAMP,
        delivered_at    TIMESTAMP,
        last_error      VARCHAR,
        PRIMARY KEY (key, sink)
      );`,
  },
];
