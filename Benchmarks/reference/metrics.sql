-- The metrics every reference engine is checked on, over the normalized order tables (already deduplicated,
-- latest version wins): orders, units, gmv and shipped_orders of the `us` profile in the generated workspace
-- — days in America/Los_Angeles, net sales in USD (tax and shipping excluded), shipped at the carrier's
-- first scan — company scope, by day, ISO week (Monday) and month. The rules are kpibridge's (OrderView,
-- MetricAccumulator):
--   * a cancelled order is seen (its day has rows) but adds no order, unit or sale;
--   * a refund counts on the day it was issued (the purchase day when the export gave no date), and only
--     for an order that counts; gmv = sales − refunds;
--   * shipped_orders counts counted orders on the day of their carrier_first_scan event.
-- Every figure is additive, so weeks and months are sums of days.
-- Inputs: orders(platform, order_id, purchased_at TIMESTAMPTZ, cancelled BOOLEAN),
--   order_lines(platform, order_id, sku, quantity, amount), fulfillment_events(platform, order_id, kind,
--   occurred_at TIMESTAMPTZ), refunds(platform, order_id, refund_id, amount, refunded_at TIMESTAMPTZ).
WITH
line_totals AS (
    SELECT platform, order_id, sum(quantity) AS units, sum(amount) AS sales
    FROM order_lines GROUP BY platform, order_id),
purchases AS (
    SELECT CAST(timezone('America/Los_Angeles', o.purchased_at) AS DATE) AS day,
           1 AS seen,
           CASE WHEN o.cancelled THEN 0 ELSE 1 END AS orders,
           CASE WHEN o.cancelled THEN 0 ELSE coalesce(l.units, 0) END AS units,
           CASE WHEN o.cancelled THEN 0 ELSE coalesce(l.sales, 0) END AS sales,
           0 AS refund_records, 0 AS refunded, 0 AS shipped
    FROM orders o LEFT JOIN line_totals l USING (platform, order_id)),
refunded AS (
    SELECT CAST(timezone('America/Los_Angeles', coalesce(r.refunded_at, o.purchased_at)) AS DATE) AS day,
           0, 0, 0, 0, 1, r.amount, 0
    FROM refunds r JOIN orders o USING (platform, order_id)
    WHERE NOT o.cancelled),
shipments AS (
    SELECT CAST(timezone('America/Los_Angeles', e.occurred_at) AS DATE) AS day,
           0, 0, 0, 0, 0, 0, 1
    FROM fulfillment_events e JOIN orders o USING (platform, order_id)
    WHERE e.kind = 'carrier_first_scan' AND NOT o.cancelled),
days AS (
    SELECT day, sum(seen) AS seen, sum(orders) AS orders, sum(units) AS units, sum(sales) AS sales,
           sum(refund_records) AS refund_records, sum(refunded) AS refunded, sum(shipped) AS shipped
    FROM (SELECT * FROM purchases UNION ALL SELECT * FROM refunded UNION ALL SELECT * FROM shipments)
    GROUP BY day),
periods AS (
    SELECT grain, period_start, sum(seen) AS seen, sum(orders) AS orders, sum(units) AS units,
           sum(sales) - sum(refunded) AS gmv, sum(refund_records) AS refund_records, sum(shipped) AS shipped
    FROM (SELECT 'day' AS grain, day AS period_start, * FROM days
          UNION ALL SELECT 'week', CAST(date_trunc('week', day) AS DATE), * FROM days
          UNION ALL SELECT 'month', CAST(date_trunc('month', day) AS DATE), * FROM days)
    GROUP BY grain, period_start)
SELECT grain, period_start, metric, value FROM (
    SELECT grain, period_start, 'orders' AS metric, CAST(orders AS VARCHAR) AS value FROM periods WHERE seen > 0
    UNION ALL SELECT grain, period_start, 'units', CAST(units AS VARCHAR) FROM periods WHERE seen > 0
    UNION ALL SELECT grain, period_start, 'gmv', CAST(CAST(gmv AS DECIMAL(18, 2)) AS VARCHAR) FROM periods
              WHERE seen > 0 OR refund_records > 0
    UNION ALL SELECT grain, period_start, 'shipped_orders', CAST(shipped AS VARCHAR) FROM periods WHERE shipped > 0)
ORDER BY grain, period_start, metric
