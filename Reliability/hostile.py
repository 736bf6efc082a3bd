#!/usr/bin/env python3
"""Feeds `kpibridge run` hostile files beside the sample's good ones and checks each is refused or
quarantined with a reason, the good files still load, and the run stays within time and memory.

    hostile.py [--store sqlite|postgres ...] [--max-rss-mb M] [--max-seconds S]

One run over the sample workspace plus every case below (written into folders their sources
route, so each reaches its parser). Per case the expectation is exact: the file fails with a
message naming it and containing a phrase, or it loads with quarantined rows whose reasons contain
given phrases. The run must exit 1 (some files failed), load every sample file, keep the sample's
facts, not leak /etc/passwd through an XML entity, and stay under the RSS and time limits (peak RSS
of the kpibridge process, from wait4).
"""
import argparse
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

# The columns an All Orders report always has that the connector reads (and a product name).
AMAZON_HEADER = ("amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\tquantity\tcurrency\t"
                 "item-price\tproduct-name\titem-tax\tshipping-price\n")


def amazon(rows):
    return (AMAZON_HEADER + "".join("\t".join(r) + "\n" for r in rows)).encode()


def good_row(order, name="Lamp", date="2026-10-10T10:00:00+00:00", price="10.00", quantity="1"):
    return [order, date, date, "Shipped", "SKU-H", quantity, "USD", price, name, "0.00", "0.00"]


def workbook(sheet_xml, declared_size=None):
    """A minimal XLSX whose first sheet is `sheet_xml` (bytes or an iterable of chunks)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                   '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                   'Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for chunk in ([sheet_xml] if isinstance(sheet_xml, bytes) else sheet_xml):
                part.write(chunk)
    data = bytearray(buffer.getvalue())
    if declared_size is not None:
        # Make the sheet's headers claim a small size (a lying bomb): patch the central directory entry.
        name = b"xl/worksheets/sheet1.xml"
        index = 0
        while True:
            index = data.find(b"PK\x01\x02", index)
            if index < 0:
                break
            if data[index + 46:index + 46 + len(name)] == name:
                data[index + 24:index + 28] = declared_size.to_bytes(4, "little")
            index += 4
        index = data.find(b"PK\x03\x04")
        while index >= 0:
            if data[index + 30:index + 30 + len(name)] == name:
                data[index + 22:index + 26] = declared_size.to_bytes(4, "little")
            index = data.find(b"PK\x03\x04", index + 4)
    return bytes(data)


def bomb_chunks(total):
    row = b"<row><c><v>0</v></c></row>"
    yield b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    chunk = row * (1 << 16)
    for _ in range(total // len(chunk)):
        yield chunk
    yield b"</sheetData></worksheet>"


def cases():
    """(path under the workspace, bytes, expectation) for every hostile input."""
    laughs = ['<!ENTITY a0 "ha">'] + [f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    tracking = ('<?xml version="1.0"?>\n<!DOCTYPE TrackingFeed [{}]>\n<TrackingFeed><Shipment><TrackingNumber>{}</TrackingNumber>'
                '<ReferenceNumber>112-0000000-0000001</ReferenceNumber><Activity><Status code="I">Origin Scan</Status>'
                '<Date>2026-10-02T18:12:00-07:00</Date></Activity></Shipment></TrackingFeed>\n')
    huge = "x" * (10 << 20)
    wide = "\t".join(f"c{i}" for i in range(1_000_000))
    # A file whose every row is quarantined fails whole (nothing of it kept) and names the first reasons.
    yield ("inbox/amazon/h01_truncated.txt", amazon([good_row("112-0000000-0000101")])[:-40],
           ("fails", "all 1 data row was quarantined"))
    yield ("inbox/amazon/h02_ten_mb_cell.txt", amazon([good_row("112-0000000-0000102", name=huge)]), ("loads", 1))
    yield ("inbox/amazon/h03_million_columns.txt", (wide + "\n" + wide + "\n").encode(), ("fails", "… and 999960 more"))
    yield ("inbox/amazon/h04_million_cells_row.txt",
           amazon([good_row("112-0000000-0000104") + ["y"] * 1_000_000]), ("fails", "row has 1000011 cells"))
    yield ("inbox/amazon/h05_nul_bytes.txt",
           amazon([good_row("112-0000000-0000105", name="La\x00mp"), good_row("112-0000000-000\x00106")]),
           ("quarantine", ["amazon-order-id: holds a NUL byte"]))
    yield ("inbox/amazon/h06_invalid_utf8.txt",
           AMAZON_HEADER.encode() + b"112-0000000-0000107\t2026-10-10T10:00:00+00:00\t2026-10-10T10:00:00+00:00\tShipped\tSKU-H\t1\tUSD\t10.00\tL\xc3\x28mp\xff\xfe\n"
           + b"112-0000000-0000108\t2026-10-10T10:00:00+00:00\t2026-10-10T10:00:00+00:00\tShipped\tSKU-\xff\t1\tUSD\t10.00\tLamp\n",
           ("quarantine", ["sku"]))
    yield ("inbox/amazon/h07_bad_values.txt", amazon([
        good_row("112-0000000-0000108", date="0000-00-00T00:00:00+00:00"),
        good_row("112-0000000-0000109", date="2026-10-10T24:00:00+00:00"),
        good_row("112-0000000-0000110", price="1e309"),
        good_row("112-0000000-0000111", price="--5"),
        good_row("112-0000000-0000112", quantity="99999999999999999999999"),
        good_row("112-0000000-0000113", date="2026-02-30T10:00:00+00:00"),
        good_row("112-0000000-0000114"),
    ]), ("quarantine", ["purchase-date", "purchase-date", "item-price", "item-price", "quantity", "purchase-date"]))
    yield ("inbox/amazon/h08_empty.txt", b"", ("fails", "headers found: (none)"))
    yield ("inbox/amazon/h09_header_only.txt", AMAZON_HEADER.encode(), ("loads", 0))
    yield ("inbox/amazon/h10_random_bytes.txt", bytes((i * 7919 + 13) % 256 for i in range(200_000)),
           ("fails", "columns it reads are missing"))
    # Shopify CSV is quoted: a quote that never closes swallows the rest of the file into one cell.
    shopify = open(os.path.join(common.ROOT, "samples/workspace/inbox/shopify/orders_export_1.csv"), "rb").read()
    lines = shopify.split(b"\n")
    yield ("inbox/shopify/h11_unbalanced_quote.csv", b"\n".join(lines[:3] + [b'#9991,"never closed,' + lines[3][20:]] + lines[4:40]),
           ("quarantine", ["Created at: empty", "Fulfilled at: `Harbor Outdoors`"]))
    mabang = open(os.path.join(common.ROOT, "samples/workspace/inbox/erp/马帮订单导出_202609-202610.csv"), "rb").read()
    mlines = mabang.split(b"\n")
    yield ("inbox/erp/马帮订单导出_h12_bad_gb18030.csv", b"\n".join(mlines[:2] + [mlines[2].replace(b",", b",\x81\x20", 1)] + mlines[3:10]),
           ("quarantine", ["not valid text"]))
    yield ("inbox/erp/马帮订单导出_h13_cut_mid_char.csv", mabang[:mabang.index(b"\n", 2000) + 1] + "已发".encode("gb18030")[:3],
           ("loads", None))
    yield ("inbox/tracking/h14_laughs.xml", tracking.format("".join(laughs), "&a9;").encode(), ("fails", "declares the XML entity `a0`"))
    yield ("inbox/tracking/h15_xxe.xml", tracking.format('<!ENTITY x SYSTEM "file:///etc/passwd">', "&x;").encode(),
           ("fails", "declares the XML entity `x`"))
    yield ("inbox/tracking/h16_truncated.xml", tracking.format("", "1Z").encode()[:150], ("fails", "cut short?"))
    yield ("inbox/helpdesk/zendesk_tickets_api_h17_truncated.json",
           open(os.path.join(common.ROOT, "samples/workspace/inbox/helpdesk/zendesk_tickets_api_202610.json"), "rb").read()[:200],
           ("fails", "not valid JSON"))
    yield ("inbox/helpdesk/zendesk_tickets_api_h18_deep.json", b"[" * 100_000 + b"]" * 100_000, ("fails", "not valid JSON"))
    yield ("inbox/walmart/h19_not_a_zip.xlsx", b"PK\x03\x04 this is not a zip", ("fails", "h19_not_a_zip.xlsx"))
    yield ("inbox/walmart/h20_bomb.xlsx", workbook(bomb_chunks(600 << 20)), ("fails", "MiB limit"))
    yield ("inbox/walmart/h21_lying_bomb.xlsx", workbook(bomb_chunks(600 << 20), declared_size=1000), ("fails", "MiB limit"))
    # A formula saved without its result (a generated workbook never opened in Excel): unknown, not 0.
    def cell(ref, text):
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
    walmart_header = ["PO#", "Order Date", "Line#", "Status", "SKU", "Qty", "Item Cost", "Shipping Cost", "Tax"]
    sheet = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + '<row r="1">' + "".join(cell(f"{chr(65 + i)}1", h) for i, h in enumerate(walmart_header)) + "</row>"
             + '<row r="2">' + cell("A2", "H22-1") + cell("B2", "10/20/2026 09:00") + '<c r="C2"><v>1</v></c>' + cell("D2", "Shipped")
             + cell("E2", "SKU-H") + '<c r="F2"><v>1</v></c><c r="G2"><v>10</v></c><c r="H2"><v>0</v></c><c r="I2"><v>0</v></c></row>'
             + '<row r="3">' + cell("A3", "H22-2") + cell("B3", "10/20/2026 10:00") + '<c r="C3"><v>1</v></c>' + cell("D3", "Shipped")
             + cell("E3", "SKU-H") + '<c r="F3"><v>1</v></c><c r="G3"><f>G2*2</f></c><c r="H3"><v>0</v></c><c r="I3"><v>0</v></c></row>'
             + "</sheetData></worksheet>").encode()
    yield ("inbox/walmart/h22_uncalculated_formula.xlsx", workbook(sheet), ("quarantine", ["a formula the workbook holds no result for"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", action="append", choices=["sqlite", "postgres"])
    parser.add_argument("--max-rss-mb", type=int, default=1024)
    parser.add_argument("--max-seconds", type=int, default=600)
    args = parser.parse_args()
    failures = []
    with tempfile.TemporaryDirectory(prefix="kpibridge-hostile-") as scratch:
        workspace = os.path.join(scratch, "workspace")
        import workspace as sample  # noqa: E402
        sample.build(workspace, 0)
        expectations = {}
        for path, data, expectation in cases():
            with open(os.path.join(workspace, path), "wb") as f:
                f.write(data)
            expectations[path] = expectation
        for kind in args.store or common.Store.backends():
            store = common.Store.make(kind, f"reliability_hostile_{os.getpid()}")
            store.reset(workspace)
            started = time.monotonic()
            process = subprocess.Popen([common.binary(), "run", "--workspace", workspace] + store.arguments(workspace),
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            out, err = process.communicate(timeout=args.max_seconds)
            seconds = time.monotonic() - started
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
            text = out.decode("utf-8", "replace") + err.decode("utf-8", "replace")
            problems = []
            if process.returncode != 1:
                problems.append(f"exit {process.returncode}, expected 1 (some files failed)")
            ledger = {r["file"]: r for r in common.export(workspace, store, "load_ledger")}
            quarantine = common.export(workspace, store, "quarantine")
            for path, (kind_, detail) in expectations.items():
                lines = out.decode("utf-8", "replace").splitlines()
                at = next((i for i, l in enumerate(lines) if path in l and ("FAILED" in l or "loaded" in l)), None)
                # The summary line and its indented continuation lines (missing columns, headers found).
                line = "" if at is None else "\n".join(
                    [lines[at]] + [l for l in lines[at + 1:at + 16] if l.startswith("             ")])
                if kind_ == "fails":
                    if path in ledger or "FAILED" not in line or detail.lower() not in line.lower():
                        problems.append(f"{path}: expected to fail mentioning {detail!r}; got {line.strip()[:600]!r}")
                elif kind_ == "loads":
                    if path not in ledger:
                        problems.append(f"{path}: expected to load; got {line.strip()[:300]!r}")
                    elif detail is not None and int(ledger[path]["rows_loaded"]) != detail:
                        problems.append(f"{path}: {ledger[path]['rows_loaded']} rows loaded, expected {detail}")
                elif kind_ == "quarantine":
                    reasons = [q["reason"] for q in quarantine if q["file"] == path]
                    if len(reasons) != len(detail) or not all(any(d in r for r in reasons) for d in detail):
                        problems.append(f"{path}: quarantine reasons {reasons}, expected {detail}")
            longest = max(len(l) for l in text.splitlines())
            if longest > 20_000:
                problems.append(f"an output line of {longest} characters")
            for table in ("fulfillment_events", "orders", "quarantine"):
                if any("root:" in str(row) for row in common.export(workspace, store, table)):
                    problems.append(f"/etc/passwd content reached {table}")
            print(f"hostile {kind}: {len(expectations)} hostile files, exit {process.returncode}, {seconds:.1f} s, "
                  f"peak RSS {peak} MB (limit {args.max_rss_mb})", flush=True)
            if peak > args.max_rss_mb:
                problems.append(f"peak RSS {peak} MB over {args.max_rss_mb} MB")
            for problem in problems:
                print(f"  FAIL {kind}: {problem}", flush=True)
            failures += problems
            store.reset(workspace)
            if os.environ.get("HOSTILE_SHOW"):
                print(text)
    print("hostile: " + ("FAILED" if failures else "every hostile file refused or quarantined with its reason"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
