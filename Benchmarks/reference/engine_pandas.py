#!/usr/bin/env python3
"""The pandas reference: read the exports with pandas, normalize times (UTC) and money (integer cents), keep
each record's latest version, and compute metrics.sql's figures with pandas operations.

    engine_pandas.py WORKSPACE OUT.csv

It keeps the normalized tables in memory and writes nothing but the metrics: pandas has no store of its own.
"""
import csv
import sys

import pandas as pd

from workspace import exports, write_metrics

ZONE = "America/Los_Angeles"


def read(path, **options):
    return pd.read_csv(path, dtype=str, keep_default_na=False, **options)


def cents(column):
    """Two-decimal money text as int64 cents (empty → 0), exact where floats would drift."""
    values = pd.to_numeric(column.replace("", "0"))
    return (values * 100).round().astype("int64")


def shopify_time(column):
    return pd.to_datetime(column.replace("", None), format="%Y-%m-%d %H:%M:%S %z", utc=True)


def beijing_time(column):
    local = pd.to_datetime(column.replace("", None), format="%Y-%m-%d %H:%M:%S")
    return local.dt.tz_localize("Asia/Shanghai").dt.tz_convert("UTC")


def amazon_frame(seq, path):
    raw = read(path, sep="\t", quoting=csv.QUOTE_NONE,
               usecols=["amazon-order-id", "purchase-date", "last-updated-date", "order-status", "sku", "quantity",
                        "item-price"])
    return pd.DataFrame({
        "seq": seq, "platform": "amazon", "order_id": raw["amazon-order-id"],
        "purchased_at": pd.to_datetime(raw["purchase-date"], format="ISO8601", utc=True),
        "version": pd.to_datetime(raw["last-updated-date"], format="ISO8601", utc=True),
        "cancelled": raw["order-status"].isin(["Cancelled", "Canceled"]),
        "sku": raw["sku"], "quantity": raw["quantity"].astype("int64"), "amount": cents(raw["item-price"]),
        "refunded": 0})


def shopify_frame(seq, path):
    raw = read(path, usecols=["Name", "Financial Status", "Paid at", "Fulfilled at", "Created at", "Lineitem quantity",
                              "Lineitem price", "Lineitem sku", "Cancelled at", "Refunded Amount"])
    # Order-level cells are on an order's first row only: carried to its other rows.
    carried = ["Financial Status", "Paid at", "Fulfilled at", "Created at", "Cancelled at"]
    raw[carried] = raw[carried].replace("", None)
    raw[carried] = raw.groupby("Name")[carried].ffill()
    created, paid = shopify_time(raw["Created at"]), shopify_time(raw["Paid at"])
    fulfilled, cancelled_at = shopify_time(raw["Fulfilled at"]), shopify_time(raw["Cancelled at"])
    quantity = raw["Lineitem quantity"].astype("int64")
    return pd.DataFrame({
        "seq": seq, "platform": "shopify", "order_id": raw["Name"], "purchased_at": created,
        "version": pd.concat([created, paid, fulfilled, cancelled_at], axis=1).max(axis=1),
        "cancelled": (raw["Financial Status"] == "voided") | cancelled_at.notna(),
        "sku": raw["Lineitem sku"], "quantity": quantity, "amount": cents(raw["Lineitem price"]) * quantity,
        "refunded": cents(raw["Refunded Amount"])})


def erp_frame(seq, path):
    raw = read(path, encoding="gb18030", usecols=["订单编号", "平台订单号", "平台", "上网时间", "退款金额", "退款时间"])
    raw = raw[~raw["订单编号"].str.startswith("合计")]
    return pd.DataFrame({
        "seq": seq, "platform": raw["平台"].map({"Amazon": "amazon", "Shopify": "shopify"}),
        "order_id": raw["平台订单号"], "first_scan_at": beijing_time(raw["上网时间"]),
        "refund": cents(raw["退款金额"]), "refunded_at": beijing_time(raw["退款时间"])})


def local_day(instants):
    return instants.dt.tz_convert(ZONE).dt.tz_localize(None).dt.normalize()


def main():
    workspace, out = sys.argv[1], sys.argv[2]
    marketplace, erp = [], []
    for seq, kind, path in exports(workspace):
        if kind == "amazon":
            marketplace.append(amazon_frame(seq, path))
        elif kind == "shopify":
            marketplace.append(shopify_frame(seq, path))
        else:
            erp.append(erp_frame(seq, path))
    rows = pd.concat(marketplace, ignore_index=True)
    erp = pd.concat(erp, ignore_index=True)

    # Latest version wins; a tie goes to the file loaded later.
    rows = rows.sort_values(["version", "seq"], kind="stable")
    orders = rows.drop_duplicates(["platform", "order_id"], keep="last")[
        ["platform", "order_id", "purchased_at", "cancelled"]]
    lines = rows.drop_duplicates(["platform", "order_id", "sku"], keep="last")
    events = (erp[erp["first_scan_at"].notna()].sort_values("seq", kind="stable")
              .drop_duplicates(["platform", "order_id"], keep="last")[["platform", "order_id", "first_scan_at"]])
    # The later file's amount; a date once given is kept when a later file has none (last() skips nulls).
    refund_rows = pd.concat([
        erp.loc[erp["refund"] != 0, ["seq", "platform", "order_id", "refund", "refunded_at"]],
        rows.loc[rows["refunded"] != 0, ["seq", "platform", "order_id", "refunded"]].rename(columns={"refunded": "refund"})
        .assign(refunded_at=pd.NaT)]).sort_values("seq", kind="stable")
    refunds = refund_rows.groupby(["platform", "order_id"], as_index=False)[["refund", "refunded_at"]].last()
    refunds["refunded_at"] = pd.to_datetime(refunds["refunded_at"], utc=True)

    counted = orders[~orders["cancelled"]]
    totals = lines.groupby(["platform", "order_id"], as_index=False)[["quantity", "amount"]].sum()
    bought = orders.merge(totals, on=["platform", "order_id"], how="left").fillna({"quantity": 0, "amount": 0})
    keep = ~bought["cancelled"]
    purchases = pd.DataFrame({"day": local_day(bought["purchased_at"]), "seen": 1, "orders": keep.astype("int64"),
                              "units": bought["quantity"].where(keep, 0), "sales": bought["amount"].where(keep, 0)})
    refunded = refunds.merge(counted, on=["platform", "order_id"])
    refunded = pd.DataFrame({"day": local_day(refunded["refunded_at"].fillna(refunded["purchased_at"])),
                             "refund_records": 1, "refunded": refunded["refund"]})
    shipped = events.merge(counted, on=["platform", "order_id"])
    shipped = pd.DataFrame({"day": local_day(shipped["first_scan_at"]), "shipped": 1})
    days = pd.concat([purchases, refunded, shipped]).fillna(0).groupby("day").sum()

    out_rows = []
    for grain, starts in (("day", days.index), ("week", days.index - pd.to_timedelta(days.index.day_of_week, unit="D")),
                          ("month", days.index.to_period("M").to_timestamp())):
        periods = days.groupby(starts).sum()
        for start, p in periods.iterrows():
            day = start.strftime("%Y-%m-%d")
            if p["seen"] > 0:
                out_rows.append((grain, day, "orders", int(p["orders"])))
                out_rows.append((grain, day, "units", int(p["units"])))
            if p["seen"] > 0 or p["refund_records"] > 0:
                value = int(p["sales"]) - int(p["refunded"])
                sign = "-" if value < 0 else ""
                out_rows.append((grain, day, "gmv", f"{sign}{abs(value) // 100}.{abs(value) % 100:02d}"))
            if p["shipped"] > 0:
                out_rows.append((grain, day, "shipped_orders", int(p["shipped"])))
    out_rows.sort()
    write_metrics(out_rows, out)


if __name__ == "__main__":
    main()
