"""What the reference engines share: the generated workspace's exports in the order kpibridge loads them,
metrics.sql and the output compare.py reads.

kpibridge reads a run's files sorted by their path in the workspace (inbox/amazon/…, inbox/erp/…,
inbox/shopify/…); when two files carry the same record at the same version, the later one wins. The engines
number the files in that order (`seq`) to break the same ties the same way.
"""
import glob
import os
from decimal import ROUND_HALF_UP, Decimal

KINDS = {"amazon": "*.txt", "erp": "*.csv", "shopify": "*.csv"}


def exports(workspace):
    """[(seq, kind, path)] in kpibridge's load order."""
    found = []
    for kind, pattern in KINDS.items():
        for path in glob.glob(os.path.join(workspace, "inbox", kind, pattern)):
            found.append((os.path.relpath(path, workspace), kind, path))
    found.sort()
    return [(seq, kind, path) for seq, (_, kind, path) in enumerate(found)]


def transcoded(path, directory):
    """A UTF-8 copy of a GB18030 export in `directory` (for readers that only take UTF-8), by 1 MiB chunks."""
    out = os.path.join(directory, os.path.basename(path))
    with open(path, "r", encoding="gb18030", newline="") as source, open(out, "w", encoding="utf-8", newline="") as sink:
        while chunk := source.read(1 << 20):
            sink.write(chunk)
    return out


def metric_rows(db):
    """metrics.sql's rows over the normalized tables a DuckDB connection sees."""
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "metrics.sql"), encoding="utf-8") as f:
        return db.sql(f.read()).fetchall()


def money_rows(db):
    """gross_margin and acos rows from money.sql's sums: each side rounded to cents, the ratio to 6 places half
    away from zero in exact decimals, as kpibridge does; absent where kpibridge leaves them out."""
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "money.sql"), encoding="utf-8") as f:
        sums = db.sql(f.read()).fetchall()
    cents, places = Decimal("0.01"), Decimal("0.000001")
    out = []
    for grain, start, net, cogs, lines, uncosted, spend, ad_sales, ad_rows in sums:
        net = Decimal(net or 0).quantize(cents, ROUND_HALF_UP)
        if lines and not uncosted and net > 0:
            margin = net - Decimal(cogs).quantize(cents, ROUND_HALF_UP)
            out.append((grain, start, "gross_margin", (margin / net).quantize(places, ROUND_HALF_UP)))
        ad_sales = Decimal(ad_sales or 0).quantize(cents, ROUND_HALF_UP)
        if ad_rows and ad_sales > 0:
            ratio = Decimal(spend).quantize(cents, ROUND_HALF_UP) / ad_sales
            out.append((grain, start, "acos", ratio.quantize(places, ROUND_HALF_UP)))
    return out


def write_metrics(rows, out):
    """Writes (grain, period_start, metric, value) rows as the CSV compare.py reads."""
    with open(out, "w", encoding="utf-8") as f:
        f.write("grain,period_start,metric,value\n")
        for grain, start, metric, value in rows:
            f.write(f"{grain},{start},{metric},{value}\n")
