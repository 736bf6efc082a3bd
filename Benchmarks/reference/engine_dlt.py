#!/usr/bin/env python3
"""The dlt reference: Python resources read the exports row by row (csv module) and normalize times and money;
dlt loads them (as Parquet load files) into DuckDB with merge on each record's natural key (latest version
first), then metrics.sql runs on the loaded tables.

    engine_dlt.py WORKSPACE OUT.csv
"""
import csv
import datetime as dt
import os
import sys
import tempfile
from decimal import Decimal

os.environ.setdefault("RUNTIME__DLTHUB_TELEMETRY", "false")
import dlt  # noqa: E402  (telemetry must be off before dlt reads its configuration)
import duckdb  # noqa: E402

from workspace import exports, metric_rows, write_metrics  # noqa: E402
BEIJING = dt.timezone(dt.timedelta(hours=8))


def money(text):
    return Decimal(text) if text else Decimal(0)


def shopify_time(text):
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S %z").astimezone(dt.timezone.utc) if text else None


def beijing_time(text):
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=BEIJING).astimezone(dt.timezone.utc) if text else None


# Each table's natural key and the column whose highest value wins among rows with that key. dlt deduplicates
# on one column: for orders and lines the version, then the file's load position (a tie goes to the later
# file); for the ERP's records the load position. A refund's date once given is kept when a later file has
# none, so dates merge on their own (refund_dates) beside the amounts.
TABLES = {
    "orders": (["platform", "order_id"], "latest"),
    "order_lines": (["platform", "order_id", "sku"], "latest"),
    "fulfillment_events": (["platform", "order_id", "kind"], "seq"),
    "refund_amounts": (["platform", "order_id", "refund_id"], "seq"),
    "refund_dates": (["platform", "order_id", "refund_id"], "seq"),
}


def latest(version, seq):
    return f"{version.isoformat()}#{seq:06d}"


def records(files):
    """(table, row) for every record in the exports, each file read once."""
    for seq, kind, path in files:
        if kind == "amazon":
            with open(path, encoding="utf-8", newline="") as f:
                for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                    key = latest(dt.datetime.fromisoformat(r["last-updated-date"]), seq)
                    yield "orders", {"platform": "amazon", "order_id": r["amazon-order-id"],
                                     "purchased_at": dt.datetime.fromisoformat(r["purchase-date"]),
                                     "cancelled": r["order-status"] in ("Cancelled", "Canceled"), "latest": key}
                    yield "order_lines", {"platform": "amazon", "order_id": r["amazon-order-id"], "sku": r["sku"],
                                          "quantity": int(r["quantity"]), "amount": money(r["item-price"]), "latest": key}
        elif kind == "shopify":
            with open(path, encoding="utf-8", newline="") as f:
                carried = {}
                for r in csv.DictReader(f):
                    # Order-level cells are on an order's first row only.
                    if r["Created at"] or carried.get("Name") != r["Name"]:
                        carried = r
                    created, cancelled_at = shopify_time(carried["Created at"]), shopify_time(carried["Cancelled at"])
                    stamps = [t for t in (created, shopify_time(carried["Paid at"]), shopify_time(carried["Fulfilled at"]),
                                          cancelled_at) if t]
                    key = latest(max(stamps), seq)
                    yield "orders", {"platform": "shopify", "order_id": r["Name"], "purchased_at": created,
                                     "cancelled": carried["Financial Status"] == "voided" or cancelled_at is not None,
                                     "latest": key}
                    quantity = int(r["Lineitem quantity"])
                    yield "order_lines", {"platform": "shopify", "order_id": r["Name"], "sku": r["Lineitem sku"],
                                          "quantity": quantity, "amount": money(r["Lineitem price"]) * quantity,
                                          "latest": key}
                    if refunded := money(r["Refunded Amount"]):
                        yield "refund_amounts", {"platform": "shopify", "order_id": r["Name"], "refund_id": "total",
                                                 "amount": refunded, "seq": seq}
        else:
            with open(path, encoding="gb18030", newline="") as f:
                for r in csv.DictReader(f):
                    if r["订单编号"].startswith("合计"):
                        continue
                    platform, order_id = {"Amazon": "amazon", "Shopify": "shopify"}[r["平台"]], r["平台订单号"]
                    if r["上网时间"]:
                        yield "fulfillment_events", {"platform": platform, "order_id": order_id,
                                                     "kind": "carrier_first_scan",
                                                     "occurred_at": beijing_time(r["上网时间"]), "seq": seq}
                    if amount := money(r["退款金额"]):
                        yield "refund_amounts", {"platform": platform, "order_id": order_id, "refund_id": "total",
                                                 "amount": amount, "seq": seq}
                        if r["退款时间"]:
                            yield "refund_dates", {"platform": platform, "order_id": order_id, "refund_id": "total",
                                                   "refunded_at": beijing_time(r["退款时间"]), "seq": seq}


@dlt.resource(write_disposition="merge")
def exported(files):
    """Every record, dispatched to its table; a table's first row carries the table's merge hints."""
    hinted = set()
    for table, row in records(files):
        if table in hinted:
            yield dlt.mark.with_table_name(row, table)
        else:
            hinted.add(table)
            key, newest = TABLES[table]
            hints = dlt.mark.make_hints(table_name=table, primary_key=key, write_disposition="merge",
                                        columns={newest: {"dedup_sort": "desc"}})
            yield dlt.mark.with_hints(row, hints, create_table_variant=True)


def main():
    workspace, out = sys.argv[1], sys.argv[2]
    files = exports(workspace)
    with tempfile.TemporaryDirectory() as scratch:
        database = os.path.join(scratch, "reference.duckdb")
        pipeline = dlt.pipeline(pipeline_name="kpibench", destination=dlt.destinations.duckdb(database),
                                dataset_name="bench", pipelines_dir=os.path.join(scratch, "pipelines"))
        # Parquet load files: with dlt's default for DuckDB (SQL INSERT files) the same load took about
        # twice as long and 4.2 GB at 100,000 lines.
        pipeline.run(exported(files), loader_file_format="parquet")
        db = duckdb.connect(database)
        db.execute("SET search_path = 'bench'")
        db.execute("""CREATE VIEW refunds AS SELECT a.platform, a.order_id, a.refund_id, a.amount, d.refunded_at
                      FROM refund_amounts a LEFT JOIN refund_dates d USING (platform, order_id, refund_id)""")
        rows = metric_rows(db)
        db.close()
    write_metrics(rows, out)


if __name__ == "__main__":
    main()
