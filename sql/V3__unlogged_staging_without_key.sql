-- Staging is a hand-over buffer between gold->RDS and the upsert, not data of record: gold's changes in the lake are.
-- Unlogged, its rows skip the WAL; without the (run_id, customer_id) key, COPY skips a B-tree insertion per row. The
-- two bounded the staging load at about 200-250k rows/s per core (docs/bench/staging-load-2026-12-02.md).
--
-- What the key guarded, one row per customer in a run, the upsert now checks before applying a run (it refuses a run
-- whose row count differs from its count of distinct customers), and gold is one row per customer by construction.
--
-- A crash or failover of the database empties an unlogged table. pipeline_run stays logged, so the upsert then finds
-- fewer staged rows than the run recorded and refuses it (IncompleteStagingException); re-running the execution, or
-- gold->RDS for the run, stages it again from the lake.
ALTER TABLE customer_purchase_summary_staging DROP CONSTRAINT customer_purchase_summary_staging_pkey;
ALTER TABLE customer_purchase_summary_staging SET UNLOGGED;
