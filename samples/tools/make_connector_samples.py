#!/usr/bin/env python3
"""Writes one small, realistic export per connector into the sample workspace inbox.

Every row is written out here (no randomness), in the layouts the vendors' exports use (README "Connectors"), so the
golden tests can state exactly what each file yields. Order ids match the orders of
make_sample_workspace.py, so returns, settlements, tracking and warehouse events attach to them.
Each file holds at least one row a careful reader must handle (a total row, a footer, a
label-created scan, an empty optional cell, a bad value that is quarantined).

Run from the repository root:  python3 samples/tools/make_connector_samples.py
"""
import json
from datetime import date, datetime, timedelta
from pathlib import Path

from xlsx_writer import write_xlsx

INBOX = Path(__file__).resolve().parent.parent / "workspace" / "inbox"


def write(rel, text, encoding="utf-8", newline="\n"):
    path = INBOX / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode(encoding))


def tsv(rows):
    return "".join("\t".join(row) + "\n" for row in rows)


def csv(rows):
    def cell(v):
        v = str(v)
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v
    return "".join(",".join(cell(v) for v in row) + "\n" for row in rows)


# Amazon FBA customer returns: one row per unit; the second line's quantity is unreadable.
write("amazon/returns/FBA_Customer_Returns_202610.txt", tsv([
    "return-date order-id sku asin fnsku product-name quantity fulfillment-center-id detailed-disposition reason status license-plate-number customer-comments".split(),
    ["2026-10-12T18:22:05+00:00", "112-8143645-6707696", "PC-1212-GREY", "B0C1PILL02", "X001PILL02", '12" x 20" Lumbar Pillow Cover, Grey', "1", "ONT8", "SELLABLE", "UNWANTED_ITEM", "Unit returned to inventory", "LPNRR0000001", ""],
    ["2026-10-14T02:10:44+00:00", "112-8143645-6707696", "PC-1212-GREY", "B0C1PILL02", "X001PILL02", '12" x 20" Lumbar Pillow Cover, Grey', "one", "ONT8", "CUSTOMER_DAMAGED", "NOT_AS_DESCRIBED", "Unit returned to inventory", "LPNRR0000002", "color differs"],
    ["2026-10-20T21:47:31+00:00", "112-1339176-4723069", "LED-STRIP-5M", "B0C2LED005", "X001LED005", "LED Strip Lights 5m, RGB, App Control", "1", "LGB3", "DEFECTIVE", "DEFECTIVE", "Reimbursed", "LPNRR0000003", "does not light"],
]))

def settled_orders(sid, start, end, skip=()):
    """Settlement rows of every shipped line of the sample's Amazon orders posted in [start, end)."""
    rows = []
    for name in ["All_Orders_20260901-20261005.txt", "All_Orders_20261001-20261031.txt"]:
        lines = (INBOX / "amazon" / name).read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        for line in lines[1:]:
            c = dict(zip(head, line.split("\t")))
            if c["item-status"] != "Shipped" or c["amazon-order-id"] in skip:
                continue
            try:
                price, quantity = float(c["item-price"]), int(c["quantity"])
            except ValueError:
                continue  # the sample's mistyped price
            bought = datetime.fromisoformat(c["purchase-date"])
            posted = bought.replace(tzinfo=None) + timedelta(days=1)
            if not (start <= posted.strftime("%Y-%m-%d") < end):
                continue
            when = posted.strftime("%Y-%m-%d %H:%M:%S UTC")
            parts = [("ItemPrice", "Principal", f"{price:.2f}"), ("ItemFees", "Commission", f"{-round(price * 0.15, 2):.2f}")]
            if c["fulfillment-channel"] == "Amazon":
                parts.append(("ItemFees", "FBAPerUnitFulfillmentFee", f"{-3.22 * quantity:.2f}"))
            key = (c["amazon-order-id"], c["sku"])
            if key in seen_lines:
                continue
            seen_lines.add(key)
            rows += [srow(settlement_id=sid, transaction_type="Order", order_id=c["amazon-order-id"], marketplace_name="Amazon.com",
                          amount_type=t, amount_description=d, amount=a, fulfillment_id="AFN" if c["fulfillment-channel"] == "Amazon" else "MFN",
                          posted_date=posted.strftime("%Y-%m-%d"), posted_date_time=when, sku=c["sku"], quantity_purchased=str(quantity))
                     for t, d, a in parts]
    return rows


seen_lines = set()

# Amazon settlement V2: summary row, an order's components, a refund, a storage fee.
S = "settlement-id settlement-start-date settlement-end-date deposit-date total-amount currency transaction-type order-id merchant-order-id adjustment-id shipment-id marketplace-name amount-type amount-description amount fulfillment-id posted-date posted-date-time order-item-code merchant-order-item-id merchant-adjustment-item-id sku quantity-purchased promotion-id".split()
def srow(**kv):
    return [kv.get(k.replace("-", "_"), "") for k in S]
write("amazon/settlement/Settlement_13370000001.txt", tsv([S,
    srow(settlement_id="13370000001", settlement_start_date="2026-10-01 00:00:00 UTC", settlement_end_date="2026-10-15 00:00:00 UTC", deposit_date="2026-10-17 00:00:00 UTC", total_amount="1432.17", currency="USD"),
    *[srow(settlement_id="13370000001", transaction_type="Order", order_id="112-1339176-4723069", shipment_id="DkS2xYTkN", marketplace_name="Amazon.com", amount_type=t, amount_description=d, amount=a, fulfillment_id="MFN", posted_date="2026-10-02", posted_date_time="2026-10-02 07:31:09 UTC", order_item_code="52811749365098", sku="LED-STRIP-5M", quantity_purchased="2")
      for t, d, a in [("ItemPrice", "Principal", "39.98"), ("ItemPrice", "Tax", "3.20"), ("ItemFees", "Commission", "-6.00"), ("ItemFees", "FBAPerUnitFulfillmentFee", "-7.46")]],
    *[srow(settlement_id="13370000001", transaction_type="Refund", order_id="112-8143645-6707696", adjustment_id="amzn1.adj.77001", marketplace_name="Amazon.com", amount_type=t, amount_description=d, amount=a, fulfillment_id="MFN", posted_date="2026-10-13", posted_date_time="2026-10-13 16:05:42 UTC", order_item_code="52811749365011", sku="PC-1212-GREY", quantity_purchased="1")
      for t, d, a in [("ItemPrice", "Principal", "-10.49"), ("ItemPrice", "Tax", "-0.84"), ("ItemFees", "Commission", "1.57"), ("ItemFees", "RefundCommission", "-0.31")]],
    srow(settlement_id="13370000001", transaction_type="other-transaction", marketplace_name="Amazon.com", amount_type="other-transaction", amount_description="Storage Fee", amount="-4.20", posted_date="2026-10-07", posted_date_time="2026-10-07 00:00:00 UTC"),
    *settled_orders("13370000001", "2026-10-01", "2026-10-15", skip={"112-1339176-4723069"}),
]))
# The next two settlements, so October is settled to the day: each order line of the sample's All Orders
# export is settled a day after purchase, its principal and a 15 % referral commission (plus the FBA fee on
# Amazon-fulfilled lines); the second also bills a subscription and advertising, which are not selling fees.
for sid, start, end, extra in [
        ("13370000003", "2026-10-15", "2026-10-29", [("Subscription Fee", "-39.99", "2026-10-20")]),
        ("13370000004", "2026-10-29", "2026-11-12", [("Cost of Advertising", "-137.40", "2026-11-03")])]:
    write(f"amazon/settlement/Settlement_{sid}.txt", tsv([S,
        srow(settlement_id=sid, settlement_start_date=f"{start} 00:00:00 UTC", settlement_end_date=f"{end} 00:00:00 UTC",
             deposit_date=f"{end} 00:00:00 UTC", total_amount="0.00", currency="USD"),
        *settled_orders(sid, start, end),
        *[srow(settlement_id=sid, transaction_type="other-transaction", marketplace_name="Amazon.com", amount_type="other-transaction",
               amount_description=d, amount=a, posted_date=day, posted_date_time=f"{day} 00:00:00 UTC") for d, a, day in extra],
    ]))

# Business report by child item for October: quoted thousands, percent and dollar cells, B2B columns.
BR = ["(Parent) ASIN", "(Child) ASIN", "Title", "SKU", "Sessions - Total", "Sessions - Total - B2B", "Session Percentage - Total", "Session Percentage - Total - B2B", "Page Views - Total", "Page Views - Total - B2B", "Page Views Percentage - Total", "Page Views Percentage - Total - B2B", "Featured Offer (Buy Box) Percentage", "Featured Offer (Buy Box) Percentage - B2B", "Units Ordered", "Units Ordered - B2B", "Unit Session Percentage", "Unit Session Percentage - B2B", "Ordered Product Sales", "Ordered Product Sales - B2B", "Total Order Items", "Total Order Items - B2B"]
write("amazon/traffic/BusinessReport-2026-10.csv", csv([BR,
    ["B0C1PILL00", "B0C1PILL01", '18" x 18" Linen Pillow Cover, Beige', "PC-1818-BEIGE", "12,131", "402", "21.40%", "0.71%", "18,904", "611", "22.02%", "0.71%", "96.10%", "97.00%", "1,458", "31", "12.02%", "7.71%", "$18,939.42", "$402.69", "1,397", "30"],
    ["B0C1PILL00", "B0C1PILL02", '12" x 20" Lumbar Pillow Cover, Grey', "PC-1212-GREY", "3,870", "55", "6.83%", "0.10%", "5,212", "70", "6.07%", "0.08%", "92.50%", "100.00%", "301", "2", "7.78%", "3.64%", "$3,157.49", "$20.98", "296", "2"],
    ["B0C2LED000", "B0C2LED005", "LED Strip Lights 5m, RGB, App Control", "LED-STRIP-5M", "9,455", "0", "16.68%", "0.00%", "14,027", "0", "16.34%", "0.00%", "88.00%", "0.00%", "702", "0", "7.42%", "0.00%", "$14,032.98", "$0.00", "688", "0"],
]))
# The same report downloaded for September, so October's traffic has a month to grow from.
write("amazon/traffic/BusinessReport-2026-09.csv", csv([BR,
    ["B0C1PILL00", "B0C1PILL01", '18" x 18" Linen Pillow Cover, Beige', "PC-1818-BEIGE", "10,884", "371", "20.95%", "0.71%", "16,702", "540", "21.48%", "0.69%", "95.40%", "96.20%", "1,259", "27", "11.57%", "7.28%", "$16,354.41", "$350.73", "1,210", "26"],
    ["B0C1PILL00", "B0C1PILL02", '12" x 20" Lumbar Pillow Cover, Grey', "PC-1212-GREY", "3,512", "49", "6.76%", "0.09%", "4,730", "61", "6.08%", "0.08%", "93.10%", "100.00%", "266", "1", "7.57%", "2.04%", "$2,790.34", "$10.49", "262", "1"],
    ["B0C2LED000", "B0C2LED005", "LED Strip Lights 5m, RGB, App Control", "LED-STRIP-5M", "8,120", "0", "15.63%", "0.00%", "12,266", "0", "15.78%", "0.00%", "89.20%", "0.00%", "611", "0", "7.52%", "0.00%", "$12,214.89", "$0.00", "598", "0"],
]))

# Sponsored Products advertised product report (XLSX) for three October days.
AD = ["Date", "Portfolio name", "Currency", "Campaign Name", "Ad Group Name", "Advertised SKU", "Advertised ASIN", "Impressions", "Clicks", "Click-Thru Rate (CTR)", "Cost Per Click (CPC)", "Spend", "7 Day Total Sales", "Total Advertising Cost of Sales (ACOS)", "Total Return on Advertising Spend (ROAS)", "7 Day Total Orders (#)", "7 Day Total Units (#)", "7 Day Conversion Rate"]
write_xlsx(INBOX / "amazon/ads/Sponsored_Products_Advertised_product_report_202610.xlsx", [("Sponsored Product Advertised Product Report", [AD,
    ["Oct 01, 2026", "Home", "USD", "SP - Pillow - Auto", "Auto", "PC-1818-BEIGE", "B0C1PILL01", 8412, 61, 0.0073, 0.74, 45.14, 233.81, 0.1931, 5.18, 17, 18, 0.2787],
    ["Oct 01, 2026", "Home", "USD", "SP - LED - Exact", "led strip lights", "LED-STRIP-5M", "B0C2LED005", 5120, 38, 0.0074, 1.12, 42.56, None, None, None, 0, 0, 0],
    ["Oct 02, 2026", "Home", "USD", "SP - Pillow - Auto", "Auto", "PC-1818-BEIGE", "B0C1PILL01", 9035, 70, 0.0077, 0.71, 49.7, 285.73, 0.1739, 5.75, 21, 22, 0.3],
])])

# FBA manage inventory snapshot (the source's period names its date).
INV = "sku fnsku asin product-name condition your-price mfn-listing-exists mfn-fulfillable-quantity afn-listing-exists afn-warehouse-quantity afn-fulfillable-quantity afn-unsellable-quantity afn-reserved-quantity afn-total-quantity per-unit-volume afn-inbound-working-quantity afn-inbound-shipped-quantity afn-inbound-receiving-quantity".split()
write("amazon/inventory/FBA_Manage_Inventory_20261031.txt", tsv([INV,
    ["PC-1818-BEIGE", "X001PILL01", "B0C1PILL01", '18" x 18" Linen Pillow Cover, Beige', "New", "12.99", "No", "", "Yes", "412", "380", "4", "28", "532", "0.05", "0", "120", "0"],
    ["LED-STRIP-5M", "X001LED005", "B0C2LED005", "LED Strip Lights 5m, RGB, App Control", "New", "19.99", "No", "", "Yes", "0", "0", "0", "0", "60", "0.08", "60", "0", "0"],
    ["MAT-YOGA-6MM", "X001YOGA06", "B0C3YOGA06", "Yoga Mat 6mm Non-Slip, Purple", "New", "24.50", "No", "", "Yes", "96", "90", "2", "4", "96", "0.30", "0", "0", "0"],
]))

# TikTok Shop orders: BOM, ids and times ending in a tab, one row per SKU, Order Amount repeated.
TT = ["Order ID", "Order Status", "Order Substatus", "Cancelation/Return Type", "Normal or Pre-order", "SKU ID", "Seller SKU", "Product Name", "Variation", "Quantity", "Sku Quantity of return", "SKU Unit Original Price", "SKU Subtotal Before Discount", "SKU Platform Discount", "SKU Seller Discount", "SKU Subtotal After Discount", "Shipping Fee After Discount", "Original Shipping Fee", "Taxes", "Order Amount", "Order Refund Amount", "Created Time", "Paid Time", "RTS Time", "Shipped Time", "Delivered Time", "Cancelled Time", "Cancel By", "Cancel Reason", "Fulfillment Type", "Warehouse Name", "Tracking ID", "Delivery Option", "Shipping Provider Name"]
def t(s):
    return s + "\t" if s else ""
write("tiktok/tiktok_orders_202610.csv", "\ufeff" + csv([TT,
    [t("576826866797615988"), "Completed", "Delivered", "", "Normal", t("1729384756"), "HB-MUG-TI", "Titanium Mug 450ml", "Silver", "2", "0", "22.00", "44.00", "4.00", "0.00", "40.00", "0.00", "5.99", "3.20", "56.79", "0.00", t("10/03/2026 08:15:22 PM"), t("10/03/2026 08:15:40 PM"), t("10/04/2026 10:02:11 AM"), t("10/05/2026 04:41:09 PM"), t("10/09/2026 01:12:54 PM"), "", "", "", "Fulfilled by seller", "LA Warehouse", t("9400111202555842337611"), "Standard shipping", "USPS"],
    [t("576826866797615988"), "Completed", "Delivered", "", "Normal", t("1729384799"), "HB-CAMP-LT", "Camping Lantern - Warm White", "Warm", "1", "0", "32.00", "32.00", "0.00", "0.00", "32.00", "0.00", "5.99", "3.20", "56.79", "0.00", t("10/03/2026 08:15:22 PM"), t("10/03/2026 08:15:40 PM"), t("10/04/2026 10:02:11 AM"), t("10/05/2026 04:41:09 PM"), t("10/09/2026 01:12:54 PM"), "", "", "", "Fulfilled by seller", "LA Warehouse", t("9400111202555842337611"), "Standard shipping", "USPS"],
    [t("576826866797615990"), "Cancelled", "Cancelled", "Cancel", "Normal", t("1729384701"), "HB-STOVE-M", "Mini Gas Stove", "", "1", "0", "39.50", "39.50", "0.00", "0.00", "39.50", "5.99", "5.99", "3.16", "48.65", "48.65", t("10/30/2026 11:58:02 PM"), t("10/30/2026 11:58:30 PM"), "", "", "", t("10/31/2026 09:00:00 AM"), "Buyer", "No longer needed", "Fulfilled by seller", "LA Warehouse", "", "Standard shipping", ""],
]))
# The same shop's other months, so the service provider who runs it (P01 星河代运营, on the roster from
# 24 August) climbs the whole ladder: August, its first month, ships one parcel of three late (on-time
# 2/3: fails, still on probation); September ships all on time and grows 91.50 → 111.50 (+21.9 %: passes,
# into the pool); October (above) falls to 72 and its one rated ticket is bad (fails: warning); November
# grows but ships two parcels of three late (fails again: downgraded, proposed). Kept inside their months
# and ISO weeks, in both teams' calendars; no id is a Shopify `TikTok-` tag.
write("tiktok/tiktok_orders_202608.csv", "\ufeff" + csv([TT,
    [t("576651203318472201"), "Completed", "Delivered", "", "Normal", t("1729384756"), "HB-MUG-TI", "Titanium Mug 450ml", "Silver", "1", "0", "22.00", "22.00", "0.00", "0.00", "22.00", "0.00", "5.99", "1.60", "23.60", "0.00", t("08/24/2026 10:12:05 AM"), t("08/24/2026 10:12:31 AM"), t("08/25/2026 09:40:12 AM"), t("08/25/2026 05:18:44 PM"), t("08/28/2026 02:05:10 PM"), "", "", "", "Fulfilled by seller", "LA Warehouse", t("9400111202555842336501"), "Standard shipping", "USPS"],
    [t("576651203318472257"), "Completed", "Delivered", "", "Normal", t("1729384799"), "HB-CAMP-LT", "Camping Lantern - Warm White", "Warm", "1", "0", "32.00", "32.00", "0.00", "0.00", "32.00", "0.00", "5.99", "2.32", "34.32", "0.00", t("08/25/2026 07:48:50 AM"), t("08/25/2026 07:49:15 AM"), t("08/27/2026 03:55:02 PM"), t("08/28/2026 11:20:37 AM"), t("08/29/2026 06:31:47 PM"), "", "", "", "Fulfilled by seller", "LA Warehouse", t("9400111202555842336502"), "Standard shipping", "USPS"],
    [t("576651203318472309"), "Completed", "Delivered", "", "Normal", t("1729384701"), "HB-STOVE-M", "Mini Gas Stove", "", "1", "0", "39.50", "39.50", "0.00", "2.00", "37.50", "0.00", "5.99", "2.72", "40.22", "0.00", t("08/26/2026 09:05:33 AM"), t("08/26/2026 09:05:58 AM"), t("08/26/2026 04:30:10 PM"), t("08/27/2026 01:12:09 PM"), t("08/29/2026 10:44:51 AM"), "", "", "", "Fulfilled by seller", "LA Warehouse", t("9400111202555842336503"), "Standard shipping", "USPS"],
]))
write("tiktok/tiktok_orders_202609.csv", "\ufeff" + csv([TT,
    [t("576744810927365104"), "Completed", "Delivered", "", "Normal", t("1729384756"), "HB-MUG-TI", "Titanium Mug 450ml", "Silver", "2", "0", "22.00", "44.00", "4.00", "0.00", "40.00", "0.00", "5.99", "2.90", "42.90", "0.00", t("09/08/2026 11:20:14 AM"), t("09/08/2026 11:20:40 AM"), t("09/09/2026 08:55:31 AM"), t("09/09/2026 04:02:18 PM"), t("09/12/2026 12:37:05 PM"), "", "", "", "Fulfilled by seller", "LA Warehouse", t("9400111202555842336504"), "Standard shipping", "USPS"],
    [t("576744810927365162"), "Completed", "Delivered", "", "Normal", t("1729384799"), "HB-CAMP-LT", "Camping Lantern - Warm White", "Warm", "1", "0", "32.00", "32.00", "0.00", "0.00", "32.00", "0.00", "5.99", "2.32", "34.32", "0.00", t("09/15/2026 08:03:47 PM"), t("09/15/2026 08:04:02 PM"), t("09/16/2026 10:18:26 AM"), t("09/17/2026 03:47:55 PM"), t("09/21/2026 11:09:30 AM"), "", "", "", "Fulfilled by seller", "LA Warehouse", t("9400111202555842336505"), "Standard shipping", "USPS"],
    [t("576744810927365230"), "Completed", "Delivered", "", "Normal", t("1729384701"), "HB-STOVE-M", "Mini Gas Stove", "", "1", "0", "39.50", "39.50", "0.00", "0.00", "39.50", "0.00", "5.99", "2.86", "42.36", "0.00", t("09/22/2026 09:41:20 AM"), t("09/22/2026 09:41:52 AM"), t("09/22/2026 05:26:40 PM"), t("09/23/2026 02:15:33 PM"), t("09/25/2026 04:50:12 PM"), "", "", "", "Fulfilled by seller", "LA Warehouse", t("9400111202555842336506"), "Standard shipping", "USPS"],
]))
write("tiktok/tiktok_orders_202611.csv", "\ufeff" + csv([TT,
    [t("576915372046188703"), "Completed", "Delivered", "", "Normal", t("1729384756"), "HB-MUG-TI", "Titanium Mug 450ml", "Silver", "1", "0", "22.00", "22.00", "0.00", "0.00", "22.00", "0.00", "5.99", "3.92", "57.92", "0.00", t("11/09/2026 10:26:41 AM"), t("11/09/2026 10:27:03 AM"), t("11/10/2026 09:12:55 AM"), t("11/10/2026 05:33:20 PM"), t("11/14/2026 01:20:08 PM"), "", "", "", "Fulfilled by seller", "LA Warehouse", t("9400111202555842336507"), "Standard shipping", "USPS"],
    [t("576915372046188703"), "Completed", "Delivered", "", "Normal", t("1729384799"), "HB-CAMP-LT", "Camping Lantern - Warm White", "Warm", "1", "0", "32.00", "32.00", "0.00", "0.00", "32.00", "0.00", "5.99", "3.92", "57.92", "0.00", t("11/09/2026 10:26:41 AM"), t("11/09/2026 10:27:03 AM"), t("11/10/2026 09:12:55 AM"), t("11/10/2026 05:33:20 PM"), t("11/14/2026 01:20:08 PM"), "", "", "", "Fulfilled by seller", "LA Warehouse", t("9400111202555842336507"), "Standard shipping", "USPS"],
    [t("576915372046188746"), "Completed", "Delivered", "", "Normal", t("1729384701"), "HB-STOVE-M", "Mini Gas Stove", "", "1", "0", "39.50", "39.50", "0.00", "0.00", "39.50", "0.00", "5.99", "2.86", "42.36", "0.00", t("11/12/2026 07:55:09 PM"), t("11/12/2026 07:55:30 PM"), t("11/16/2026 11:47:02 AM"), t("11/17/2026 03:05:44 PM"), t("11/21/2026 12:18:37 PM"), "", "", "", "Fulfilled by seller", "LA Warehouse", t("9400111202555842336508"), "Standard shipping", "USPS"],
    [t("576915372046188790"), "Completed", "Delivered", "", "Normal", t("1729384756"), "HB-MUG-TI", "Titanium Mug 450ml", "Silver", "2", "0", "22.00", "44.00", "4.00", "0.00", "40.00", "0.00", "5.99", "2.90", "42.90", "0.00", t("11/16/2026 09:14:26 AM"), t("11/16/2026 09:14:49 AM"), t("11/18/2026 02:40:15 PM"), t("11/19/2026 10:58:31 AM"), t("11/23/2026 03:27:10 PM"), "", "", "", "Fulfilled by seller", "LA Warehouse", t("9400111202555842336509"), "Standard shipping", "USPS"],
]))

# Walmart order report (XLSX): order dates as date-time cells, one empty optional cell.
WM = ["PO#", "Order#", "Order Date", "Ship By", "Delivery Date", "Customer Name", "Customer Shipping Address", "City", "State", "Zip", "Segment", "FLIDS", "Line#", "UPC", "Status", "Item Description", "Shipping Method", "Shipping Tier", "Shipping SLA", "Shipping Config SOurce", "Qty", "SKU", "Item Cost", "Shipping Cost", "Tax", "Update Status", "Update Qty", "Carrier", "Tracking Number", "Tracking Url", "Seller Order NO", "Fulfillment Entity", "Replacement Order", "Original Customer Order Id"]
write_xlsx(INBOX / "walmart/Walmart_Order_Report_202610.xlsx", [("Orders", [WM,
    ["1827364501234", "200011122233", datetime(2026, 10, 6, 9, 41, 7), date(2026, 10, 8), date(2026, 10, 13), "J. Rivera", "12 Oak St", "Austin", "TX", "78701", "", "", "1", "850012345671", "Shipped", "Folding Camp Chair", "Standard", "", "2", "", 1, "HB-CHAIR-F", 58.0, 0, 4.79, "", "", "FedEx", "771234567890", "", "", "Seller Fulfilled", "N", ""],
    ["1827364501234", "200011122233", datetime(2026, 10, 6, 9, 41, 7), date(2026, 10, 8), date(2026, 10, 13), "J. Rivera", "12 Oak St", "Austin", "TX", "78701", "", "", "2", "850012345688", "Shipped", "Titanium Mug 450ml", "Standard", "", "2", "", 2, "HB-MUG-TI", 22.0, None, 3.63, "", "", "FedEx", "771234567890", "", "", "Seller Fulfilled", "N", ""],
    ["1827364509999", "200011129999", datetime(2026, 10, 30, 22, 5, 0), date(2026, 11, 2), date(2026, 11, 6), "K. Chen", "88 Pine Ave", "Seattle", "WA", "98101", "", "", "1", "850012345695", "Acknowledged", "Mini Gas Stove", "Standard", "", "2", "", 1, "HB-STOVE-M", 39.5, 5.99, 4.06, "", "", "", "", "", "", "Seller Fulfilled", "N", ""],
])])

# eBay orders report: a `sep=,` line, "$" money, Jul-21-25 dates, a blank line and footer rows.
EB = ["Sales Record Number", "Order Number", "Buyer Username", "Buyer Name", "Item Number", "Item Title", "Custom Label", "Sold Via Promoted Listings", "Quantity", "Sold For", "Shipping And Handling", "Total Price", "Payment Method", "Sale Date", "Paid On Date", "Ship By Date", "Shipped On Date", "Tracking Number", "Transaction ID", "Variation Details"]
write("ebay/eBay-OrdersReport-Oct-31-2026.csv", "sep=,\n" + csv([EB,
    ["1041", "12-11874-90231", "trailfan88", "Sam Ortiz", "286123456789", "Ultralight Tent 2P", "HB-TENT-2P", "Yes", "1", "$149.00", "$0.00", "$149.00", "PayPal", "Oct-04-26", "Oct-04-26", "Oct-07-26", "Oct-05-26", "1Z999AA10123456784", "2950111111019", ""],
    ["1042", "12-11875-11902", "campmom", "Dana Lee", "286123456790", "Folding Camp Chair", "HB-CHAIR-F", "No", "3", "$58.00", "$12.50", "$186.50", "Credit card", "Oct-29-26", "Oct-29-26", "Nov-02-26", "", "", "2950111111020", ""],
]) + "\n" + csv([["2 record(s) downloaded,from Oct-01-26 to Oct-31-26"], ["Seller ID : homebase_outdoor"]]), newline="\r\n")

# Amazon Fulfilled Shipments: the FBA order 领星 lists for the second Amazon account ships from LGB8;
# its tracking number is how a carrier feed would find it.
FBA_SHIP = ["amazon-order-id", "merchant-order-id", "shipment-id", "shipment-item-id", "amazon-order-item-id", "merchant-order-item-id", "purchase-date", "payments-date", "shipment-date", "reporting-date", "buyer-email", "buyer-name", "buyer-phone-number", "sku", "product-name", "quantity-shipped", "currency", "item-price", "item-tax", "shipping-price", "shipping-tax", "gift-wrap-price", "gift-wrap-tax", "ship-service-level", "recipient-name", "ship-address-1", "ship-address-2", "ship-address-3", "ship-city", "ship-state", "ship-postal-code", "ship-country", "ship-phone-number", "bill-address-1", "bill-address-2", "bill-address-3", "bill-city", "bill-state", "bill-postal-code", "bill-country", "item-promotion-discount", "ship-promotion-discount", "carrier", "tracking-number", "estimated-arrival-date", "fulfillment-center-id", "fulfillment-channel", "sales-channel"]
write("amazon/shipments/Amazon_Fulfilled_Shipments_202611.txt", tsv([FBA_SHIP,
    ["113-5550001-0000001", "", "DkT0bq9Yr", "D4x1LqN0m", "08213345676754", "", "2026-11-01T00:20:00+00:00", "2026-11-01T00:20:00+00:00", "2026-11-01T19:42:10+00:00", "2026-11-01T12:42:10-07:00", "", "", "", "ORG-DESK-3T", "Desk Organizer 3-Tier", "1", "USD", "29.99", "2.17", "0.00", "0.00", "0.00", "0.00", "Standard", "", "", "", "", "LOS ANGELES", "CA", "90012", "US", "", "", "", "", "", "", "", "", "0.00", "0.00", "AMZN_US", "TBA312345678901", "2026-11-04T03:00:00+00:00", "LGB8", "AFN", "Amazon.com"],
]))

# 店小秘 sales / profit export, GB18030, with the 合计 total row on line 2.
DXM = ["发货日期", "订单号", "商品SKU", "销量", "店铺", "订单总价", "订单手续费", "营销费用", "物流费用", "采购成本", "退款费用", "利润", "平台SKU", "平台", "交易号", "运单号", "发货仓库", "币种"]
write("erp/店小秘销售利润_202610.csv", csv([DXM,
    ["合计($)", "", "", "5", "", "232.50", "-34.88", "-6.00", "-21.40", "-62.10", "-12.99", "95.13", "", "", "", "", "", ""],
    ["2026-10-05", "XM2610050001", "TENT-2P-GRN", "1", "ebay-homebase", "149.00", "-19.37", "0.00", "-12.60", "-45.00", "0.00", "72.03", "HB-TENT-2P", "eBay", "12-11874-90231", "1Z999AA10123456784", "深圳仓", "USD"],
    ["2026-10-02", "XM2610020007", "LED5M-RGB", "2", "amazon-us", "39.98", "-6.00", "-6.00", "-8.80", "-17.10", "-12.99", "-10.91", "LED-STRIP-5M", "Amazon", "112-1339176-4723069", "9205590164917312345678", "深圳仓", "USD"],
]), encoding="gb18030", newline="\r\n")

# 领星 orders: marketplace-local and UTC purchase times side by side.
write("erp/领星订单_202610.csv", csv([
    ["订单号", "站点", "订购日期", "订购时间(UTC)", "订单状态", "MSKU", "店铺", "ASIN", "数量", "币种", "订单金额"],
    ["113-5550001-0000001", "US", "2026-10-31 17:20:00", "2026-11-01 00:20:00", "Shipped", "ORG-DESK-3T", "amazon-us2", "B0C5DESK3T", "1", "USD", "29.99"],
    ["113-5550001-0000002", "US", "2026-10-31 09:05:12", "2026-10-31 16:05:12", "Unshipped", "BOT-SS-750", "amazon-us2", "B0C4BOTL75", "2", "USD", "31.98"],
]))

# Overseas warehouse outbound export (XLSX), times as text as the WMS writes them.
WMS = ["参考号", "订单号", "平台参考号", "运单号", "仓库代码", "订单状态", "下单时间", "打印时间", "打包时间", "出货时间", "截单时间", "运费(USD)", "总费用(USD)"]
write_xlsx(INBOX / "erp/海外仓出库_202610.xlsx", [("出库单", [WMS,
    ["WMS2610010001", "XM2610010003", "112-8143645-6707696", "9205590164917311111111", "USONT", "已出库", "2026-10-01 13:02:11", "2026-10-01 15:30:00", "2026-10-01 16:02:45", datetime(2026, 10, 2, 9, 15, 0), "", 6.1, 7.35],
    ["WMS2610310009", "XM2610310044", "112-1339176-4723069", "9205590164917312345678", "USONT", "已打单", "2026-10-31 18:40:00", "2026-10-31 20:05:00", "", None, "", 5.2, 6.2],
])])

# ERP inventory with stock-take counts (XLSX): system vs counted quantity.
write_xlsx(INBOX / "erp/库存盘点_20261031.xlsx", [("库存", [
    ["SKU", "商品名称", "仓库", "可用库存", "在途", "实盘数量", "差异", "单位成本", "币种", "盘点日期"],
    ["HB-TENT-2P", "超轻帐篷2人", "深圳仓", 42, 100, 40, -2, 45.0, "CNY", date(2026, 10, 31)],
    ["HB-MUG-TI", "钛杯450ml", "深圳仓", 310, 0, 310, 0, 38.5, "CNY", date(2026, 10, 31)],
    ["HB-CHAIR-F", "折叠椅", "USONT", 57, 0, 55, -2, 120.0, "CNY", date(2026, 10, 31)],
])])

# Zendesk ticket export: calendar and business minutes; one Excel-damaged date.
write("helpdesk/zendesk_tickets_202610.csv", csv([
    ["Id", "Requester", "Assignee", "Group", "Subject", "Tags", "Status", "Priority", "Via", "Created at", "Updated at", "Solved at", "Satisfaction Score", "Reopens", "Replies", "First reply time in minutes", "First reply time in minutes within business hours", "Full resolution time in minutes", "Full resolution time in minutes within business hours"],
    ["30871", "amy@example.com", "Lily Zhang", "US Support", "Where is my order?", "wismo shipping", "Solved", "Normal", "Mail", "2026-10-05 09:12:00", "2026-10-06 11:00:00", "2026-10-06 10:45:00", "Good", "0", "2", "38", "38", "1533", "513"],
    ["30872", "bo@example.com", "Kevin Wu", "US Support", "Broken lantern", "complaint defect", "Solved", "High", "Web form", "05-10-2026 22:40", "2026-10-07 09:00:00", "2026-10-07 08:30:00", "Bad", "1", "5", "610", "50", "2030", "590"],
    ["30873", "cy@example.com", "", "US Support", "Discount code", "", "Open", "Low", "Chat", "2026-10-30 23:55:00", "2026-10-30 23:55:00", "", "Not Offered", "0", "0", "", "", "", ""],
]))

# Zendesk tickets API page with side-loaded metric sets.
write("helpdesk/zendesk_tickets_api_202610.json", json.dumps({"tickets": [
    {"id": 30901, "created_at": "2026-10-12T16:03:00Z", "updated_at": "2026-10-13T01:00:00Z", "status": "solved", "priority": "normal",
     "assignee_id": 9120001, "group_id": 360001, "tags": ["return", "refund"], "via": {"channel": "email"},
     "satisfaction_rating": {"score": "good"},
     "metric_set": {"reopens": 0, "replies": 1, "solved_at": "2026-10-13T00:40:00Z",
                    "reply_time_in_minutes": {"calendar": 95, "business": 95},
                    "full_resolution_time_in_minutes": {"calendar": 517, "business": 300}}},
    {"id": 30902, "created_at": "2026-10-31T23:30:00Z", "updated_at": "2026-10-31T23:30:00Z", "status": "new", "priority": None,
     "assignee_id": None, "group_id": 360001, "tags": [], "via": {"channel": "web"},
     "satisfaction_rating": {"score": "unoffered"},
     "metric_set": {"reopens": 0, "replies": 0, "solved_at": None,
                    "reply_time_in_minutes": {"calendar": None, "business": None},
                    "full_resolution_time_in_minutes": {"calendar": None, "business": None}}},
], "next_page": None, "count": 2}, ensure_ascii=False, indent=2) + "\n")

# Freshdesk export: HH:MM:SS business durations, one left empty.
write("helpdesk/freshdesk_tickets_202610.csv", csv([
    ["Ticket ID", "Subject", "Status", "Priority", "Source", "Agent", "Group", "Created time", "Resolved time", "Closed time", "Initial response time", "First response time (in hrs)", "Resolution time (in hrs)", "Agent interactions", "Customer interactions", "Survey results", "Tags"],
    ["5101", "Late delivery", "Closed", "Medium", "Email", "Lily Zhang", "US Support", "2026-10-08 14:00:00", "2026-10-09 10:30:00", "2026-10-10 10:30:00", "2026-10-08 15:12:30", "01:12:30", "08:30:00", "3", "2", "Extremely satisfied", "shipping"],
    # Tagged `defect` without `complaint`: a complaint for the China team's rule, not the US team's.
    ["5102", "Seam came apart", "Open", "Low", "Portal", "Kevin Wu", "US Support", "2026-10-28 19:45:00", "", "", "2026-10-29 09:05:00", "", "", "1", "1", "", "return,defect"],
]))

# EasyPost shipments: the label-created detail is not a carrier scan.
write("tracking/easypost_shipments_202610.json", json.dumps({"shipments": [
    {"id": "shp_7a1", "reference": "#1003", "tracking_code": "9400111202555842330001",
     "tracker": {"id": "trk_7a1", "status": "delivered", "carrier": "USPS", "tracking_code": "9400111202555842330001",
                 "tracking_details": [
                     {"message": "Shipping Label Created", "status": "pre_transit", "datetime": "2026-10-08T01:10:00Z"},
                     {"message": "Accepted at USPS Origin Facility", "status": "in_transit", "datetime": "2026-10-08T22:42:00Z"},
                     {"message": "Arrived at USPS Regional Facility", "status": "in_transit", "datetime": "2026-10-09T06:15:00Z"},
                     {"message": "Delivered, In/At Mailbox", "status": "delivered", "datetime": "2026-10-11T19:03:00Z"}]}},
    {"id": "shp_7a2", "reference": "#1004", "tracking_code": "9400111202555842330002",
     "tracker": {"id": "trk_7a2", "status": "pre_transit", "carrier": "USPS", "tracking_code": "9400111202555842330002",
                 "tracking_details": [
                     {"message": "Shipping Label Created", "status": "pre_transit", "datetime": "2026-10-31T23:50:00Z"}]}},
]}, indent=2) + "\n")

# AfterShip trackings: parcels known by tracking number only. The FedEx parcel's number is on the
# Walmart order report, so its scans become that order's events; the USPS parcel is on no export
# yet, so it is listed as unlinked and counted nowhere. InfoReceived (label data) is not a scan.
write("tracking/aftership_trackings_202610.json", json.dumps({
    "meta": {"code": 200, "message": "", "type": "Success"},
    "data": {"page": 1, "limit": 100, "count": 2, "trackings": [
        {"id": "5b7658cec7c33c0e007de3c5", "tracking_number": "771234567890", "slug": "fedex", "tag": "Delivered",
         "checkpoints": [
             {"slug": "fedex", "checkpoint_time": "2026-10-07T09:15:00-07:00", "tag": "InfoReceived", "subtag": "InfoReceived_001",
              "message": "Shipment information sent to FedEx", "location": None},
             {"slug": "fedex", "checkpoint_time": "2026-10-07T17:42:00-07:00", "tag": "InTransit", "subtag": "InTransit_002",
              "message": "Picked up", "location": "ONTARIO, CA, USA"},
             {"slug": "fedex", "checkpoint_time": "2026-10-08T04:10:00-07:00", "tag": "InTransit", "subtag": "InTransit_007",
              "message": "Departed FedEx location", "location": "ONTARIO, CA, USA"},
             {"slug": "fedex", "checkpoint_time": "2026-10-10T14:05:00-05:00", "tag": "Delivered", "subtag": "Delivered_001",
              "message": "Delivered", "location": "AUSTIN, TX, USA"}]},
        {"id": "5b7658cec7c33c0e007de3c6", "tracking_number": "9400111202555842339999", "slug": "usps", "tag": "InTransit",
         "checkpoints": [
             {"slug": "usps", "checkpoint_time": "2026-10-29T14:00:00-07:00", "tag": "InTransit", "subtag": "InTransit_002",
              "message": "Accepted at USPS Origin Facility", "location": "ONTARIO, CA 91761"}]},
    ]}}, indent=2) + "\n")

# A carrier's XML tracking feed: M (label) is not a scan; the first I is; D is delivery.
write("tracking/carrier_events_202610.xml", """<?xml version="1.0" encoding="UTF-8"?>
<TrackingFeed carrier="UPS" generated="2026-11-01T02:00:00Z">
  <Shipment>
    <TrackingNumber>1Z999AA10123456784</TrackingNumber>
    <ReferenceNumber>112-8143645-6707696</ReferenceNumber>
    <Activity>
      <Status code="M">Shipper created a label</Status>
      <Date>2026-10-01T15:30:00-07:00</Date>
    </Activity>
    <Activity>
      <Status code="I">Origin Scan</Status>
      <Date>2026-10-02T18:12:00-07:00</Date>
      <Location><City>Ontario</City><State>CA</State></Location>
    </Activity>
    <Activity>
      <Status code="I">Departed from Facility</Status>
      <Date>2026-10-03T02:40:00-07:00</Date>
    </Activity>
    <Activity>
      <Status code="D">Delivered</Status>
      <Date>2026-10-06T11:20:00-04:00</Date>
    </Activity>
  </Shipment>
</TrackingFeed>
""")

# People and judgement.
write("team/roster.csv", csv([
    ["工号", "姓名", "团队", "岗位", "班次", "入职日期", "时区", "负责店铺", "负责SKU", "工单组", "服务商"],
    ["E001", "王芳", "亚马逊一组", "平台运营", "白班", "2024-03-01", "Asia/Shanghai", "amazon-us", "PC-1818-BEIGE;PC-1212-GREY", "", ""],
    ["E002", "Lily Zhang", "US Support", "客服", "夜班", "2026-09-15", "America/Los_Angeles", "", "", "US Support", ""],
    ["E003", "陈磊", "仓储", "仓储", "白班", "2023-07-10", "Asia/Shanghai", "", "", "", ""],
    ["E004", "赵敏", "设计", "美工", "白班", "2025-11-03", "Asia/Shanghai", "", "", "", ""],
    ["E006", "Kevin Wu", "US Support", "客服", "白班", "2025-05-12", "America/Los_Angeles", "", "", "", "P01"],
    ["P01", "星河代运营", "", "provider", "", "2026-08-24", "America/Los_Angeles", "tiktok-us", "", "", ""],
    ["E007", "孙丽", "亚马逊产品组", "产品运营", "白班", "2025-04-01", "Asia/Shanghai", "amazon-us", "MAT-YOGA-6MM;LED-STRIP-5M", "", ""],
    ["E008", "周涛", "亚马逊广告组", "广告", "白班", "2026-06-15", "Asia/Shanghai", "amazon-us", "", "", ""],
    ["E009", "林悦", "独立站组", "用户运营", "白班", "2025-08-18", "America/Los_Angeles", "shopify-dtc", "", "", ""],
]))
write("team/ratings_202610.csv", csv([
    ["工号", "月份", "考核项", "得分", "满分", "评分人", "备注"],
    ["E001", "2026-10", "工作态度", "9", "10", "李经理", ""],
    ["E001", "2026-10", "团队协作", "8.5", "10", "李经理", "跨组支援两次"],
    ["E002", "2026-10", "工作态度", "10", "10", "Mike", ""],
    ["E003", "2026-10", "工作态度", "9", "10", "李经理", ""],
    ["E004", "2026-10", "工作态度", "8", "10", "李经理", "A+ 页面延期两天"],
    ["E006", "2026-10", "工作态度", "7", "10", "Mike", ""],
    ["E007", "2026-10", "工作态度", "9", "10", "李经理", ""],
    ["E008", "2026-10", "工作态度", "8", "10", "李经理", ""],
    ["E009", "2026-10", "工作态度", "9", "10", "Mike", ""],
]))
# The provider's client register (shared for its quarterly review): September 1 of 1 renewed, October 2 of 3,
# November's term not decided yet (so November has no renewal rate).
write("team/contracts_2026.csv", csv([
    ["负责方", "客户", "合同编号", "到期日期", "续约状态", "续约日期", "备注"],
    ["P01", "家居旗舰店", "XH-2025-031", "2026-09-30", "已续约", "2026-09-24", ""],
    ["P01", "户外专营店", "XH-2025-037", "2026-10-15", "已续约", "2026-10-12", ""],
    ["P01", "Harbor Outdoors", "XH-2025-040", "2026-10-20", "已续约", "2026-10-18", "本店 · this seller"],
    ["P01", "宠物用品店", "XH-2025-044", "2026-10-31", "未续约", "", "转自营"],
    ["P01", "母婴专营店", "XH-2025-052", "2026-11-30", "待定", "", ""],
]))
write("team/violations_2026.csv", csv([
    ["编号", "工号", "店铺", "类型", "发生时间", "严重程度", "说明"],
    ["V2026-007", "E001", "amazon-us", "虚假宣传", "2026-10-21 10:00:00", "严重", "listing 宣称防水等级与实物不符"],
]))
write_xlsx(INBOX / "team/design_tasks_202610.xlsx", [("任务", [
    ["任务编号", "任务名称", "负责人", "类型", "创建时间", "截止时间", "交付时间", "状态"],
    ["T-1001", "帐篷主图 7 张", "E004", "主图", datetime(2026, 10, 8, 10, 0), datetime(2026, 10, 12, 18, 0), datetime(2026, 10, 12, 16, 30), "已交付"],
    ["T-1002", "A+ 页面 钛杯", "E004", "A+", datetime(2026, 10, 20, 9, 30), datetime(2026, 10, 24, 18, 0), datetime(2026, 10, 26, 11, 0), "已交付"],
    ["T-1003", "秋季促销 banner", "E004", "Banner", datetime(2026, 10, 28, 14, 0), datetime(2026, 11, 3, 18, 0), None, "进行中"],
])], inline_strings=True)
write("team/reviews_202610.csv", csv([
    ["Review ID", "Platform", "Shop", "SKU", "ASIN", "Rating", "Review Date", "Handled At", "Handler", "Title"],
    ["R2XK3P0001", "Amazon", "amazon-us", "LED-STRIP-5M", "B0C2LED005", "1", "2026-10-21T03:14:00+00:00", "2026-10-21T20:02:00+00:00", "E002", "Stopped working after a week"],
    ["R2XK3P0002", "Amazon", "amazon-us", "PC-1818-BEIGE", "B0C1PILL01", "5", "2026-10-22T11:00:00+00:00", "", "", "Lovely texture"],
]))
write("fx/boc_rates_202611.csv", csv([
    ["date", "from", "to", "rate"],
    ["2026-11-02", "USD", "CNY", "7.0904"],
    ["2026-11-02", "EUR", "CNY", "7.7810"],
]))
# The SKU cost history finance keeps (成本表): purchase cost per unit in CNY from a date on, inbound
# freight per unit; the LED strip's supplier changed mid-October; the tent is bought in the US, in USD,
# with no inbound freight.
write("finance/SKU成本表_2026.csv", csv([
    ["SKU", "生效日期", "采购单价", "头程运费", "币种", "供应商", "备注"],
    ["BOT-SS-750", "2026-08-01", "28.00", "6.50", "CNY", "永康杯业", ""],
    ["HB-CAMP-LT", "2026-08-01", "62.00", "9.80", "CNY", "宁波户外", ""],
    ["HB-CHAIR-F", "2026-08-01", "118.00", "31.00", "CNY", "宁波户外", ""],
    ["HB-MUG-TI", "2026-08-01", "46.00", "3.20", "CNY", "永康杯业", ""],
    ["HB-STOVE-M", "2026-08-01", "85.00", "8.40", "CNY", "宁波户外", ""],
    ["HB-TENT-2P", "2026-08-01", "43.50", "0", "USD", "Trailhead Supply", "US supplier, no inbound freight"],
    ["LED-STRIP-5M", "2026-08-01", "36.00", "4.10", "CNY", "深圳光电", ""],
    ["LED-STRIP-5M", "2026-10-16", "33.50", "4.10", "CNY", "中山照明", "换供应商"],
    ["MAT-YOGA-6MM", "2026-08-01", "41.00", "12.60", "CNY", "义乌运动", ""],
    ["ORG-DESK-3T", "2026-08-01", "52.00", "10.50", "CNY", "义乌家居", ""],
    ["PC-1212-GREY", "2026-08-01", "14.50", "1.80", "CNY", "绍兴纺织", ""],
    ["PC-1818-BEIGE", "2026-08-01", "17.20", "2.10", "CNY", "绍兴纺织", ""],
]))
print("wrote connector samples under", INBOX)
