-- The summary users query: one row per customer over every valid purchase ever ingested.
CREATE TABLE customer_purchase_summary (
    customer_id         BIGINT        PRIMARY KEY,
    full_name           TEXT,
    email               TEXT,
    total_spent_aud     NUMERIC(18,2) NOT NULL,
    first_purchase_date DATE          NOT NULL,
    last_purchase_date  DATE          NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX customer_purchase_summary_total_idx ON customer_purchase_summary (total_spent_aud DESC);

-- Gold's grain (customer x ingestion day). The summary is recomputed from these rows rather than incremented, so a
-- replayed day replaces itself instead of counting twice.
CREATE TABLE customer_daily_purchase (
    customer_id         BIGINT        NOT NULL,
    ingestion_date      DATE          NOT NULL,
    full_name           TEXT,
    email               TEXT,
    total_spent_aud     NUMERIC(18,2) NOT NULL,
    purchase_count      INTEGER       NOT NULL,
    first_purchase_date DATE          NOT NULL,
    last_purchase_date  DATE          NOT NULL,
    latest_purchase_id  BIGINT        NOT NULL,
    run_id              TEXT          NOT NULL,
    PRIMARY KEY (customer_id, ingestion_date)
);

CREATE INDEX customer_daily_purchase_day_idx ON customer_daily_purchase (ingestion_date);

-- Gold rows of one run, loaded in bulk by the gold->RDS job and consumed by the upsert.
CREATE TABLE customer_purchase_summary_staging (
    run_id              TEXT          NOT NULL,
    ingestion_date      DATE          NOT NULL,
    customer_id         BIGINT        NOT NULL,
    full_name           TEXT,
    email               TEXT,
    total_spent_aud     NUMERIC(18,2) NOT NULL,
    purchase_count      INTEGER       NOT NULL,
    first_purchase_date DATE          NOT NULL,
    last_purchase_date  DATE          NOT NULL,
    latest_purchase_id  BIGINT        NOT NULL,
    PRIMARY KEY (run_id, customer_id)
);

-- One row per execution that staged data: lets the upsert tell "already applied" from "never staged".
CREATE TABLE pipeline_run (
    run_id             TEXT        PRIMARY KEY,
    ingestion_date     DATE        NOT NULL,
    staged_rows        INTEGER     NOT NULL,
    staged_at          TIMESTAMPTZ NOT NULL,
    applied_at         TIMESTAMPTZ,
    customers_upserted INTEGER
);
