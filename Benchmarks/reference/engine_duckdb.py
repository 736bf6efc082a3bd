#!/usr/bin/env python3
"""The DuckDB reference: read the exports with DuckDB's CSV reader, normalize times and money in SQL, keep
each record's latest version, store the tables in a DuckDB file and compute metrics.sql, and from money.sql
gross margin and ACoS (the one engine that checks those).

    engine_duckdb.py WORKSPACE OUT.csv

DuckDB's CSV reader takes UTF-8, UTF-16 and Latin-1 only (GB18030 needs an extension fetched from the
network), so the 马帮 files are transcoded to UTF-8 first, inside the timed run.
"""
import glob
import os
import sys
import tempfile

import duckdb

from workspace import exports, metric_rows, money_rows, transcoded, write_metrics

NORMALIZE = """
CREATE TABLE files(seq INTEGER, path VARCHAR);
INSERT INTO files VALUES {files};

CREATE TABLE amazon AS
SELECT f.seq, a."amazon-order-id" AS order_id, CAST(a."purchase-date" AS TIMESTAMPTZ) AS purchased_at,
       CAST(a."last-updated-date" AS TIMESTAMPTZ) AS version, a."order-status" IN ('Cancelled', 'Canceled') AS cancelled,
       a.sku, CAST(a.quantity AS INTEGER) AS quantity, coalesce(CAST(NULLIF(a."item-price", '') AS DECIMAL(18, 2)), 0) AS amount
FROM read_csv({amazon}, delim = '\t', quote = '', escape = '', header = true, all_varchar = true, filename = true) a
JOIN files f ON f.path = a.filename;

-- Order-level cells are on an order's first row only: carried to its other rows of the same file.
CREATE TABLE shopify AS
WITH raw AS (
    SELECT f.seq, s."Name" AS order_id, s."Lineitem sku" AS sku, CAST(s."Lineitem quantity" AS INTEGER) AS quantity,
           CAST(s."Lineitem price" AS DECIMAL(18, 2)) AS price,
           max(NULLIF(s."Created at", '')) OVER w AS created, max(NULLIF(s."Paid at", '')) OVER w AS paid,
           max(NULLIF(s."Fulfilled at", '')) OVER w AS fulfilled, max(NULLIF(s."Cancelled at", '')) OVER w AS cancelled_at,
           max(NULLIF(s."Financial Status", '')) OVER w AS status, NULLIF(s."Refunded Amount", '') AS refunded
    FROM read_csv({shopify}, header = true, all_varchar = true, filename = true) s
    JOIN files f ON f.path = s.filename
    WINDOW w AS (PARTITION BY s.filename, s."Name"))
SELECT seq, order_id, sku, quantity, price * quantity AS amount,
       strptime(created, '%Y-%m-%d %H:%M:%S %z') AS purchased_at,
       greatest(strptime(created, '%Y-%m-%d %H:%M:%S %z'), strptime(paid, '%Y-%m-%d %H:%M:%S %z'),
                strptime(fulfilled, '%Y-%m-%d %H:%M:%S %z'), strptime(cancelled_at, '%Y-%m-%d %H:%M:%S %z')) AS version,
       status = 'voided' OR cancelled_at IS NOT NULL AS cancelled, CAST(refunded AS DECIMAL(18, 2)) AS refunded
FROM raw;

CREATE TABLE erp AS
SELECT f.seq, CASE e."平台" WHEN 'Amazon' THEN 'amazon' WHEN 'Shopify' THEN 'shopify' END AS platform,
       e."平台订单号" AS order_id,
       timezone('Asia/Shanghai', strptime(NULLIF(e."上网时间", ''), '%Y-%m-%d %H:%M:%S')) AS first_scan_at,
       CAST(NULLIF(e."退款金额", '') AS DECIMAL(18, 2)) AS refund,
       timezone('Asia/Shanghai', strptime(NULLIF(e."退款时间", ''), '%Y-%m-%d %H:%M:%S')) AS refunded_at
FROM read_csv({erp}, header = true, all_varchar = true, filename = true) e
JOIN files f ON f.path = e.filename
WHERE NOT starts_with(e."订单编号", '合计');

-- Latest version wins; a tie goes to the file loaded later.
CREATE TABLE orders AS
SELECT platform, order_id, purchased_at, cancelled FROM (
    SELECT 'amazon' AS platform, order_id, purchased_at, cancelled, version, seq FROM amazon
    UNION ALL SELECT 'shopify', order_id, purchased_at, cancelled, version, seq FROM shopify)
QUALIFY row_number() OVER (PARTITION BY platform, order_id ORDER BY version DESC, seq DESC) = 1;

CREATE TABLE order_lines AS
SELECT platform, order_id, sku, quantity, amount FROM (
    SELECT 'amazon' AS platform, order_id, sku, quantity, amount, version, seq FROM amazon
    UNION ALL SELECT 'shopify', order_id, sku, quantity, amount, version, seq FROM shopify)
QUALIFY row_number() OVER (PARTITION BY platform, order_id, sku ORDER BY version DESC, seq DESC) = 1;

CREATE TABLE fulfillment_events AS
SELECT platform, order_id, 'carrier_first_scan' AS kind, arg_max(first_scan_at, seq) AS occurred_at
FROM erp WHERE first_scan_at IS NOT NULL GROUP BY platform, order_id;

-- The later file's amount; a date once given is kept when a later file has none.
CREATE TABLE refunds AS
SELECT platform, order_id, 'total' AS refund_id, arg_max(amount, seq) AS amount,
       arg_max(refunded_at, seq) FILTER (WHERE refunded_at IS NOT NULL) AS refunded_at
FROM (SELECT seq, platform, order_id, refund AS amount, refunded_at FROM erp WHERE refund <> 0
      UNION ALL SELECT seq, 'shopify', order_id, refunded, NULL FROM shopify WHERE refunded <> 0)
GROUP BY platform, order_id;

CREATE TABLE sku_costs AS
SELECT "SKU" AS sku, CAST("Effective From" AS DATE) AS effective_from, CAST("Unit Cost" AS DECIMAL(18, 2)) AS unit_cost
FROM read_csv({costs}, header = true, all_varchar = true);

CREATE TABLE ad_spend AS
SELECT CAST("Date" AS DATE) AS day, CAST("Spend" AS DECIMAL(18, 2)) AS spend,
       CAST(NULLIF("7 Day Total Sales", '') AS DECIMAL(18, 2)) AS sales
FROM read_csv({ads}, header = true, all_varchar = true);
"""


def sql_list(paths):
    return "[" + ", ".join("'" + p.replace("'", "''") + "'" for p in paths) + "]"


def main():
    workspace, out = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as scratch:
        files = exports(workspace)
        paths = {seq: (transcoded(path, scratch) if kind == "erp" else path) for seq, kind, path in files}
        by_kind = {kind: sql_list([paths[seq] for seq, k, _ in files if k == kind]) for kind in ("amazon", "shopify", "erp")}
        values = ", ".join(f"({seq}, '{path.replace(chr(39), chr(39) * 2)}')" for seq, path in paths.items())
        db = duckdb.connect(os.path.join(scratch, "reference.duckdb"))
        costs = sql_list(glob.glob(os.path.join(workspace, "inbox", "finance", "*.csv")))
        ads = sql_list(glob.glob(os.path.join(workspace, "inbox", "amazon", "ads", "*.csv")))
        db.execute(NORMALIZE.format(files=values, costs=costs, ads=ads, **by_kind))
        rows = metric_rows(db) + money_rows(db)
        db.close()
    write_metrics(rows, out)


if __name__ == "__main__":
    main()
