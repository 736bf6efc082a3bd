#!/usr/bin/env python3
"""Writes a benchmark workspace: N marketplace order lines over a year, in the layouts sellers download.

    generate.py LINES DIR [--seed S]

DIR/workspace gets kpibridge.yaml, definitions.yaml (cn and us, reconciled), daily USD/CNY rates and an inbox:

- inbox/amazon/All_Orders_<from>-<to>.txt — Amazon All Orders TSV, one file per month, all 32 columns, UTC
  times, item-price as the line total, empty prices on pending orders, literal quotes in product names;
- inbox/shopify/orders_export_<month>.csv — Shopify's order export, one row per line item with the order's
  fields on its first row only, times in the shop's zone (-0700/-0800), refunds and voided orders;
- inbox/erp/马帮订单导出_<month>.csv — the 马帮 ERP export in GB18030 with a 合计 row: label, outbound and
  first-scan times in Beijing time for merchant-fulfilled Amazon and Shopify orders, refunds;
- inbox/amazon/ads/Sponsored_Products_<month>.csv — the Sponsored Products advertised product report, one row
  per day and campaign, spend and 7-day sales in USD (some days no attributed order: sales 0);
- inbox/finance/sku_costs.csv — every SKU's unit cost in USD from before the first order, a tenth of them
  changed mid-year (a new supplier), for cogs and gross margin.

Each monthly marketplace file also re-sends its previous month's last day (a few percent of the lines,
some with a later update and a new status), as real exports overlap. DIR/night/ holds the next night's
exports: 1 % of LINES as new orders the day after the last, plus re-sent recent orders that changed.

LINES counts Amazon and Shopify order lines (the ERP rows describe those orders). Fixed seed: the same
arguments write the same bytes on every machine.
"""
import argparse
import datetime as dt
import os
import random

START = dt.datetime(2025, 12, 1)
DAYS = 365
UTC = dt.timezone.utc
BEIJING = dt.timezone(dt.timedelta(hours=8))

AD_COLUMNS = ["Date", "Portfolio name", "Currency", "Campaign Name", "Ad Group Name", "Advertised SKU", "Advertised ASIN",
              "Impressions", "Clicks", "Click-Thru Rate (CTR)", "Cost Per Click (CPC)", "Spend", "7 Day Total Sales",
              "Total Advertising Cost of Sales (ACOS)", "Total Return on Advertising Spend (ROAS)", "7 Day Total Orders (#)",
              "7 Day Total Units (#)"]
AMAZON_COLUMNS = [
    "amazon-order-id", "merchant-order-id", "purchase-date", "last-updated-date", "order-status",
    "fulfillment-channel", "sales-channel", "order-channel", "url", "ship-service-level", "product-name", "sku",
    "asin", "item-status", "quantity", "currency", "item-price", "item-tax", "shipping-price", "shipping-tax",
    "gift-wrap-price", "gift-wrap-tax", "item-promotion-discount", "ship-promotion-discount", "ship-city",
    "ship-state", "ship-postal-code", "ship-country", "promotion-ids", "is-business-order", "purchase-order-number",
    "price-designation"]
SHOPIFY_COLUMNS = [
    "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Accepts Marketing",
    "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Shipping Method",
    "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price",
    "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status", "Billing Name",
    "Shipping City", "Shipping Province", "Shipping Country", "Notes", "Cancelled at", "Payment Method",
    "Refunded Amount", "Vendor", "Id", "Tags", "Risk Level", "Source"]
ERP_COLUMNS = ["订单编号", "平台订单号", "平台", "店铺名称", "订单状态", "付款时间", "交运时间", "发货时间", "上网时间",
               "运单号", "物流方式", "币种", "退款金额", "退款时间"]
CITIES = [("SEATTLE", "WA", "98101"), ("AUSTIN", "TX", "78701"), ("BROOKLYN", "NY", "11201"),
          ("DENVER", "CO", "80202"), ("MIAMI", "FL", "33101"), ("PORTLAND", "OR", "97201")]
PRODUCTS = ["Stainless Steel Water Bottle 750ml", '12" x 20" Lumbar Pillow Cover, Grey', "Folding Camp Chair",
            "Titanium Mug 450ml", "Mini Gas Stove", "Ultralight Tent 2P", "LED Desk Lamp", "Yoga Mat 6mm",
            "Silicone Baking Mat", "Bamboo Cutting Board"]


class Catalog:
    """300 SKUs with list prices between about 5 and 200 USD (log-normal, as catalogs are)."""

    def __init__(self, rng):
        self.items = []
        for i in range(300):
            price = min(199.0, max(4.99, round(rng.lognormvariate(3.2, 0.7), 0) - 0.01))
            self.items.append((f"SKU-{i:03d}", f"B0{rng.randrange(10**7, 10**8)}", PRODUCTS[i % len(PRODUCTS)], price))

    def pick(self, rng):
        # A few best sellers, a long tail.
        return self.items[min(int(rng.paretovariate(1.2)) - 1, len(self.items) - 1) if rng.random() < 0.5
                          else rng.randrange(len(self.items))]


def money(value):
    return f"{value:.2f}"


def la_offset(moment):
    """Los Angeles' UTC offset on a UTC moment (second Sunday of March to first Sunday of November)."""
    year = moment.year
    march = dt.datetime(year, 3, 8) + dt.timedelta(days=(6 - dt.datetime(year, 3, 8).weekday()) % 7)
    november = dt.datetime(year, 11, 1) + dt.timedelta(days=(6 - dt.datetime(year, 11, 1).weekday()) % 7)
    summer = march + dt.timedelta(hours=10) <= moment.replace(tzinfo=None) < november + dt.timedelta(hours=9)
    return dt.timezone(dt.timedelta(hours=-7 if summer else -8))


def shop_time(moment):
    local = moment.astimezone(la_offset(moment))
    return local.strftime("%Y-%m-%d %H:%M:%S %z")


def beijing(moment):
    return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S")


def amazon_time(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def order_moments(lines, rng, start, days):
    """Purchase moments (UTC) from `start` over `days` days for orders carrying about `lines` lines, busier
    on weekends and in December."""
    per_order = 1.75
    count = int(lines / per_order) + 1
    weights = []
    for day in range(days):
        date = start + dt.timedelta(days=day)
        weights.append((1.25 if date.weekday() >= 5 else 1.0) * (1.4 if date.month == 12 else 1.0))
    total = sum(weights)
    moments = []
    for day, weight in enumerate(weights):
        for _ in range(round(count * weight / total)):
            moments.append(start.replace(tzinfo=UTC) + dt.timedelta(days=day, seconds=rng.randrange(86400)))
    moments.sort()
    return moments


def build_orders(lines, rng, catalog, start=START, days=DAYS, numbers=(0, 1000, 0)):
    """Orders as dicts, 60 % Amazon and 40 % Shopify, until `lines` lines exist; `numbers` are where the
    Amazon, Shopify and ERP order numbers start."""
    orders, written = [], 0
    amazon_seq, shopify_seq, erp_seq = numbers
    for moment in order_moments(lines, rng, start, days):
        if written >= lines:
            break
        count = min(rng.choices([1, 2, 3, 4], weights=[55, 25, 12, 8])[0], lines - written)
        items = []
        for _ in range(count):
            sku, asin, name, price = catalog.pick(rng)
            if any(item[0] == sku for item in items):
                continue
            quantity = rng.choices([1, 2, 3, 4], weights=[70, 20, 7, 3])[0]
            items.append((sku, asin, name, price, quantity))
        written += len(items)
        amazon = rng.random() < 0.6
        roll = rng.random()
        if amazon:
            amazon_seq += 1
            status = "Cancelled" if roll < 0.03 else "Pending" if roll < 0.05 else "Shipped"
            oid = f"11{rng.randrange(2, 4)}-{rng.randrange(10**6, 10**7)}-{amazon_seq:07d}"
            merchant = rng.random() < 0.4
        else:
            shopify_seq += 1
            status = "voided" if roll < 0.02 else "pending" if roll < 0.04 else "refunded" if roll < 0.06 else "paid"
            oid = f"#{shopify_seq}"
            merchant = True
        order = {"channel": "amazon" if amazon else "shopify", "id": oid, "at": moment, "status": status,
                 "items": items, "merchant": merchant, "city": rng.choice(CITIES), "customer": rng.randrange(10**6)}
        if status in ("Shipped", "paid", "refunded"):
            label = moment + dt.timedelta(hours=rng.uniform(4, 40))
            order["label"] = label
            order["outbound"] = label + dt.timedelta(hours=rng.uniform(1, 12))
            order["scan"] = order["outbound"] + dt.timedelta(hours=rng.uniform(2, 30))
            order["updated"] = order["scan"] + dt.timedelta(hours=rng.uniform(1, 48))
        else:
            order["updated"] = moment + dt.timedelta(minutes=rng.randrange(5, 600))
        if status == "refunded" or (status in ("Shipped", "paid") and rng.random() < 0.02):
            subtotal = sum(item[3] * item[4] for item in items)
            order["refund"] = (round(subtotal * rng.choice([0.3, 0.5, 1.0]), 2),
                               order.get("scan", moment) + dt.timedelta(days=rng.uniform(2, 20)))
        if merchant and "label" in order:
            erp_seq += 1
            order["erp"] = f"MB{erp_seq:08d}"
            order["tracking"] = f"94001116{rng.randrange(10**13, 10**14)}"
        orders.append(order)
    return orders


def amazon_rows(order):
    out = []
    city, state, postal = order["city"]
    for sku, asin, name, price, quantity in order["items"]:
        pending = order["status"] == "Pending"
        total = price * quantity
        tax = round(total * 0.0825, 2)
        item_status = {"Shipped": "Shipped", "Pending": "Unshipped", "Cancelled": "Cancelled"}[order["status"]]
        values = {
            "amazon-order-id": order["id"], "purchase-date": amazon_time(order["at"]),
            "last-updated-date": amazon_time(order["updated"]), "order-status": order["status"],
            "fulfillment-channel": "Merchant" if order["merchant"] else "Amazon", "sales-channel": "Amazon.com",
            "ship-service-level": "Standard", "product-name": name, "sku": sku, "asin": asin,
            "item-status": item_status, "quantity": str(quantity), "currency": "USD",
            "item-price": "" if pending else money(total), "item-tax": "" if pending else money(tax),
            "shipping-price": "" if pending else "0.00", "shipping-tax": "" if pending else "0.00",
            "ship-city": city, "ship-state": state, "ship-postal-code": postal, "ship-country": "US",
            "is-business-order": "false",
        }
        out.append("\t".join(values.get(column, "") for column in AMAZON_COLUMNS))
    return out


def csv_cell(text):
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


def shopify_rows(order):
    out = []
    subtotal = sum(item[3] * item[4] for item in order["items"])
    taxes = round(subtotal * 0.08, 2)
    city, state, _ = order["city"]
    status = order["status"]
    for index, (sku, _, name, price, quantity) in enumerate(order["items"]):
        values = {"Name": order["id"], "Email": f"customer{order['customer']}@example.com", "Lineitem quantity": str(quantity),
                  "Lineitem name": name, "Lineitem price": money(price), "Lineitem sku": sku,
                  "Lineitem requires shipping": "true", "Lineitem taxable": "true",
                  "Lineitem fulfillment status": "fulfilled" if "scan" in order else "pending", "Vendor": "Harbor Outdoors"}
        if index == 0:
            values.update({
                "Financial Status": status, "Paid at": "" if status in ("pending", "voided") else shop_time(order["at"] + dt.timedelta(seconds=90)),
                "Fulfillment Status": "fulfilled" if "outbound" in order else "unfulfilled",
                "Fulfilled at": shop_time(order["outbound"]) if "outbound" in order else "", "Accepts Marketing": "no",
                "Currency": "USD", "Subtotal": money(subtotal), "Shipping": "0.00", "Taxes": money(taxes),
                "Total": money(subtotal + taxes), "Discount Amount": "0.00", "Shipping Method": "Standard",
                "Created at": shop_time(order["at"]), "Billing Name": f"Customer {order['customer']}",
                "Shipping City": city.title(), "Shipping Province": state, "Shipping Country": "US",
                "Cancelled at": shop_time(order["updated"]) if status == "voided" else "",
                "Payment Method": "Shopify Payments",
                "Refunded Amount": money(order["refund"][0]) if "refund" in order else "0.00",
                "Id": str(5_600_000_000_000 + int(order["id"][1:])), "Risk Level": "Low", "Source": "web"})
        out.append(",".join(csv_cell(values.get(column, "")) for column in SHOPIFY_COLUMNS))
    return out


def erp_row(order):
    refund = order.get("refund")
    return ",".join([
        order["erp"], order["id"], "Amazon" if order["channel"] == "amazon" else "Shopify",
        "amazon-us" if order["channel"] == "amazon" else "shopify-dtc", "已发货", beijing(order["at"]),
        beijing(order["label"]), beijing(order["outbound"]), beijing(order["scan"]), order["tracking"],
        "USPS Ground Advantage", "USD", money(refund[0]) if refund else "", beijing(refund[1]) if refund else ""])


def erp_rows(orders):
    """The 合计 (total) row the ERP puts first, then one row per order."""
    refunds = sum(o["refund"][0] for o in orders if "refund" in o)
    total = ["合计", f"{len(orders)}单"] + [""] * (len(ERP_COLUMNS) - 4) + [money(refunds), ""]
    return [",".join(total)] + [erp_row(o) for o in orders]


def month_key(moment):
    return moment.strftime("%Y-%m")


def write(path, header, rows, encoding="utf-8", newline="\n"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(newline.join([header] + rows) + newline)


def resend(order, rng):
    """The same order in a later export: mostly identical, sometimes updated (pending → shipped)."""
    if order["status"] in ("Pending", "pending") and rng.random() < 0.5:
        order = dict(order, status="Shipped" if order["channel"] == "amazon" else "paid",
                     updated=order["updated"] + dt.timedelta(days=1))
    return order


def write_month_files(orders, inbox, rng):
    """Monthly files per channel; each re-sends the previous month's last day."""
    months = sorted({month_key(o["at"]) for o in orders})
    by_month = {m: [o for o in orders if month_key(o["at"]) == m] for m in months}
    for index, month in enumerate(months):
        chosen = list(by_month[month])
        if index > 0:
            previous = by_month[months[index - 1]]
            last_day = previous[-1]["at"].date()
            chosen = [resend(o, rng) for o in previous if o["at"].date() == last_day] + chosen
        amazon = [o for o in chosen if o["channel"] == "amazon"]
        shopify = [o for o in chosen if o["channel"] == "shopify"]
        first, last = chosen[0]["at"].strftime("%Y%m%d"), chosen[-1]["at"].strftime("%Y%m%d")
        write(os.path.join(inbox, "amazon", f"All_Orders_{first}-{last}.txt"), "\t".join(AMAZON_COLUMNS),
              [row for o in amazon for row in amazon_rows(o)])
        write(os.path.join(inbox, "shopify", f"orders_export_{month.replace('-', '')}.csv"), ",".join(SHOPIFY_COLUMNS),
              [row for o in shopify for row in shopify_rows(o)])
        erp = [o for o in by_month[month] if "erp" in o]
        write(os.path.join(inbox, "erp", f"马帮订单导出_{month.replace('-', '')}.csv"), ",".join(ERP_COLUMNS),
              erp_rows(erp), encoding="gb18030", newline="\r\n")


def write_costs(catalog, inbox):
    """Unit costs about 40 % of list price from before the data; every tenth SKU 10 % dearer from 1 June 2026."""
    rows = []
    for index, (sku, _, _, price) in enumerate(catalog.items):
        rows.append(f"{sku},2025-01-01,{money(price * 0.4)},USD")
        if index % 10 == 0:
            rows.append(f"{sku},2026-06-01,{money(price * 0.44)},USD")
    write(os.path.join(inbox, "finance", "sku_costs.csv"), "SKU,Effective From,Unit Cost,Currency", rows)


def write_ads(catalog, inbox, rng):
    """Three campaigns a day over the year, one report per month."""
    by_month = {}
    for offset in range(DAYS):
        day = (START + dt.timedelta(days=offset)).date()
        for campaign in range(3):
            sku, asin, _, _ = catalog.items[campaign * 7]
            clicks = rng.randrange(5, 120)
            spend = round(clicks * rng.uniform(0.4, 1.6), 2)
            orders = rng.randrange(0, 8) if rng.random() > 0.1 else 0
            sales = round(orders * rng.uniform(15, 60), 2)
            by_month.setdefault(day.strftime("%Y%m"), []).append(",".join([
                day.isoformat(), "", "USD", f"SP - Campaign {campaign + 1}", f"Group {campaign + 1}", sku, asin,
                str(clicks * 40), str(clicks), "", "", money(spend), money(sales), "", "", str(orders), str(orders)]))
    for month, rows in by_month.items():
        write(os.path.join(inbox, "amazon", "ads", f"Sponsored_Products_{month}.csv"), ",".join(AD_COLUMNS), rows)


def write_config(workspace):
    with open(os.path.join(workspace, "kpibridge.yaml"), "w") as f:
        f.write("""store: sqlite:.kpibridge/warehouse.sqlite
sources:
  - connector: amazon.all_orders
    files: inbox/amazon/*.txt
    shop: amazon-us
  - connector: shopify.orders
    files: inbox/shopify/*.csv
    shop: shopify-dtc
  - connector: mabang.orders
    files: inbox/erp/*.csv
  - connector: amazon.sp_advertised_product
    files: inbox/amazon/ads/*.csv
    shop: amazon-us
  - connector: finance.sku_costs
    files: inbox/finance/*.csv
""")
    with open(os.path.join(workspace, "definitions.yaml"), "w") as f:
        f.write("""profiles:
  cn: { version: 1, timezone: Asia/Shanghai, shipped: label_printed, sales: gross, currency: CNY }
  us: { version: 1, timezone: America/Los_Angeles, shipped: carrier_first_scan, sales: net, currency: USD }
reconcile:
  pairs: [[cn, us]]
fx:
  max_carry_days: 7
""")
    with open(os.path.join(workspace, "fx_rates.csv"), "w") as f:
        f.write("date,from,to,rate\n")
        day = (START - dt.timedelta(days=10)).date()
        while day <= (START + dt.timedelta(days=DAYS + 40)).date():
            f.write(f"{day},USD,CNY,{7.10 + (day.toordinal() % 23) / 100:.4f}\n")
            day += dt.timedelta(days=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lines", type=int)
    parser.add_argument("dir")
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    catalog = Catalog(rng)
    workspace = os.path.join(args.dir, "workspace")
    os.makedirs(workspace, exist_ok=True)
    write_config(workspace)
    orders = build_orders(args.lines, rng, catalog)
    write_month_files(orders, os.path.join(workspace, "inbox"), rng)
    # Their own generator, so the order files stay byte for byte what they were before costs and ads existed.
    write_costs(catalog, os.path.join(workspace, "inbox"))
    write_ads(catalog, os.path.join(workspace, "inbox"), random.Random(args.seed + 2))

    # The next night: new orders on the day after the last (1 % of the lines) and the last two days'
    # orders exported again, some of them changed since.
    night_lines = max(1, args.lines // 100)
    last = orders[-1]["at"]
    next_day = last.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None) + dt.timedelta(days=1)
    numbers = (len(orders) + 1, 9_000_000, len(orders) + 1)
    fresh = build_orders(night_lines, random.Random(args.seed + 1), catalog, start=next_day, days=1, numbers=numbers)
    recent = [resend(o, rng) for o in orders if o["at"] >= last - dt.timedelta(days=2)]
    night = os.path.join(args.dir, "night")
    amazon = [o for o in recent + fresh if o["channel"] == "amazon"]
    shopify = [o for o in recent + fresh if o["channel"] == "shopify"]
    day = (last + dt.timedelta(days=1)).strftime("%Y%m%d")
    write(os.path.join(night, "amazon", f"All_Orders_night_{day}.txt"), "\t".join(AMAZON_COLUMNS),
          [row for o in amazon for row in amazon_rows(o)])
    write(os.path.join(night, "shopify", f"orders_export_night_{day}.csv"), ",".join(SHOPIFY_COLUMNS),
          [row for o in shopify for row in shopify_rows(o)])
    write(os.path.join(night, "erp", f"马帮订单导出_night_{day}.csv"), ",".join(ERP_COLUMNS),
          erp_rows([o for o in fresh if "erp" in o]), encoding="gb18030", newline="\r\n")


if __name__ == "__main__":
    main()
