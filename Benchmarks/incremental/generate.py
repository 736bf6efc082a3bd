#!/usr/bin/env python3
"""Writes a benchmark workspace for the incremental refresh: Amazon All Orders lines over ten months, plus
the next night's export (1 % of the lines: half re-sent with a later update and a new price, half new orders).

Deterministic (fixed seed), so every machine measures the same rows.

    generate.py LINES DIR    # DIR/workspace (kpibridge.yaml, definitions, rates, inbox) and DIR/night.txt
"""
import datetime
import os
import random
import sys

HEADER = ("amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\tquantity\tcurrency\t"
          "item-price\titem-tax\tshipping-price")


def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S") + "+00:00"


def orders(lines, rng):
    """About 1.8 lines per order, spread evenly from 1 November 2025."""
    start = datetime.datetime(2025, 11, 1)
    step = 365 * 86400 / (lines / 1.5)
    written, order = 0, 0
    while written < lines:
        order += 1
        at = start + datetime.timedelta(seconds=int(order * step))
        for line in range(rng.choice([1, 1, 2, 2, 3])):
            if written == lines:
                break
            price = f"{rng.randint(5, 90)}.{rng.randint(0, 99):02d}"
            yield (f"114-{order:07d}\t{stamp(at)}\t{stamp(at)}\tShipped\tS{line}-{rng.randint(1, 40)}\t"
                   f"{rng.randint(1, 3)}\tUSD\t{price}\t0.00\t0.00")
            written += 1


def main():
    lines, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261122)
    workspace = os.path.join(out, "workspace")
    os.makedirs(os.path.join(workspace, "inbox", "amazon"), exist_ok=True)
    with open(os.path.join(workspace, "kpibridge.yaml"), "w") as f:
        f.write("store: sqlite:.kpibridge/warehouse.sqlite\nsources:\n"
                "  - connector: amazon.all_orders\n    files: inbox/amazon/*.txt\n    shop: amazon-us\n")
    with open(os.path.join(workspace, "definitions.yaml"), "w") as f:
        f.write("profiles:\n"
                "  cn: { version: 1, timezone: Asia/Shanghai, shipped: label_printed, sales: gross, currency: CNY }\n"
                "  us: { version: 1, timezone: America/Los_Angeles, shipped: carrier_first_scan, sales: net, currency: USD }\n"
                "fx:\n  max_carry_days: 7\n")
    with open(os.path.join(workspace, "fx_rates.csv"), "w") as f:
        f.write("date,from,to,rate\n")
        day = datetime.date(2025, 10, 20)
        while day <= datetime.date(2026, 12, 31):
            f.write(f"{day},USD,CNY,7.{10 + day.day % 20:02d}\n")
            day += datetime.timedelta(days=1)
    body = list(orders(lines, rng))
    with open(os.path.join(workspace, "inbox", "amazon", "All_Orders_history.txt"), "w") as f:
        f.write(HEADER + "\n" + "\n".join(body) + "\n")
    # The night: the last orders re-sent with a later update and a price one dollar higher, and new orders
    # on the day after the last.
    share = max(1, lines // 200)
    last = datetime.datetime.fromisoformat(body[-1].split("\t")[1][:19])
    updated = stamp(last + datetime.timedelta(hours=6))
    night = []
    for row in body[-share:]:
        cells = row.split("\t")
        cells[2], cells[7] = updated, f"{float(cells[7]) + 1:.2f}"
        night.append("\t".join(cells))
    for i in range(share):
        at = last.replace(hour=0, minute=0, second=0) + datetime.timedelta(days=1, seconds=i * 86000 // share)
        night.append(f"115-{i:07d}\t{stamp(at)}\t{stamp(at)}\tShipped\tS0-{i % 40}\t1\tUSD\t{10 + i % 50}.00\t0.00\t0.00")
    with open(os.path.join(out, "night.txt"), "w") as f:
        f.write(HEADER + "\n" + "\n".join(night) + "\n")


if __name__ == "__main__":
    main()
