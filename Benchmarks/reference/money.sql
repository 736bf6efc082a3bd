-- The sums behind gross_margin and acos of the `us` profile in the generated workspace (cogs_basis purchase,
-- margin_fees none, ad_attribution 7d; USD, so no rate), company scope, by day, ISO week and month. The rules
-- are kpibridge's (MetricAccumulator+Money):
--   * net sales = Σ line amounts of non-cancelled orders purchased in P − Σ their refunds issued in P;
--   * cogs = Σ quantity × the SKU's unit cost in force on the purchase day (latest effective_from on or before
--     it); a line without one makes cogs and margin unknown;
--   * advertising rows count on their calendar day as written.
-- The ratios are taken by the caller from these sums, each side rounded to cents, in exact decimals.
-- Inputs: orders, order_lines, refunds (as metrics.sql), sku_costs(sku, effective_from DATE, unit_cost),
--   ad_spend(day DATE, spend, sales).
WITH
counted AS (
    SELECT CAST(timezone('America/Los_Angeles', o.purchased_at) AS DATE) AS day, l.sku, l.quantity, l.amount
    FROM order_lines l JOIN orders o USING (platform, order_id)
    WHERE NOT o.cancelled),
costed AS (
    SELECT c.day, c.amount, c.quantity * s.unit_cost AS cost
    FROM counted c ASOF LEFT JOIN sku_costs s ON c.sku = s.sku AND c.day >= s.effective_from),
sales AS (
    SELECT day, sum(amount) AS sales, sum(cost) AS cogs, count(*) AS lines, count(*) - count(cost) AS uncosted,
           0 AS refunded, 0 AS spend, 0 AS ad_sales, 0 AS ad_rows
    FROM costed GROUP BY day),
refunded AS (
    SELECT CAST(timezone('America/Los_Angeles', coalesce(r.refunded_at, o.purchased_at)) AS DATE) AS day,
           0, 0, 0, 0, sum(r.amount), 0, 0, 0
    FROM refunds r JOIN orders o USING (platform, order_id)
    WHERE NOT o.cancelled GROUP BY 1),
ads AS (
    SELECT day, 0, 0, 0, 0, 0, sum(spend), sum(sales), count(*) FROM ad_spend GROUP BY day),
days AS (
    SELECT day, sum(sales) AS sales, sum(cogs) AS cogs, sum(lines) AS lines, sum(uncosted) AS uncosted,
           sum(refunded) AS refunded, sum(spend) AS spend, sum(ad_sales) AS ad_sales, sum(ad_rows) AS ad_rows
    FROM (SELECT * FROM sales UNION ALL SELECT * FROM refunded UNION ALL SELECT * FROM ads)
    GROUP BY day)
SELECT grain, period_start, sum(sales) - sum(refunded) AS net_sales, sum(cogs) AS cogs, sum(lines) AS lines,
       sum(uncosted) AS uncosted, sum(spend) AS spend, sum(ad_sales) AS ad_sales, sum(ad_rows) AS ad_rows
FROM (SELECT 'day' AS grain, day AS period_start, * FROM days
      UNION ALL SELECT 'week', CAST(date_trunc('week', day) AS DATE), * FROM days
      UNION ALL SELECT 'month', CAST(date_trunc('month', day) AS DATE), * FROM days)
GROUP BY grain, period_start
ORDER BY grain, period_start
