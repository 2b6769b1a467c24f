-- The per-customer summary the pipeline ends with, computed by DuckDB straight from the bronze CSV with the same FX
-- table: contract v1's rules (glue-jobs PurchaseValidator), conflicting duplicates refused and exact ones collapsed
-- (BronzeToSilverTransform), and a customer whose file total exceeds DECIMAL(18,2) refused whole. Parameters: the FX
-- CSV, then the purchase CSV. Not modelled: structurally malformed CSV lines (wrong field count), U+0000 in a field.
CREATE TEMP TABLE bench_summary AS
WITH fx AS (
    SELECT upper(currency) AS currency, CAST(rate_date AS DATE) AS rate_date,
           CAST(aud_per_unit AS DECIMAL(20, 10)) AS rate
    FROM read_csv(?, header = true, all_varchar = true)
    WHERE upper(currency) <> 'AUD'
),
raw AS (
    SELECT * FROM read_csv(?, header = true, all_varchar = true, quote = '"', escape = '"')
),
parsed AS (
    SELECT
        CASE WHEN regexp_full_match(customer_id, '[0-9]{1,18}') THEN CAST(customer_id AS BIGINT) END AS customer,
        CASE WHEN regexp_full_match(purchase_id, '[0-9]{1,18}') THEN CAST(purchase_id AS BIGINT) END AS purchase,
        nullif(concat_ws(' ', nullif(regexp_replace(first_name, '^\s+|\s+$', '', 'g'), ''),
                              nullif(regexp_replace(last_name, '^\s+|\s+$', '', 'g'), '')), '') AS full_name,
        lower(email) AS email,
        CASE
            WHEN regexp_full_match(purchase_date, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(purchase_date AS DATE)
            WHEN regexp_full_match(purchase_date,
                    '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})?')
                 AND TRY_CAST(regexp_extract(purchase_date, 'T([0-9:.]+)', 1) AS TIME) IS NOT NULL
                THEN TRY_CAST(substr(purchase_date, 1, 10) AS DATE)
        END AS purchase_date,
        regexp_full_match(amount, '[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)') AS plain_amount,
        ltrim(regexp_extract(amount, '^[+-]?([0-9]*)', 1), '0') AS integer_digits,
        rtrim(regexp_extract(amount, '\.([0-9]*)$', 1), '0') AS fraction_digits,
        starts_with(amount, '-') AS minus,
        upper(currency) AS currency,
        customer_id, purchase_id, amount, purchase_date AS raw_purchase_date,
        coalesce(length(customer_id), 0) <= 40 AND coalesce(length(first_name), 0) <= 100
            AND coalesce(length(last_name), 0) <= 100 AND coalesce(length(email), 0) <= 254
            AND coalesce(length(purchase_id), 0) <= 40 AND coalesce(length(purchase_date), 0) <= 40
            AND coalesce(length(amount), 0) <= 40 AND coalesce(length(currency), 0) <= 16 AS lengths_ok
    FROM raw
),
normalised AS (
    SELECT *,
        CASE WHEN plain_amount THEN
            CASE WHEN minus AND (integer_digits <> '' OR fraction_digits <> '') THEN '-' ELSE '' END
            || coalesce(nullif(integer_digits, ''), '0')
            || CASE WHEN fraction_digits <> '' THEN '.' || fraction_digits ELSE '' END
        END AS amount_text
    FROM parsed
),
classified AS (
    SELECT n.purchase, n.customer,
        -- What PurchaseValidator's fingerprint compares: the row's content in normalised spelling.
        [coalesce(CAST(n.customer AS VARCHAR), n.customer_id), n.full_name, n.email,
         coalesce(CAST(n.purchase_date AS VARCHAR), n.raw_purchase_date), coalesce(n.amount_text, n.amount),
         n.currency] AS fingerprint,
        CASE WHEN n.currency = 'AUD' THEN round(TRY_CAST(n.amount_text AS DECIMAL(18, 6)), 2)
             ELSE round(TRY_CAST(n.amount_text AS DECIMAL(18, 6)) * fx.rate, 2) END AS amount_aud,
        n.lengths_ok AND n.customer IS NOT NULL AND n.purchase IS NOT NULL AND n.purchase_date IS NOT NULL
            AND n.purchase_date BETWEEN DATE '1900-01-01' AND DATE '9999-12-31'
            AND n.plain_amount AND NOT (n.amount_text LIKE '-%')
            AND length(n.fraction_digits) <= 6 AND length(n.integer_digits) <= 12
            AND (n.currency = 'AUD' OR fx.rate IS NOT NULL) AS valid_row
    FROM normalised n
    ASOF LEFT JOIN fx ON n.currency = fx.currency AND n.purchase_date >= fx.rate_date
),
conflicting AS (
    SELECT purchase FROM classified WHERE purchase IS NOT NULL
    GROUP BY purchase HAVING count(DISTINCT fingerprint) > 1
),
purchases AS (
    -- Exact duplicates share one fingerprint, hence one customer and amount: any of them is the purchase.
    SELECT purchase, any_value(customer) AS customer, any_value(amount_aud) AS amount_aud
    FROM classified
    WHERE valid_row AND amount_aud <= 9999999999999999.99 AND purchase NOT IN (SELECT purchase FROM conflicting)
    GROUP BY purchase
)
SELECT customer AS customer_id, sum(amount_aud) AS total_spent_aud, count(*) AS purchase_count
FROM purchases
GROUP BY customer
HAVING sum(amount_aud) <= 9999999999999999.99
