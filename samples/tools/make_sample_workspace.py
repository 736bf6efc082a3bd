#!/usr/bin/env python3
"""Writes the sample workspace's exports, deterministically (fixed seed), in the real layouts.

Two shops over September and October 2026: an Amazon US seller-fulfilled shop (All Orders TSV,
an October re-send overlapping the September file with updated statuses, one malformed line) and
a Shopify store (orders CSV, multi-line orders, refunds, cancellations, a quoted note spanning
lines), plus the 马帮 ERP shipment export in GB18030 with label / outbound / first-scan times in
Beijing time and a 合计 total row. Two hand-placed orders sit on month boundaries so the China and
US teams' definitions put them in different months.

Run from the repository root:  python3 samples/tools/make_sample_workspace.py
"""
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

UTC = timezone.utc
BEIJING = timezone(timedelta(hours=8))
PACIFIC_DST = timezone(timedelta(hours=-7))  # America/Los_Angeles in Sep/Oct 2026 (PDT)

ROOT = Path(__file__).resolve().parent.parent / "workspace"
rng = random.Random(20261031)

AMAZON_PRODUCTS = [
    ("PC-1818-BEIGE", "B0C1PILL01", '18" x 18" Linen Pillow Cover, Beige', "12.99"),
    ("PC-1212-GREY", "B0C1PILL02", '12" x 20" Lumbar Pillow Cover, Grey', "10.49"),
    ("LED-STRIP-5M", "B0C2LED005", "LED Strip Lights 5m, RGB, App Control", "19.99"),
    ("MAT-YOGA-6MM", "B0C3YOGA06", "Yoga Mat 6mm Non-Slip, Purple", "24.50"),
    ("BOT-SS-750", "B0C4BOTL75", "Stainless Steel Water Bottle 750ml", "15.99"),
    ("ORG-DESK-3T", "B0C5DESK3T", "Desk Organizer, 3 Tier, Bamboo", "29.99"),
]
SHOPIFY_PRODUCTS = [
    ("HB-CAMP-LT", "Camping Lantern - Warm White", "32.00"),
    ("HB-TENT-2P", "Ultralight Tent 2P", "149.00"),
    ("HB-STOVE-M", "Mini Gas Stove", "39.50"),
    ("HB-MUG-TI", "Titanium Mug 450ml", "22.00"),
    ("HB-CHAIR-F", "Folding Camp Chair", "58.00"),
]

AMAZON_HEADER = ("amazon-order-id merchant-order-id purchase-date last-updated-date order-status "
                 "fulfillment-channel sales-channel order-channel url ship-service-level product-name sku asin "
                 "item-status quantity currency item-price item-tax shipping-price shipping-tax gift-wrap-price "
                 "gift-wrap-tax item-promotion-discount ship-promotion-discount ship-city ship-state "
                 "ship-postal-code ship-country promotion-ids is-business-order purchase-order-number "
                 "price-designation").split()

SHOPIFY_HEADER = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at",
                  "Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code",
                  "Discount Amount", "Shipping Method", "Created at", "Lineitem quantity", "Lineitem name",
                  "Lineitem price", "Lineitem compare at price", "Lineitem sku", "Lineitem requires shipping",
                  "Lineitem taxable", "Lineitem fulfillment status", "Billing Name", "Shipping City",
                  "Shipping Province", "Shipping Country", "Notes", "Note Attributes", "Cancelled at",
                  "Payment Method", "Refunded Amount", "Vendor", "Id", "Tags", "Risk Level", "Source"]

ERP_HEADER = ["订单编号", "平台订单号", "平台", "店铺名称", "订单状态", "付款时间", "交运时间", "发货时间", "上网时间",
              "运单号", "物流方式", "币种", "退款金额", "退款时间"]


def iso(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def shopify_time(t):
    return t.astimezone(PACIFIC_DST).strftime("%Y-%m-%d %H:%M:%S -0700")


def beijing(t):
    return t.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S") if t else ""


def money(x):
    return f"{x:.2f}"


def random_time(start, end):
    span = int((end - start).total_seconds())
    return start + timedelta(seconds=rng.randrange(span))


def ladder(paid, late_cutoff):
    """Label printed, outbound and first carrier scan after payment; the scan may not have happened yet."""
    label = paid + timedelta(hours=rng.uniform(3, 40))
    outbound = label + timedelta(hours=rng.uniform(2, 14))
    scan = outbound + timedelta(hours=rng.uniform(3, 30))
    if scan > late_cutoff:
        scan = None
    return label, outbound, scan


def make_amazon():
    orders = []
    start, end = datetime(2026, 9, 1, tzinfo=UTC), datetime(2026, 10, 31, 6, 0, tzinfo=UTC)
    for n in range(150):
        purchased = random_time(start, end)
        oid = f"112-{rng.randrange(10**6, 10**7)}-{rng.randrange(10**6, 10**7)}"
        lines = []
        for product in rng.sample(AMAZON_PRODUCTS, rng.choice([1, 1, 1, 2, 2, 3])):
            qty = rng.choice([1, 1, 1, 2, 4])
            lines.append((product, qty))
        cancelled = rng.random() < 0.06
        orders.append({"id": oid, "purchased": purchased, "lines": lines, "cancelled": cancelled})
    # Month-end cases: bought 13:00 on 30 Sep in Los Angeles = 04:00 on 1 Oct in Beijing, and an order whose
    # label is printed at 20:05 on 31 Oct Beijing time but first scanned at 09:12 on 1 Nov Los Angeles time.
    orders.append({"id": "112-0930130-0000001", "purchased": datetime(2026, 9, 30, 20, 0, tzinfo=UTC),
                   "lines": [(AMAZON_PRODUCTS[0], 2)], "cancelled": False})
    orders.append({"id": "112-1031200-0000002", "purchased": datetime(2026, 10, 30, 23, 40, tzinfo=UTC),
                   "lines": [(AMAZON_PRODUCTS[2], 1)], "cancelled": False,
                   "ladder": (datetime(2026, 10, 31, 20, 5, tzinfo=BEIJING),
                              datetime(2026, 11, 1, 2, 30, tzinfo=BEIJING),
                              datetime(2026, 11, 1, 9, 12, tzinfo=PACIFIC_DST))})
    orders.sort(key=lambda o: o["purchased"])
    return orders


def amazon_rows(order, exported_at, as_of):
    """Rows of one order as an export taken at `as_of` shows it."""
    p = order["purchased"]
    age = as_of - p
    if order["cancelled"]:
        status, updated = "Cancelled", p + timedelta(hours=2)
    elif age < timedelta(days=2):
        status, updated = "Pending", p + timedelta(minutes=30)
    else:
        status, updated = "Shipped", p + timedelta(days=2, hours=3)
    updated = min(updated, exported_at)
    rows = []
    for (sku, asin, name, price), qty in order["lines"]:
        pending = status == "Pending"
        line_total = money(float(price) * qty)
        tax = money(float(price) * qty * 0.0725)
        rows.append([order["id"], "", iso(p), iso(updated), status, "Merchant", "Amazon.com", "",
                     "", "Standard", name, sku, asin, "Shipped" if status == "Shipped" else status,
                     str(qty), "" if pending else "USD", "" if pending else line_total, "" if pending else tax,
                     "" if pending else "0.00", "" if pending else "0.00", "", "", "", "",
                     "SEATTLE", "WA", "98101", "US", "", "false", "", ""])
    return rows


def write_amazon(orders):
    folder = ROOT / "inbox" / "amazon"
    folder.mkdir(parents=True, exist_ok=True)
    sept_export = datetime(2026, 10, 5, 6, 0, tzinfo=UTC)
    oct_export = datetime(2026, 11, 1, 6, 0, tzinfo=UTC)
    first = [o for o in orders if o["purchased"] < sept_export]
    second = [o for o in orders if o["purchased"] >= datetime(2026, 10, 1, tzinfo=UTC)]
    with open(folder / "All_Orders_20260901-20261005.txt", "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(AMAZON_HEADER) + "\n")
        for o in first:
            for row in amazon_rows(o, sept_export, sept_export):
                f.write("\t".join(row) + "\n")
    with open(folder / "All_Orders_20261001-20261031.txt", "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(AMAZON_HEADER) + "\n")
        for i, o in enumerate(second):
            rows = amazon_rows(o, oct_export, oct_export)
            if i == 40:
                rows[0][16] = "19.9O"  # the malformed line: a letter O typed for a zero
            for row in rows:
                f.write("\t".join(row) + "\n")


def make_shopify():
    orders = []
    start, end = datetime(2026, 9, 1, 7, 0, tzinfo=UTC), datetime(2026, 10, 31, 20, 0, tzinfo=UTC)
    for n in range(110):
        created = random_time(start, end)
        lines = [(p, rng.choice([1, 1, 2])) for p in rng.sample(SHOPIFY_PRODUCTS, rng.choice([1, 1, 2, 3]))]
        roll = rng.random()
        orders.append({"name": f"#{1001 + n}", "created": created, "lines": lines,
                       "cancelled": roll < 0.05, "refund": 0.05 <= roll < 0.13})
    orders.sort(key=lambda o: o["created"])
    for i, o in enumerate(orders):
        o["name"] = f"#{1001 + i}"
    return orders


def buyer(i):
    """Which customer placed order i: most are new, some come back about a week later (every fourth order
    from #1010 on) or about a month later (every tenth from #1056 on), so repeat-purchase and retention rates
    have buyers who cross a week's and a month's boundary. Fixed, so the rest of the file does not move."""
    if i >= 55 and i % 10 == 7:
        return buyer(i - 50)
    if i >= 9 and i % 4 == 1:
        return buyer(i - 9)
    return i


def write_shopify(orders):
    folder = ROOT / "inbox" / "shopify"
    folder.mkdir(parents=True, exist_ok=True)
    export_at = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    with open(folder / "orders_export_1.csv", "w", encoding="utf-8", newline="") as f:
        f.write(",".join(SHOPIFY_HEADER) + "\n")
        for i, o in enumerate(orders):
            created = o["created"]
            paid = created + timedelta(seconds=rng.randrange(5, 120))
            subtotal = sum(float(p[2]) * q for p, q in o["lines"])
            shipping = 0.0 if subtotal >= 99 else 6.95
            taxes = round(subtotal * 0.08, 2)
            total = subtotal + shipping + taxes
            label, outbound, _ = ladder(paid, export_at)
            fulfilled = outbound if not o["cancelled"] and outbound < export_at else None
            o["paid"], o["fulfilled"] = paid, fulfilled
            refunded = round(float(o["lines"][0][0][2]), 2) if o["refund"] else 0.0
            if o["cancelled"]:
                financial, refunded = "refunded", total
            elif o["refund"]:
                financial = "partially_refunded"
            else:
                financial = "paid"
            o["refunded"] = refunded
            note = ""
            if i == 7:
                note = 'Gift wrap please.\nLeave at the "back door".'
            for j, ((sku, name, price), qty) in enumerate(o["lines"]):
                first = j == 0
                row = {h: "" for h in SHOPIFY_HEADER}
                row.update({"Name": o["name"], "Email": f"customer{buyer(i)}@example.com",
                            "Lineitem quantity": str(qty), "Lineitem name": name, "Lineitem price": price,
                            "Lineitem sku": sku, "Lineitem requires shipping": "true", "Lineitem taxable": "true",
                            "Lineitem fulfillment status": "fulfilled" if fulfilled else "pending",
                            "Vendor": "Harbor Outdoors"})
                if first:
                    row.update({"Financial Status": financial, "Paid at": shopify_time(paid),
                                "Fulfillment Status": "fulfilled" if fulfilled else "unfulfilled",
                                "Fulfilled at": shopify_time(fulfilled) if fulfilled else "",
                                "Accepts Marketing": "no", "Currency": "USD", "Subtotal": money(subtotal),
                                "Shipping": money(shipping), "Taxes": money(taxes), "Total": money(total),
                                "Discount Amount": "0.00", "Shipping Method": "Standard",
                                "Created at": shopify_time(created), "Billing Name": f"Customer {i}",
                                "Shipping City": "Portland", "Shipping Province": "OR", "Shipping Country": "US",
                                "Notes": note,
                                "Cancelled at": shopify_time(created + timedelta(hours=5)) if o["cancelled"] else "",
                                "Payment Method": "Shopify Payments",
                                "Refunded Amount": money(refunded) if refunded else "0.00",
                                "Id": str(5_600_000_000_000 + i), "Risk Level": "Low", "Source": "web"})
                f.write(",".join(csv_cell(row[h]) for h in SHOPIFY_HEADER) + "\n")


def csv_cell(text):
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_erp(amazon, shopify):
    folder = ROOT / "inbox" / "erp"
    folder.mkdir(parents=True, exist_ok=True)
    export_at = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)
    rows = []
    n = 0
    for o in amazon:
        if o["cancelled"]:
            continue
        paid = o["purchased"]
        label, outbound, scan = o.get("ladder") or ladder(paid, export_at)
        refund, refunded_at = "", ""
        if rng.random() < 0.07:
            first_line = o["lines"][0]
            refund = money(float(first_line[0][3]) * first_line[1])
            refunded_at = beijing(outbound + timedelta(days=rng.uniform(4, 12)))
            if refunded_at > "2026-11-02":
                refund, refunded_at = "", ""
        n += 1
        rows.append([f"MB{26090000 + n}", o["id"], "Amazon", "amazon-us", "已发货", beijing(paid), beijing(label),
                     beijing(outbound), beijing(scan), f"9400111{rng.randrange(10**14, 10**15)}", "USPS Ground Advantage",
                     "USD", refund, refunded_at])
    for o in shopify:
        if o["cancelled"] or not o["fulfilled"]:
            continue
        label = o["fulfilled"] - timedelta(hours=rng.uniform(2, 10))
        scan = o["fulfilled"] + timedelta(hours=rng.uniform(3, 30))
        n += 1
        rows.append([f"MB{26090000 + n}", o["name"], "Shopify", "shopify-dtc", "已发货", beijing(o["paid"]), beijing(label),
                     beijing(o["fulfilled"]), beijing(scan if scan < export_at else None),
                     f"1Z999AA1{rng.randrange(10**9, 10**10)}", "UPS Ground", "USD", "", ""])
    rows.sort(key=lambda r: r[6])
    total_row = ["合计", "", "", "", "", "", "", "", "", "", "", "", money(sum(float(r[12] or 0) for r in rows)), ""]
    with open(folder / "马帮订单导出_202609-202610.csv", "w", encoding="gb18030", newline="") as f:
        f.write(",".join(ERP_HEADER) + "\r\n")
        for row in rows:
            f.write(",".join(csv_cell(c) for c in row) + "\r\n")
        f.write(",".join(total_row) + "\r\n")


def write_fx():
    """USD→CNY on business days only, so weekends exercise the carry-forward of the last rate."""
    day, rate = datetime(2026, 8, 24), 7.1300
    with open(ROOT / "fx_rates.csv", "w", encoding="utf-8", newline="") as f:
        f.write("date,from,to,rate\n")
        while day <= datetime(2026, 11, 30):
            if day.weekday() < 5:
                rate = round(rate + rng.uniform(-0.012, 0.012), 4)
                f.write(f"{day:%Y-%m-%d},USD,CNY,{rate:.4f}\n")
            day += timedelta(days=1)


def main():
    write_fx()
    amazon = make_amazon()
    shopify = make_shopify()
    write_amazon(amazon)
    write_shopify(shopify)
    write_erp(amazon, shopify)


if __name__ == "__main__":
    main()
