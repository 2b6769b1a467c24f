-- Exactly-once: gold is one row per customer over the silver table of record, and each run stages only the customers
-- it recomputed, each with the silver snapshot version it was computed from. The summary takes a customer's staged row
-- only when it is newer than the one it applied last, so runs may stage and apply in any order.

-- The per-day grain is gone: a purchase counts once, whatever day or file it came in.
DROP TABLE customer_daily_purchase;

-- Rows staged under the per-day model cannot be applied under this one; their runs are re-run to stage again.
DELETE FROM customer_purchase_summary_staging;

-- purchase_count 0 is a customer left without purchases (all corrected away to others): the summary drops them.
ALTER TABLE customer_purchase_summary_staging
    ADD COLUMN silver_version BIGINT NOT NULL,
    ALTER COLUMN total_spent_aud DROP NOT NULL,
    ALTER COLUMN first_purchase_date DROP NOT NULL,
    ALTER COLUMN last_purchase_date DROP NOT NULL,
    ALTER COLUMN latest_purchase_id DROP NOT NULL,
    ADD CONSTRAINT staged_customer_complete CHECK (purchase_count = 0 OR (total_spent_aud IS NOT NULL
        AND first_purchase_date IS NOT NULL AND last_purchase_date IS NOT NULL AND latest_purchase_id IS NOT NULL));

-- The newest silver version applied per customer, kept after a customer's summary row is dropped, so a late run
-- computed from an older silver cannot bring the row back.
CREATE TABLE customer_summary_version (
    customer_id    BIGINT PRIMARY KEY,
    silver_version BIGINT NOT NULL
);
