#!/usr/bin/env python3
"""Damages and disturbs the sample's exports and checks that nothing comes out silently wrong: every
run gives exactly the clean run's facts, or fails naming the affected file — never other numbers with
exit 0 (the issue "Nothing silently wrong").

    silent.py [--quick | --all] [--whole] [--store sqlite|postgres ...] [--class N ...] [--file TEXT ...]
              [--share F] [--jobs J] [--seed S] [--signals N] [--truncations N] [--truncate-lines N]
              [--verbose] [--keep DIR]

"Facts" are the six fact tables .ci/run compares (fact_metric, fact_reconciliation,
fact_reconciliation_bridge, reconciliation_detail, fact_score, provider_status) as `kpibridge export` writes them, without the
run_id column. Each case is sorted into one of:

  identical   exit 0 and the same facts;
  named       a non-zero exit, and a FAILED line of the summary names the damaged file (or entry);
  quarantined exit 0, with the rows a damaged cell made unreadable quarantined with a reason naming
              the damage, and facts equal to those of the same file with those rows deleted. This is
              the product's documented answer to a bad cell. It is counted on its own line so the
              report shows it is not silent;
  declared    exit 0 with other facts, where the damaged column is one the connector declares optional
              (a `default`) and the run's summary names it missing ("no column `X` (field): read as the
              connector's default"): the numbers that column fed are absent and the output says why;
  VIOLATION   anything else: other facts with exit 0, a failure that names nothing, a hang (the time
              limit), a crash (killed by a signal, a trap, a stack dump).

Classes 0-4 damage each export under samples/workspace/inbox. CSV and TSV are written back in their
own encoding (UTF-8 or GB18030), delimiter, line ends and BOM. XLSX is changed in the sheet XML inside
the zip. JSON keys and XML elements are changed in every record.
  0 control     the file parsed and written back unchanged by this harness. It must be identical;
                otherwise the harness's writer, not the product, is at fault for that file's cases;
  1 renames     each column a connector field reads renamed to `x_NAME` (JSON keys and XML
                elements/attributes likewise); the columns no field reads are renamed all at once,
                and one by one only if that is not clean (--all: always one by one);
  2 styles      every header upper-cased, padded with spaces (leading, trailing, doubled inside), in
                full-width letters; --all adds lower-case and no-break spaces. JSON keys and XML names
                likewise, except that an XML name is never padded (it cannot hold a space);
  3 layout      each read column dropped, the unread ones as in class 1, and all columns reversed;
  4 formulas    in each XLSX, the first numeric cell of each numeric column made a formula with no
                cached result (`<f>SUM(A1)</f>`): the cell's row must be quarantined with a reason
                naming the formula, or the case identical (a column nothing reads); plus, as a
                control, a formula with its cached result (--all: one per column).

How a case runs. Stage 1 runs the damaged file alone, in a workspace with the sample's configuration
and nothing else. A file is planned, checked and loaded on its own, so a failure there is the case's
outcome. A probe first runs all of a file's cases at once, as copies `NAME.m0001.EXT` routed like the
file, and the copies it names as FAILED are settled in that one run. If the damaged file loads exactly
the records of the undamaged one (lineage included, the row hash aside), no fact can change, so the
case is identical. Only when its records differ does stage 2 run the damaged file in its context
(CONTEXTS: the sample files its records meet in the facts, checked to be changed by it; --whole and
--all use the whole sample) and compare with a clean run of that context. On SQLite, facts are first
compared as stored rows (an export is a function of them). Only when those differ are both sides
exported, to show what differs.

Classes 5-7 disturb whole runs, one at a time, while the mutation cases run:
  5 truncation  a large Amazon All Orders file (--truncate-lines rows made from the sample's) changed
                once `run` holds it open for loading (seen in /proc/PID/fd). The changes: truncated to
                half; rewritten in place at the same size (quantities 1 → 7 in the last quarter); or
                that rewrite done ahead of the reader and undone once the reader's offset
                (/proc/PID/fdinfo) is past it. The run must fail naming the file ("changed while it was
                read"), or, if the change came after the read, give the full file's facts. Then the full
                file is restored and the next run must give the full file's facts;
  6 listing     an unlistable inbox folder (root reads a chmod 000 folder anyway, so as root the run
                is made as nobody through setpriv, or the case is skipped with a note), a folder linked
                out of the workspace, a dangling link, a FIFO and a socket (none may hang), a folder
                linked inside the workspace (read under its inbox name: identical), and a dotfile
                holding new orders (what happens to it is reported, not judged);
  7 signals     SIGINT and SIGTERM, first at once and then at seeded moments (half within the clean
                run's load): exit 130/143 with a message and the run recorded `interrupted`, or exit 0
                if the run finished, or — sent before anything was logged — death by the signal before
                its handler was installed with no store opened; either way the next run's facts must be
                identical.

--quick takes six files (one per format) and fewer repetitions; --file limits classes 0-4 to some
exports; --share F runs a seeded share F of each export's class 1-3 cases (CI runs 0.2: 289 of the 950
cases; change --seed to draw others). PostgreSQL (--store postgres) runs the --quick set with every
comparison exported. --all takes every column, runs stage 2 of every case on the whole sample, and
repeats more (the soak). Every case took 8.6 min on a 2-core machine with a debug build (950 cases, 6
December 2026). The last lines count the cases per class and outcome, group the notes (facts identical
but records changed; a failure that does not name the changed column), and list each violation. The
script exits 1 if there was any violation.
"""
import argparse
import csv
import html
import io
import json
import math
import os
import queue
import random
import re
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

SAMPLE = os.path.join(common.ROOT, "samples", "workspace")
CONNECTORS = os.path.join(common.ROOT, "connectors")
FACT_TABLES = ["fact_metric", "fact_reconciliation", "fact_reconciliation_bridge", "reconciliation_detail", "fact_score",
               "provider_status"]
# One file per format for --quick (and the PostgreSQL subset): TSV, quoted CSV, GB18030 CSV with CRLF,
# XLSX, JSON, XML.
QUICK_FILES = ["inbox/amazon/All_Orders_20261001-20261031.txt", "inbox/shopify/orders_export_1.csv",
               "inbox/erp/马帮订单导出_202609-202610.csv", "inbox/walmart/Walmart_Order_Report_202610.xlsx",
               "inbox/helpdesk/zendesk_tickets_api_202610.json", "inbox/tracking/carrier_events_202610.xml"]
# Stage 2 of a mutation case runs the damaged file among the sample files its records meet in the facts
# (first matching prefix): an event, return or settlement file with the orders it names; every file with
# the team files, since the roster attributes records to people and the scorecards score them; the
# roster itself with everything (None: the whole sample). Measured on the sample, each context shows
# every fact table the file changes in the whole sample; context() checks at run time that the
# undamaged file changes its context's facts at all.
AMAZON = ["inbox/amazon/All_Orders_20260901-20261005.txt", "inbox/amazon/All_Orders_20261001-20261031.txt"]
TEAM = ["inbox/team/roster.csv", "inbox/team/ratings_202610.csv", "inbox/team/violations_2026.csv"]
CONTEXTS = [
    ("inbox/amazon/", AMAZON + TEAM),  # orders, and the ads, returns, settlement, traffic of that shop
    ("inbox/erp/店小秘", ["inbox/ebay/eBay-OrdersReport-Oct-31-2026.csv"] + AMAZON + TEAM),
    ("inbox/erp/海外仓", AMAZON + TEAM),
    ("inbox/erp/马帮", AMAZON + ["inbox/shopify/orders_export_1.csv"] + TEAM),
    ("inbox/fx/", AMAZON + TEAM),
    ("inbox/tracking/carrier", AMAZON + TEAM),
    ("inbox/tracking/easypost", ["inbox/shopify/orders_export_1.csv"] + TEAM),
    ("inbox/team/roster", None),
    ("inbox/team/", AMAZON[1:] + TEAM),  # ratings, violations, reviews, tasks: scored against some sales
    ("inbox/", TEAM),  # orders and tickets of their own
]
CLASS_NAMES = {0: "control", 1: "renames", 2: "header styles", 3: "drop/reorder", 4: "formulas",
               5: "truncation", 6: "listing faults", 7: "signals"}
IDENTICAL, NAMED, QUARANTINED, VIOLATION, NOTE = "identical", "named", "quarantined", "VIOLATION", "note"
# Exit 0 with other facts where the damaged column is one the connector declares optional (a `default`):
# the run's summary names the file's missing column ("no column `X` (field): read as the connector's
# default"), so the numbers it could not compute are absent and the output says why.
DECLARED = "declared"
NOTE_KINDS = ("facts identical, records differ in", "the failure does not name column")
CRASH_MARKS = ("Fatal error", "Stack dump", "Current stack trace", "Backtrace", "Illegal instruction",
               "Segmentation fault", "Trace/breakpoint trap")


# ---------------------------------------------------------------------------------------------------
# Header text as the product matches it, and the style changes of class 2.


def copy_configuration(source, target):
    """A workspace's configuration without its inbox: the files kpibridge.yaml names, the buyer-key salt's included."""
    for name in ("kpibridge.yaml", "definitions.yaml", "fx_rates.csv", "scorecards.yaml"):
        shutil.copy(os.path.join(source, name), target)
    if os.path.isdir(os.path.join(source, "secrets")):
        shutil.copytree(os.path.join(source, "secrets"), os.path.join(target, "secrets"))

def header_key(text):
    """A header as kpibridge's HeaderName compares it (NFKC, case folded, dashes unified, spaces
    collapsed): how this harness knows which file columns a connector spec names."""
    folded = unicodedata.normalize("NFKC", text).lower()
    folded = re.sub("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]", "-", folded).replace("\ufeff", " ")
    return " ".join(folded.split())


def full_width(text):
    """ASCII letters, digits and punctuation as their full-width forms (U+FF01–FF5E), spaces as U+3000."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text)


STYLES = {
    "upper": str.upper,
    "lower": str.lower,
    "padded": lambda h: "  " + h.replace(" ", "  ") + " ",
    "nbsp": lambda h: "\u00a0" + h.replace(" ", "\u00a0") + "\u00a0",
    "fullwidth": full_width,
}


# ---------------------------------------------------------------------------------------------------
# Connector specs: the file layout and the columns a connector names (stdlib only: no YAML parser, so
# the few keys needed are read with patterns; connectors/*.yaml keep them on one line or in a flow list).

def _flow_items(text):
    items, current, quote = [], "", None
    for ch in text:
        if quote:
            if ch == quote:
                quote = None
            else:
                current += ch
        elif ch in "\"'":
            quote = ch
        elif ch == ",":
            items.append(current.strip())
            current = ""
        else:
            current += ch
    items.append(current.strip())
    return [i for i in items if i]


class Spec:
    """What this harness needs of a connector spec: delimiter, quoting, record path, column names."""

    def __init__(self, connector):
        # Where kpibridge finds it: $KPIBRIDGE_CONNECTORS folders first, then the checkout's connectors/.
        folders = [d for d in os.environ.get("KPIBRIDGE_CONNECTORS", "").split(":") if d] + [CONNECTORS]
        path = next(p for p in (os.path.join(d, connector + ".yaml") for d in folders) if os.path.exists(p))
        with open(path, encoding="utf-8") as f:
            text = re.sub(r"(^|\s)#.*$", "", f.read(), flags=re.M)  # YAML comments start after a space
        self.connector = connector
        self.delimiter = "\t" if re.search(r"^\s*delimiter:\s*tab", text, re.M) else ","
        self.quoting = not re.search(r"^\s*quoting:\s*false", text, re.M)
        self.fields, self.known = [], []
        for m in re.finditer(r"\bcolumn:\s*(\[[^\]]*\]|\"[^\"]*\"|'[^']*'|[^,}\n]+)", text):
            value = m.group(1).strip()
            self.fields += _flow_items(value[1:-1]) if value.startswith("[") else _flow_items(value)
        for m in re.finditer(r"known_columns:\s*\[([^\]]*)\]", text, re.S):
            self.known += _flow_items(m.group(1))
        m = re.search(r"^\s*records:\s*(\S+)\s*$", text, re.M)
        self.records = m.group(1) if m else None

    def names(self):
        """Every column name the spec mentions, as header keys (JSON/XML paths split into their names)."""
        out = set()
        for name in self.fields + self.known:
            out.add(header_key(name))
            for part in re.split(r"[./]", name):
                out.add(header_key(part.lstrip("^@")))
        return out


# ---------------------------------------------------------------------------------------------------
# Codecs: each reads one export and writes it back with a change, keeping everything else as it was.

class Delimited:
    """A CSV or TSV export: encoding (UTF-8 or GB18030), BOM, line ends, delimiter and quoting kept."""

    def __init__(self, data, spec):
        self.bom = data.startswith(b"\xef\xbb\xbf")
        body = data[3:] if self.bom else data
        try:
            text, self.encoding = body.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, self.encoding = body.decode("gb18030"), "gb18030"
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.final_newline = text.endswith(("\n", "\r"))
        self.delimiter, self.quoting = spec.delimiter, spec.quoting
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter,
                            quoting=csv.QUOTE_MINIMAL if self.quoting else csv.QUOTE_NONE)
        self.rows, self.first_lines, last = [], [], 0
        for row in reader:
            self.rows.append(row)
            self.first_lines.append(last + 1)  # the physical line a row starts on (quarantine's `line`)
            last = reader.line_num
        # The header: the first of the first rows with the most cells (eBay starts with `sep=,`).
        widest = max(len(r) for r in self.rows[:5])
        self.header_row = next(i for i, r in enumerate(self.rows[:5]) if len(r) == widest)

    @property
    def header(self):
        return list(self.rows[self.header_row])

    def write(self, rows):
        out = io.StringIO()
        if self.quoting:
            writer = csv.writer(out, delimiter=self.delimiter, lineterminator=self.newline)
            writer.writerows(rows)
        else:
            out.write("".join(self.delimiter.join(r) + self.newline for r in rows))
        text = out.getvalue()
        if not self.final_newline:
            text = text[:-len(self.newline)]
        return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode(self.encoding)

    def unchanged(self):
        return self.write(self.rows)

    def with_header(self, names):
        rows = [list(r) for r in self.rows]
        rows[self.header_row] = list(names)
        return self.write(rows)

    def _columns(self, pick):
        """Rows from the header on with their cells rearranged by `pick(cells padded to the header)`."""
        width = len(self.rows[self.header_row])
        rows = [list(r) for r in self.rows[:self.header_row]]
        for r in self.rows[self.header_row:]:
            cells = r + [""] * (width - len(r))
            rows.append(pick(cells[:width]) + cells[width:])
        return rows

    def without_columns(self, indexes):
        return self.write(self._columns(lambda c: [v for i, v in enumerate(c) if i not in indexes]))

    def reversed_columns(self):
        return self.write(self._columns(lambda c: c[::-1]))

    def without_lines(self, lines):
        return self.write([r for r, line in zip(self.rows, self.first_lines) if line not in lines])


CELL = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
ROW = re.compile(r"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.S)


def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


class Workbook:
    """An XLSX export: its first sheet's rows as cells (column, attributes, inner XML), the other zip
    members byte for byte. Header cells are rewritten as inline strings, so shared strings that data
    cells also use stay as they are."""

    SHEET = "xl/worksheets/sheet1.xml"

    def __init__(self, data, spec=None):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.members = [(info, self.zip.read(info.filename)) for info in self.zip.infolist()]
        sheet = dict((i.filename, d) for i, d in self.members)[self.SHEET].decode("utf-8")
        strings = dict((i.filename, d) for i, d in self.members).get("xl/sharedStrings.xml", b"").decode("utf-8")
        self.shared = [html.unescape(re.sub(r"<[^>]+>", "", s)) for s in re.findall(r"<si>(.*?)</si>", strings, re.S)]
        start, end = sheet.index("<sheetData>") + len("<sheetData>"), sheet.index("</sheetData>")
        self.prefix, self.suffix = sheet[:start], sheet[end:]
        self.rows = []  # [row attributes without r, row number, [[column, attributes without r, inner]]]
        number = 0
        for m in ROW.finditer(sheet[start:end]):
            attrs = m.group(1)
            r = re.search(r'\br="(\d+)"', attrs)
            number = int(r.group(1)) if r else number + 1
            cells, column = [], -1
            for c in CELL.finditer(m.group(2) or ""):
                ref = re.search(r'\br="([A-Z]+)\d+"', c.group(1))
                column = column_index(ref.group(1)) if ref else column + 1
                cells.append([column, re.sub(r'\s*\br="[A-Z]+\d+"', "", c.group(1)), c.group(2)])
            self.rows.append([re.sub(r'\s*\br="\d+"', "", attrs), number, cells])
        widest = max(len(r[2]) for r in self.rows[:5])
        self.header_row = next(i for i, r in enumerate(self.rows[:5]) if len(r[2]) == widest)

    def text(self, attrs, inner):
        if inner is None:
            return ""
        if 't="s"' in attrs:
            return self.shared[int(re.search(r"<v>(.*?)</v>", inner).group(1))]
        if 't="inlineStr"' in attrs:
            return html.unescape(re.sub(r"<[^>]+>", "", inner))
        v = re.search(r"<v>(.*?)</v>", inner, re.S)
        return html.unescape(v.group(1)) if v else ""

    @property
    def header(self):
        cells = self.rows[self.header_row][2]
        width = max(c[0] for c in cells) + 1
        names = [""] * width
        for column, attrs, inner in cells:
            names[column] = self.text(attrs, inner)
        return names

    def write(self, rows):
        parts = []
        for attrs, number, cells in rows:
            body = "".join(f'<c r="{column_letters(col)}{number}"{a}' + (f">{inner}</c>" if inner is not None else "/>")
                           for col, a, inner in sorted(cells, key=lambda c: c[0]))
            parts.append(f'<row r="{number}"{attrs}>{body}</row>')
        sheet = (self.prefix + "".join(parts) + self.suffix).encode("utf-8")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            for info, data in self.members:
                z.writestr(info, sheet if info.filename == self.SHEET else data)
        return out.getvalue()

    def copy_rows(self):
        return [[a, n, [list(c) for c in cells]] for a, n, cells in self.rows]

    def unchanged(self):
        return self.write(self.copy_rows())

    def with_header(self, names):
        rows = self.copy_rows()
        attrs, number, cells = rows[self.header_row]
        by_column = {c[0]: c for c in cells}
        for column, name in enumerate(names):
            if column in by_column or name:
                space = ' xml:space="preserve"' if name != name.strip() else ""
                by_column[column] = [column, ' t="inlineStr"', f"<is><t{space}>{html.escape(name, quote=False)}</t></is>"]
        rows[self.header_row][2] = list(by_column.values())
        return self.write(rows)

    def _columns(self, move):
        """Rows from the header on with each cell's column mapped by `move` (None drops the cell)."""
        rows = self.copy_rows()
        for row in rows[self.header_row:]:
            row[2] = [[move(c[0])] + c[1:] for c in row[2] if move(c[0]) is not None]
        return rows

    def without_columns(self, indexes):
        return self.write(self._columns(lambda c: None if c in indexes else c - sum(1 for i in indexes if i < c)))

    def reversed_columns(self):
        width = len(self.header)
        return self.write(self._columns(lambda c: width - 1 - c if c < width else c))

    def numeric_cells(self):
        """(row index, column) of the first data cell holding a plain number in each column."""
        seen = {}
        for i, (_, _, cells) in enumerate(self.rows[self.header_row + 1:], self.header_row + 1):
            for column, attrs, inner in cells:
                if column not in seen and " t=" not in attrs and inner and re.fullmatch(r"<v>[-0-9.Ee+]+</v>", inner):
                    seen[column] = i
        return sorted((row, column) for column, row in seen.items())

    def with_formula(self, row_index, column, cached):
        rows = self.copy_rows()
        for cell in rows[row_index][2]:
            if cell[0] == column:
                value = cell[2]
                ref = f"{column_letters(column)}{rows[row_index][1]}"
                cell[2] = f"<f>{ref}*1</f>{value}" if cached else "<f>SUM(A1)</f>"
        return self.write(rows)

    def without_lines(self, lines):
        rows = self.copy_rows()
        return self.write([r for r in rows if r[1] not in lines])


class JSONDocument:
    """A JSON export: key paths (`tickets[].metric_set.solved_at`) renamed, dropped or restyled in every
    object that has them; written back with the sample's two-space indent."""

    def __init__(self, data, spec=None):
        self.doc = json.loads(data.decode("utf-8"))
        self.final_newline = data.endswith(b"\n")

    def write(self, doc):
        return (json.dumps(doc, ensure_ascii=False, indent=2) + ("\n" if self.final_newline else "")).encode("utf-8")

    def unchanged(self):
        return self.write(self.doc)

    def paths(self):
        found = []

        def walk(value, path):
            if isinstance(value, dict):
                for key, child in value.items():
                    if path + (key,) not in found:
                        found.append(path + (key,))
                    walk(child, path + (key,))
            elif isinstance(value, list):
                for child in value:
                    walk(child, path + ("[]",))
        walk(self.doc, ())
        return found

    def edited(self, paths, edit):
        """The document with `edit(key, value)` → [(key, value)] applied to every key at one of `paths`
        (None: every key)."""
        def walk(value, here):
            if isinstance(value, dict):
                out = {}
                for key, child in value.items():
                    child = walk(child, here + (key,))
                    if paths is None or here + (key,) in paths:
                        for k, v in edit(key, child):
                            out[k] = v
                    else:
                        out[key] = child
                return out
            if isinstance(value, list):
                return [walk(child, here + ("[]",)) for child in value]
            return value
        return self.write(walk(self.doc, ()))

    def renamed(self, paths, name):
        return self.edited(paths, lambda k, v: [(name(k), v)])

    def dropped(self, paths):
        return self.edited(paths, lambda k, v: [])

    def reversed_keys(self):
        def walk(value):
            if isinstance(value, dict):
                return {k: walk(v) for k, v in reversed(list(value.items()))}
            if isinstance(value, list):
                return [walk(v) for v in value]
            return value
        return self.write(walk(self.doc))


class XMLDocument:
    """An XML export: element and attribute names (by path from the root) renamed or dropped wherever
    they occur, children reversed; written back by ElementTree with the declaration."""

    def __init__(self, data, spec=None):
        self.data = data
        self.final_newline = data.endswith(b"\n")

    def tree(self):
        return ET.ElementTree(ET.fromstring(self.data))

    def write(self, tree):
        body = ET.tostring(tree.getroot(), encoding="unicode")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + ("\n" if self.final_newline else "")).encode("utf-8")

    def unchanged(self):
        return self.write(self.tree())

    def paths(self):
        """Element paths (`TrackingFeed/Shipment/Activity/Status`) and attribute paths (`…/Status/@code`)."""
        found = []

        def walk(element, path):
            here = path + (element.tag,)
            if here not in found:
                found.append(here)
            for name in element.attrib:
                if here + ("@" + name,) not in found:
                    found.append(here + ("@" + name,))
            for child in element:
                walk(child, here)
        walk(self.tree().getroot(), ())
        return found

    def _elements(self, root, path):
        """Every element at `path` with its parent."""
        out = []

        def walk(element, parent, here):
            here = here + (element.tag,)
            if here == path:
                out.append((parent, element))
            for child in list(element):
                walk(child, element, here)
        walk(root, None, ())
        return out

    def renamed(self, paths, name):
        tree = self.tree()
        for path in sorted(paths, key=len, reverse=True):  # deepest first: a parent's rename moves its children
            if path[-1].startswith("@"):
                for _, element in self._elements(tree.getroot(), path[:-1]):
                    value = element.attrib.pop(path[-1][1:])
                    element.set(name(path[-1][1:]), value)
            else:
                for _, element in self._elements(tree.getroot(), path):
                    element.tag = name(element.tag)
        return self.write(tree)

    def dropped(self, paths):
        tree = self.tree()
        for path in sorted(paths, key=len, reverse=True):
            if path[-1].startswith("@"):
                for _, element in self._elements(tree.getroot(), path[:-1]):
                    del element.attrib[path[-1][1:]]
            else:
                for parent, element in self._elements(tree.getroot(), path):
                    if parent is None:
                        return None  # the root cannot go
                    parent.remove(element)
        return self.write(tree)

    def restyled(self, style):
        tree = self.tree()
        for element in tree.iter():
            element.tag = style(element.tag)
            for name in list(element.attrib):
                element.set(style(name), element.attrib.pop(name))
        return self.write(tree)

    def reversed_children(self):
        tree = self.tree()
        for element in tree.iter():
            children = list(element)
            for child in children:
                element.remove(child)
            for child in reversed(children):
                element.append(child)
        return self.write(tree)


def codec(path, data, spec):
    if path.endswith(".xlsx"):
        return Workbook(data, spec)
    if path.endswith(".json"):
        return JSONDocument(data, spec)
    if path.endswith(".xml"):
        return XMLDocument(data, spec)
    return Delimited(data, spec)


# ---------------------------------------------------------------------------------------------------
# Stores, runs and facts.

class Result:
    def __init__(self, returncode, out, err, seconds, timed_out=False):
        self.returncode, self.out, self.err, self.seconds, self.timed_out = returncode, out, err, seconds, timed_out

    @property
    def text(self):
        return self.out + "\n" + self.err

    def crash(self):
        """Why this run counts as a crash, or None."""
        if self.timed_out:
            return f"no exit within the time limit ({self.seconds:.0f} s): a hang"
        if self.returncode < 0:
            return f"killed by signal {-self.returncode}"
        if self.returncode not in (0, 1, 2, 3, 130, 143):
            return f"exit {self.returncode}"
        mark = next((m for m in CRASH_MARKS if m in self.text), None)
        return f"output holds {mark!r}" if mark else None

    def failed_lines(self, name):
        """The summary's FAILED lines (with their continuation lines) that name `name`."""
        lines, found = self.out.splitlines(), []
        for i, line in enumerate(lines):
            if line.startswith("  FAILED") and name in line:
                found.append("\n".join([line] + [l for l in lines[i + 1:i + 12] if l.startswith("           ")]))
        return found

    def file_line(self, name):
        """The summary's line about `name` (loaded, skipped or FAILED), or ""."""
        return next((l for l in self.out.splitlines()
                     if name in l and l.startswith(("  loaded", "  skipped", "  FAILED"))), "")


def start_json_run(workspace, store, err, **kwargs):
    """`kpibridge run` on `workspace`, its JSON log to `err` and its summary on a pipe."""
    return subprocess.Popen([common.binary(), "run", "--workspace", workspace, "--log-format", "json"]
                            + store.arguments(workspace), stdout=subprocess.PIPE, stderr=err, **kwargs)


def start(arguments, store_args, **kwargs):
    return subprocess.Popen([common.binary()] + arguments + store_args, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True, **kwargs)


def finish(process, started, timeout):
    """Waits for `process` up to `timeout` s (then kills its group): the Result."""
    try:
        out, err = process.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        timed_out = True
    return Result(process.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                  time.monotonic() - started, timed_out)


class Stores:
    """Hands out stores: a workspace's own SQLite file, or a PostgreSQL schema per case (dropped after)."""

    def __init__(self, kind):
        self.kind = kind
        self.count = 0
        self.lock = threading.Lock()

    def new(self):
        with self.lock:
            self.count += 1
            return common.Store.make(self.kind, f"reliability_silent_{os.getpid()}_{self.count}")


RUNS = {"alone": 0, "context": 0, "sample": 0}  # runs made, by workspace kind (for the summary)
RUNS_LOCK = threading.Lock()


def run(workspace, store, timeout=120):
    """`kpibridge run` of `workspace` to its end (or the time limit): the Result."""
    name = os.path.basename(workspace)
    with RUNS_LOCK:
        RUNS["alone" if name.startswith("alone-") else "context" if name.startswith("ctx-") else "sample"] += 1
    started = time.monotonic()
    process = start(["run", "--workspace", workspace], store.arguments(workspace))
    return finish(process, started, timeout)


def strip_run_id(text):
    """An export's CSV text without its run_id column."""
    rows = list(csv.reader(io.StringIO(text)))
    if rows and "run_id" in rows[0]:
        i = rows[0].index("run_id")
        rows = [r[:i] + r[i + 1:] for r in rows]
    return rows


def exported(workspace, store):
    """The fact tables as `kpibridge export` writes them, less run_id: {table: [rows]}."""
    out = {}
    for table in FACT_TABLES:
        done = common.kpibridge(["export", "--workspace", workspace, "--table", table, "--format", "csv"]
                                + store.arguments(workspace), timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"export {table}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
        out[table] = strip_run_id(done.stdout)
    return out


def stored_rows(workspace, tables, skip=("run_id", "id", "loaded_at")):
    """Rows of `tables` read straight from the workspace's SQLite store (the columns `skip` aside),
    sorted: equal rows export equal files, so this is the fast first comparison."""
    path = os.path.join(workspace, ".kpibridge", "warehouse.sqlite")
    if not os.path.exists(path):
        return None
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        for table in tables:
            columns = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")') if r[1] not in skip]
            if not columns:
                continue
            rows = db.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} FROM "{table}"').fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        db.close()


# Columns that differ between two loads of the same records: which run, when, the raw row's hash.
RECORD_SKIP = ("run_id", "id", "loaded_at", "content_hash")


def loaded_records(workspace, tables):
    """The record tables' rows (RECORD_SKIP aside) and which lines were quarantined (not why: a reason
    names the column as the file spelt it)."""
    rows = stored_rows(workspace, tables, RECORD_SKIP)
    rows["quarantine"] = quarantined_at(workspace)
    return rows


def quarantined_at(workspace):
    db = sqlite3.connect(f"file:{os.path.join(workspace, '.kpibridge', 'warehouse.sqlite')}?mode=ro", uri=True)
    try:
        return sorted(db.execute("SELECT file, line FROM quarantine").fetchall())
    finally:
        db.close()


def record_tables(workspace):
    """The record tables of a SQLite store (those with lineage: a content_hash column)."""
    db = sqlite3.connect(f"file:{os.path.join(workspace, '.kpibridge', 'warehouse.sqlite')}?mode=ro", uri=True)
    try:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return [n for n in names if any(r[1] == "content_hash" for r in db.execute(f'PRAGMA table_info("{n}")'))]
    finally:
        db.close()


def describe(expected, actual, limit=2):
    """What differs between two exports: per table, rows only in the clean run / only in this one."""
    parts = []
    for table in FACT_TABLES:
        a, b = expected[table], actual[table]
        if a == b:
            continue
        header = a[0] if a else b[0]
        sa, sb = set(map(tuple, a[1:])), set(map(tuple, b[1:]))
        gone, new = [r for r in a[1:] if tuple(r) not in sb], [r for r in b[1:] if tuple(r) not in sa]
        text = f"{table}: {len(gone)} rows only in the clean run, {len(new)} only in this one"
        for label, rows in (("clean", gone), ("this", new)):
            for r in rows[:limit]:
                text += f"\n        {label}: " + ", ".join(f"{h}={v}" for h, v in zip(header, r) if v)[:400]
        if not gone and not new:
            text = f"{table}: same rows in another order"
        parts.append(text)
    return parts


def loosened(rows, rel, columns):
    """Stored fact rows with the source_line of `rel`'s reconciliation_detail rows blanked."""
    file, line = columns.index("source_file"), columns.index("source_line")
    detail = sorted((tuple("*" if i == line and r[file] == rel else v for i, v in enumerate(r))
                     for r in rows["reconciliation_detail"]), key=repr)
    return {**rows, "reconciliation_detail": detail}


def loosened_export(tables, rel, header):
    file, line = header.index("source_file"), header.index("source_line")
    detail = sorted(["*" if i == line and r[file] == rel else v for i, v in enumerate(r)]
                    for r in tables["reconciliation_detail"][1:])
    return {**tables, "reconciliation_detail": detail}


class Baseline:
    """A clean run of one workspace layout: its facts (store rows and export), record rows and output."""

    def __init__(self, workspace, store, result):
        self.workspace, self.store, self.result = workspace, store, result
        self.export = exported(workspace, store)
        self.quarantine = common.export(workspace, store, "quarantine")
        if store.kind == "sqlite":
            self.records_tables = record_tables(workspace)
            self.rows = stored_rows(workspace, FACT_TABLES)
            self.records = loaded_records(workspace, self.records_tables)


class Mutation:
    """One damaged version of one export: its class, label, bytes, the column it touched, a function
    writing the export without given rows (to check a quarantine), and for a batch the single
    mutations to try when the batch is not clean."""

    def __init__(self, cls, label, rel, data, column=None, deleter=None, singles=None, relines=False, reason=None):
        self.cls, self.label, self.rel, self.data, self.column = cls, label, rel, data, column
        self.deleter, self.singles = deleter, singles
        self.reason = reason  # a word each quarantine reason of this case must contain
        # The damaged file's rows start on other lines than the clean file's (lineage lines may differ).
        self.relines = relines



class Harness:
    def __init__(self, args, scratch, kind):
        self.args, self.scratch, self.kind = args, scratch, kind
        self.stores = Stores(kind)
        self.counter = 0
        self.lock = threading.Lock()
        self.results = {}  # class → {outcome: count}
        self.violations = []
        self.notes = []
        self.pristine = os.path.join(scratch, "pristine")
        shutil.copytree(SAMPLE, self.pristine, ignore=shutil.ignore_patterns(".kpibridge"))
        self.files = sorted(os.path.relpath(os.path.join(d, f), self.pristine)
                            for d, _, names in os.walk(os.path.join(self.pristine, "inbox")) for f in names)
        with open(os.path.join(self.pristine, "kpibridge.yaml"), encoding="utf-8") as f:
            self.globs = re.findall(r"^\s*files:\s*(\S+)\s*$", f.read(), re.M)
        self.clean = None
        self.alone_records = {}  # inbox path → its records when loaded alone, undamaged
        self.contexts = {}  # inbox path → (files, baseline) of its stage 2
        self.context_locks = {}
        self.baselines = {}  # (files, changes) → Baseline of a clean run of them (see baseline())

    # --- workspaces -------------------------------------------------------------------------------

    def workspace(self, label, changes=None, files=None, kind="case"):
        """A fresh copy of the sample — or of its configuration and `files` only — with `changes`
        ({inbox path: bytes, or None to delete}) applied."""
        with self.lock:
            self.counter += 1
            path = os.path.join(self.scratch, f"{kind}-{self.counter:04d}-{re.sub(r'[^A-Za-z0-9]+', '_', label)[:40]}")
        if files is None:
            shutil.copytree(self.pristine, path)
        else:
            os.makedirs(path)
            copy_configuration(self.pristine, path)
            for rel in files:
                os.makedirs(os.path.dirname(os.path.join(path, rel)), exist_ok=True)
                shutil.copy(os.path.join(self.pristine, rel), os.path.join(path, rel))
        for rel, data in (changes or {}).items():
            target = os.path.join(path, rel)
            if data is None:
                os.remove(target)
            else:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as f:
                    f.write(data)
        return path

    def cleanup(self):
        """Drops the stores kept for comparison (the clean run's, the contexts', the row-deleted ones)."""
        for baseline in [self.clean] + list(self.baselines.values()):
            if baseline is not None:
                baseline.store.reset(baseline.workspace)

    def discard(self, workspace, store):
        if self.args.keep:
            return
        store.reset(workspace)
        shutil.rmtree(workspace, ignore_errors=True)

    def facts_equal(self, baseline, workspace, store, loose=None):
        """(equal, how they differ): the fast store comparison on SQLite, exports to say what differs.

        `loose` names a file whose lines moved (a dropped multi-line cell, a JSON key less per record):
        its reconciliation_detail rows are compared without their source_line."""
        if store.kind == "sqlite":
            rows = stored_rows(workspace, FACT_TABLES)
            if rows == baseline.rows or (loose and loosened(rows, loose, self.detail_columns)
                                         == loosened(baseline.rows, loose, self.detail_columns)):
                return True, []
        actual = exported(workspace, store)
        if actual == baseline.export:
            return True, []
        if loose:
            header = actual["reconciliation_detail"][0]
            if loosened_export(actual, loose, header) == loosened_export(baseline.export, loose, header):
                return True, []
        return False, describe(baseline.export, actual)

    def make_clean(self):
        """The clean run every mutation case is compared with (kept for exports)."""
        store = self.stores.new()
        workspace = self.workspace("clean")
        store.reset(workspace)
        log = os.path.join(self.scratch, "clean.log")
        started = time.monotonic()
        with open(log, "wb") as err:
            process = start_json_run(workspace, store, err)
            # When loading gave way to the fact refresh: class 7 aims half its signals at the load.
            metrics = wait_for_log(process, log, '"event":"metrics"')
            out, _ = process.communicate()
        result = Result(process.returncode, out.decode("utf-8", "replace"),
                        open(log, encoding="utf-8", errors="replace").read(), time.monotonic() - started)
        if result.returncode != 0 or metrics is None:
            sys.exit(f"error: the clean run of the sample failed (exit {result.returncode}):\n{result.text[-2000:]}")
        self.load_window = metrics - started
        self.clean = Baseline(workspace, store, result)
        db = sqlite3.connect(os.path.join(workspace, ".kpibridge", "warehouse.sqlite")) if self.kind == "sqlite" else None
        self.detail_columns = [r[1] for r in db.execute('PRAGMA table_info("reconciliation_detail")')
                               if r[1] != "run_id"] if db else []
        self.connectors = {}
        for line in result.out.splitlines():
            m = re.match(r"\s+loaded\s+(\S+) \[([a-z0-9_.]+)", line)
            if m:
                self.connectors[m.group(1)] = m.group(2)
        missing = [f for f in self.files if f not in self.connectors]
        if missing:
            sys.exit(f"error: no connector seen for {missing} in the clean run")
        return result

    # --- judging ----------------------------------------------------------------------------------

    def record(self, cls, label, outcome, detail=""):
        with self.lock:
            counts = self.results.setdefault(cls, {})
            counts[outcome] = counts.get(outcome, 0) + 1
            if outcome == VIOLATION:
                self.violations.append((cls, label, detail))
                print(f"  VIOLATION [{cls} {CLASS_NAMES[cls]}] {label}\n      " + detail.replace("\n", "\n      "),
                      flush=True)
            elif outcome == NOTE:
                self.notes.append((cls, label, detail))
            elif self.args.verbose:
                print(f"  {outcome:<11} [{cls}] {label}" + (f": {detail.splitlines()[0][:200]}" if detail else ""),
                      flush=True)
        return outcome

    def judge(self, cls, label, rel, workspace, store, result, column=None, baseline=None, deleted_rows=None,
              record=None, loose=False, files=None, reason=None):
        """Sorts one run of a damaged file into identical / named / quarantined / VIOLATION (recorded by
        `record`, default self.record); returns the outcome."""
        record = record or self.record
        baseline = baseline or self.clean
        crash = result.crash()
        if crash:
            return record(cls, label, VIOLATION, f"{crash}; output tail:\n{result.text.strip()[-1500:]}")
        if result.returncode != 0:
            named = result.failed_lines(rel)
            if not named:
                return record(cls, label, VIOLATION, f"exit {result.returncode} but no FAILED line names {rel}:\n"
                                   + result.text.strip()[-1500:])
            if column and header_key(column) not in header_key(" ".join(named)):
                # Named, but not the column that changed: worth knowing, not a violation of the rule.
                record(cls, label, NOTE, f"the failure does not name column {column!r}: {named[0].strip()[:400]}")
            return record(cls, label, NAMED, named[0])
        equal, diff = self.facts_equal(baseline, workspace, store, rel if loose else None)
        if equal:
            if store.kind == "sqlite":
                self.note_record_changes(cls, label, workspace, record, baseline)
            return record(cls, label, IDENTICAL)
        # Exit 0 with other facts. The one documented exception: rows quarantined for a bad cell, and the
        # facts exactly those of the file without them.
        quarantined = self.quarantined_lines(workspace, store, rel)
        file_line = result.file_line(rel)
        if quarantined:
            diff = [f"quarantined lines {sorted(quarantined)}: {sorted(set(quarantined.values()))[0][:300]}"] + diff
        if quarantined and deleted_rows:
            clean_without = self.baseline(files, {rel: deleted_rows(set(quarantined))})
            unnamed = [r for r in quarantined.values() if reason and reason not in r]
            if clean_without is not None:
                equal, diff2 = self.facts_equal(clean_without, workspace, store, rel if loose else None)
                if equal and not unnamed:
                    return record(cls, label, QUARANTINED, f"lines {sorted(quarantined)}: {file_line.strip()}; "
                                  + "; ".join(sorted(set(quarantined.values())))[:300])
                diff = ([f"quarantined lines {sorted(quarantined)}" + (f", for a reason without {reason!r}: {unnamed[0]}"
                                                                       if unnamed else "")]
                        + ([] if equal else ["and the facts differ from the file without those rows:"] + diff2))
        if column:
            # A JSON/XML column is a dotted path; the summary names the key the connector reads.
            keys = {f"`{header_key(column)}`", header_key(column.rsplit(".", 1)[-1])}
            declared = [l.strip() for l in result.out.splitlines()
                        if "connector's default" in l and any(k in header_key(l) for k in keys)]
            if declared:
                return record(cls, label, DECLARED, f"{file_line.strip()}; {declared[0]}")
        warned = [l.strip() for l in result.out.splitlines() if "new columns the connector does not know" in l]
        where = "the whole sample" if files is None else f"a workspace of {len(files)} files: " + ", ".join(
            os.path.basename(f) for f in files)
        detail = (f"exit 0 and different facts (in {where}); summary: {file_line.strip()}"
                  + (f"\n{warned[0]}" if warned else "\n(no warning in the output)") + "\n" + "\n".join(diff))
        return record(cls, label, VIOLATION, detail)

    def quarantined_lines(self, workspace, store, rel):
        """{line: reason} of `rel`'s rows quarantined in this store beyond those the clean run quarantined."""
        clean = {(r["file"], int(r["line"])) for r in self.clean.quarantine}
        return {int(r["line"]): r["reason"] for r in common.export(workspace, store, "quarantine")
                if r["file"] == rel and (rel, int(r["line"])) not in clean}

    def note_record_changes(self, cls, label, workspace, record, baseline):
        """Facts identical, but the loaded records differ: not the rule's business, but reported."""
        rows = loaded_records(workspace, self.clean.records_tables)
        changed = [t for t in rows if rows[t] != baseline.records.get(t)]
        if changed:
            record(cls, label, NOTE, "facts identical, records differ in " + ", ".join(changed))

    def alone(self, label, rel, data):
        """A workspace holding the sample's configuration and only `data` at `rel`."""
        return self.workspace(label, {rel: data}, files=[], kind="alone")

    def context(self, rel):
        """(files, baseline) for stage 2 of a damaged `rel`: the context CONTEXTS gives it, checked once —
        the undamaged file must change that context's facts, else the whole sample is used."""
        with self.lock:
            guard = self.context_locks.setdefault(rel, threading.Lock())
        with guard:
            return self._context(rel)

    def _context(self, rel):
        if rel in self.contexts:
            return self.contexts[rel]
        files = None
        if not self.args.whole:
            wanted = next(extra for prefix, extra in CONTEXTS if rel.startswith(prefix))
            files = None if wanted is None else sorted(set(wanted) | {rel})
        chosen = (None, self.clean)
        if files is not None:
            with_it, without = self.baseline(files), self.baseline([f for f in files if f != rel])
            if with_it.export != without.export:
                chosen = (files, with_it)
            else:
                print(f"  note: {rel} changes no fact among {len(files) - 1} context files; "
                      f"its stage 2 runs on the whole sample", flush=True)
        with self.lock:
            self.contexts[rel] = chosen
        return chosen

    def baseline(self, files, changes=None):
        """A clean run of the configuration and `files` (with `changes`), cached; None if it failed."""
        key = (tuple(files) if files is not None else None, tuple(sorted((changes or {}).items())))
        with self.lock:
            if key in self.baselines:
                return self.baselines[key]
        workspace = self.workspace("baseline", changes, files=files, kind="ctx")
        store = self.stores.new()
        store.reset(workspace)
        result = run(workspace, store)
        found = Baseline(workspace, store, result) if result.returncode == 0 else None
        with self.lock:
            self.baselines[key] = found
        return found

    def case(self, m):
        """Runs one mutation and judges it; a batch that is not clean is tried again column by column."""
        outcome = self.attempt(m, record=not m.singles)
        if m.singles and outcome == VIOLATION:
            self.record(m.cls, m.label, NOTE, "not clean as a batch: tried one by one")
            for single in m.singles:
                self.attempt(single)
        elif m.singles:
            self.record(m.cls, m.label, outcome)

    def attempt(self, m, record=True):
        """Stage 1: the damaged file alone — a file's failure does not depend on the others (each file is
        planned, checked and loaded alone), so a failure here is the case's outcome at a tenth of the
        cost; and loading exactly the undamaged file's records, it cannot change a fact. Stage 2, when
        its records differ: the file damaged in its context (CONTEXTS; the whole sample with --whole or
        --all), against a clean run of that context."""
        judge = self.judge if record else self.classify
        store = self.stores.new()
        workspace = self.alone(m.label, m.rel, m.data)
        store.reset(workspace)
        result = run(workspace, store, timeout=self.args.case_timeout)
        if result.returncode != 0 or result.crash():
            outcome = judge(m.cls, m.label, m.rel, workspace, store, result, column=m.column)
            self.discard(workspace, store)
            return outcome
        same = self.same_records_alone(m.rel, workspace)
        self.discard(workspace, store)
        if same:
            return (self.record if record else lambda *a: a[2])(m.cls, m.label, IDENTICAL,
                                                                  "the same records as the file undamaged")
        files, baseline = self.context(m.rel)
        workspace = self.workspace(m.label, {m.rel: m.data}, files=files, kind="case" if files is None else "ctx")
        store.reset(workspace)
        result = run(workspace, store, timeout=self.args.case_timeout)
        outcome = judge(m.cls, m.label, m.rel, workspace, store, result, column=m.column, deleted_rows=m.deleter,
                        loose=m.relines, baseline=baseline, files=files, reason=m.reason)
        self.discard(workspace, store)
        return outcome

    # Records alone decide "identical" cheaply: the fact refresh reads the record tables and nothing else
    # of a file, so a damaged file that loads exactly the records of the undamaged one (lineage included;
    # the row hash aside) cannot change a fact. --all and PostgreSQL skip this and run stage 2.

    def same_records_alone(self, rel, workspace):
        if self.kind != "sqlite" or self.args.all:
            return False
        with self.lock:
            known = self.alone_records.get(rel)
        if known is None:
            clean = self.alone("clean-alone", rel, open(os.path.join(self.pristine, rel), "rb").read())
            store = self.stores.new()
            result = run(clean, store)
            if result.returncode != 0:
                raise RuntimeError(f"{rel} alone failed undamaged: {result.text[-800:]}")
            known = stored_rows(clean, self.clean.records_tables, RECORD_SKIP)
            self.discard(clean, store)
            with self.lock:
                self.alone_records[rel] = known
        return stored_rows(workspace, self.clean.records_tables, RECORD_SKIP) == known

    def classify(self, *args, **kwargs):
        """judge() without recording: the outcome only."""
        return self.judge(*args, record=lambda cls, label, outcome, detail="": outcome, **kwargs)

    # --- classes 0-4: mutations of each export ----------------------------------------------------

    def mutations(self, rel, classes):
        """Every Mutation of one export in `classes`."""
        data = open(os.path.join(self.pristine, rel), "rb").read()
        spec = Spec(self.connectors[rel])
        doc = codec(rel, data, spec)
        name = os.path.basename(rel)
        if 0 in classes:
            yield Mutation(0, f"{name}: written back unchanged", rel, doc.unchanged())
        if isinstance(doc, (Delimited, Workbook)):
            found = self.tabular_mutations(rel, name, doc, spec, classes)
        elif isinstance(doc, JSONDocument):
            found = self.keyed_mutations(rel, name, doc, spec, classes, ".", ("upper", "lower", "padded", "fullwidth"))
        else:
            found = self.keyed_mutations(rel, name, doc, spec, classes, "/", ("upper", "lower", "fullwidth"))

        def moved(m):
            """Whether the damaged file's rows start on other lines (a multi-line cell dropped, a JSON key
            less per record, records reordered): its lineage lines may then differ."""
            if m.data is None or isinstance(doc, Workbook):
                return False
            if isinstance(doc, Delimited):
                return Delimited(m.data, spec).first_lines != doc.first_lines
            return m.data.count(b"\n") != data.count(b"\n") or "reverse" in m.label
        for m in found:
            for one in [m] + (m.singles or []):
                one.relines = moved(one)
                if isinstance(doc, (Delimited, Workbook)):
                    one.deleter = doc.without_lines  # a quarantine is checked against the file without those rows
            yield m

    def tabular_mutations(self, rel, name, doc, spec, classes):
        header = doc.header
        fields = {header_key(f) for f in spec.fields}
        read = [i for i, h in enumerate(header) if h.strip() and header_key(h) in fields]
        unread = [i for i, h in enumerate(header) if h.strip() and i not in read]
        renamed = lambda indexes: doc.with_header(["x_" + h if i in indexes else h for i, h in enumerate(header)])
        if 1 in classes:
            singles = [Mutation(1, f"{name}: column {header[i]!r} renamed to 'x_{header[i]}'", rel, renamed({i}), header[i])
                       for i in unread]
            for i in read:
                yield Mutation(1, f"{name}: column {header[i]!r} renamed to 'x_{header[i]}'", rel, renamed({i}), header[i])
            if singles and self.args.all:
                yield from singles
            elif singles:
                # Columns no field reads: all at once (one by one only if that is not clean).
                yield Mutation(1, f"{name}: the {len(unread)} columns no field reads renamed", rel, renamed(set(unread)),
                               singles=singles)
        if 2 in classes:
            for style in self.styles:
                changed = [STYLES[style](h) if h else h for h in header]
                if changed != header:
                    yield Mutation(2, f"{name}: every header {style}", rel, doc.with_header(changed))
        if 3 in classes:
            singles = [Mutation(3, f"{name}: column {header[i]!r} dropped", rel, doc.without_columns({i}), header[i])
                       for i in unread]
            for i in read:
                yield Mutation(3, f"{name}: column {header[i]!r} dropped", rel, doc.without_columns({i}), header[i])
            if singles and self.args.all:
                yield from singles
            elif singles:
                yield Mutation(3, f"{name}: the {len(unread)} columns no field reads dropped", rel,
                               doc.without_columns(set(unread)), singles=singles)
            yield Mutation(3, f"{name}: columns in reverse order", rel, doc.reversed_columns())
        if 4 in classes and isinstance(doc, Workbook):
            cells = doc.numeric_cells()
            for n, (row, column) in enumerate(cells):
                ref = f"{column_letters(column)}{doc.rows[row][1]}"
                title = header[column] if column < len(header) else "?"
                yield Mutation(4, f"{name}: {ref} ({title!r}) a formula without its result", rel,
                               doc.with_formula(row, column, cached=False), reason="formula")
                if self.args.all or n == 0:
                    yield Mutation(4, f"{name}: {ref} ({title!r}) a formula with its cached result", rel,
                                   doc.with_formula(row, column, cached=True))

    def keyed_mutations(self, rel, name, doc, spec, classes, sep, styles):
        """JSON keys or XML elements and attributes, by path; a path is read when its name is in a
        field's column path or the record path."""
        names = spec.names() | {header_key(x) for x in re.split(r"[./]", spec.records or "")}
        paths = doc.paths()
        read = [p for p in paths if header_key(p[-1].lstrip("@")) in names]
        unread = [p for p in paths if p not in read]
        shown = lambda p: sep.join(x for x in p if x != "[]")
        leaf = lambda p: p[-1].lstrip("@")
        for cls, verb, change in ((1, "renamed to x_", lambda ps: doc.renamed(set(ps), lambda k: "x_" + k.lstrip("@"))),
                                  (3, "dropped", lambda ps: doc.dropped(set(ps)))):
            if cls not in classes:
                continue
            label = lambda p: f"{name}: {shown(p)} " + (f"renamed to x_{leaf(p)}" if cls == 1 else "dropped")
            singles = [Mutation(cls, label(p), rel, change([p]), leaf(p)) for p in unread if len(p) > 1]
            for p in read:
                yield Mutation(cls, label(p), rel, change([p]), leaf(p))
            if singles and self.args.all:
                yield from singles
            elif singles:
                yield Mutation(cls, f"{name}: the {len(singles)} keys no field reads {verb.strip()}", rel,
                               change([p for p in unread if len(p) > 1]), singles=singles)
        if 2 in classes:
            for style in styles:
                if style in self.styles:
                    change = STYLES[style]
                    changed = doc.renamed(None, change) if isinstance(doc, JSONDocument) else doc.restyled(change)
                    if changed != doc.unchanged():
                        yield Mutation(2, f"{name}: every name {style}", rel, changed)
        if 3 in classes:
            yield Mutation(3, f"{name}: " + ("keys" if isinstance(doc, JSONDocument) else "children") + " in reverse order",
                           rel, doc.reversed_keys() if isinstance(doc, JSONDocument) else doc.reversed_children())

    @property
    def styles(self):
        return list(STYLES) if self.args.all else ["upper", "padded", "fullwidth"]

    def mutation_classes(self, classes):
        files = [f for f in self.files if (not self.args.quick or f in QUICK_FILES)
                 and (not self.args.file or any(part in f for part in self.args.file))]
        cases = [m for rel in files for m in self.mutations(rel, classes) if m.data is not None]
        every = len(cases)
        cases = self.sampled(cases)
        started = time.monotonic()
        by_file, left = {}, []
        for m in cases:
            by_file.setdefault(m.rel, []).append(m)
        in_parallel(self.args.jobs, [lambda rel=rel, ms=ms: left.extend(self.probe(rel, ms)) for rel, ms in by_file.items()])
        in_parallel(self.args.jobs, [lambda m=m: self.case(m) for m in left])
        return len(cases), every, time.monotonic() - started

    def sampled(self, cases):
        """The cases `--share` keeps: per export and class, that share of its renames, styles and layout
        cases (at least one), drawn with a generator seeded by `--seed`, the export's name and the class,
        so a file's draw does not move when other files are added. Control cases (class 0) and formulas
        (class 4, one or two per workbook column) always run. A share of 1 keeps every case."""
        share = self.args.share
        if share >= 1:
            return cases
        groups = {}
        for m in cases:
            groups.setdefault((m.rel, m.cls), []).append(m)
        kept = set()
        for (rel, cls), members in groups.items():
            if cls in (0, 4):
                kept.update(map(id, members))
                continue
            draw = random.Random(f"{self.args.seed}:{rel}:{cls}")
            kept.update(map(id, draw.sample(members, max(1, math.ceil(share * len(members))))))
        return [m for m in cases if id(m) in kept]

    def probe(self, rel, mutations):
        """Stage 1 of many mutations of one export in one run: each damaged version is its own copy
        (`NAME.m0001.EXT`, routed to the same source as the export), so every copy that fails is named
        on its own FAILED line — one run instead of one per case, most of which fail. Returns the
        mutations still to run one by one (those that loaded, and all of them if the probe run crashed or
        a copy's name would change its routing)."""
        root, ext = os.path.splitext(rel)
        copies, seen = {}, set()
        for n, m in enumerate(mutations, 1):
            copy = f"{root}.m{n:04d}{ext}"
            if m.data not in seen and routed_by(copy, self.globs) == routed_by(rel, self.globs):
                copies[copy] = m
                seen.add(m.data)  # identical bytes would be skipped as repeated in the batch
        if len(copies) < 2:
            return mutations
        store = self.stores.new()
        workspace = self.workspace(f"probe {os.path.basename(rel)}", {c: m.data for c, m in copies.items()},
                                   files=[], kind="alone")
        store.reset(workspace)
        result = run(workspace, store, timeout=self.args.case_timeout * 2)
        self.discard(workspace, store)
        if result.crash():
            return mutations
        left = [m for m in mutations if m not in copies.values()]
        for copy, m in copies.items():
            named = result.failed_lines(copy) if result.returncode != 0 else []
            if not named:
                left.append(m)
                continue
            named = [line.replace(copy, rel + " (damaged)") for line in named]
            if m.column and header_key(m.column) not in header_key(" ".join(named)):
                self.record(m.cls, m.label, NOTE, f"the failure does not name column {m.column!r}: {named[0].strip()[:400]}")
            self.record(m.cls, m.label, NAMED, named[0])
        return left

    # --- class 5: truncation while loading --------------------------------------------------------

    def big_amazon(self, lines):
        """An All Orders export of `lines` data rows: the sample's rows again under new order ids."""
        source = open(os.path.join(SAMPLE, "inbox/amazon/All_Orders_20261001-20261031.txt"), encoding="utf-8").read()
        header, *rows = source.splitlines(keepends=True)
        out = [header]
        copy = 0
        while len(out) <= lines:
            copy += 1
            for row in rows:
                # 112-1234567-7654321 → (300 + copy)-1234567-7654321: every copy's orders are new orders.
                out.append(re.sub(r"\b1\d\d-(\d{7})-(\d{7})\b", lambda m: f"{300 + copy}-{m.group(1)}-{m.group(2)}", row))
                if len(out) > lines:
                    break
        return "".join(out).encode("utf-8")

    def truncation(self, kinds, rng):
        """Changes a large export while `run` loads it; `kinds` lists the changes to try, in turn:
          truncate   cut to half its size;
          rewrite    late bytes changed in place (same size: quantities 1 → 7 in the last quarter);
          transient  the same change ahead of the reader, undone once the reader has read past it and
                     before the read ends: the bytes loaded were never the file's bytes at planning
                     or at the end of the read."""
        rel = "inbox/amazon/All_Orders_big.txt"
        data = self.big_amazon(self.args.truncate_lines)
        base = os.path.join(self.scratch, "truncation")
        os.makedirs(os.path.join(base, "inbox", "amazon"))
        copy_configuration(SAMPLE, base)
        path = os.path.join(base, rel)
        with open(path, "wb") as f:
            f.write(data)
        store = self.stores.new()
        store.reset(base)
        log = os.path.join(self.scratch, "truncation-clean.log")
        started = time.monotonic()
        with open(log, "wb") as err:
            process = start_json_run(base, store, err)
            loading = wait_for_log(process, log, '"event":"loading"')
            loaded = wait_for_log(process, log, '"event":"metrics"')  # the fact refresh follows the load
            process.communicate()
        ended = time.monotonic()
        if process.returncode != 0 or loading is None or loaded is None:
            sys.exit(f"error: the clean run of the large export failed (exit {process.returncode}); see {log}")
        load_seconds = loaded - loading
        clean = Baseline(base, store, None)
        print(f"  truncation: {len(data) >> 10} KB, {self.args.truncate_lines} rows; clean run {ended - started:.1f} s "
              f"(loading {load_seconds:.1f} s)", flush=True)
        # The changed region of `rewrite` and `transient`: from three quarters of the file, 256 KB.
        start, end = len(data) * 3 // 4, len(data) * 3 // 4 + (256 << 10)
        changed = data[start:end].replace(b"\t1\tUSD\t", b"\t7\tUSD\t")
        for n, kind in enumerate(kinds, 1):
            store.reset(base)
            with open(path, "wb") as f:
                f.write(data)
            label = f"{kind} #{n}"
            log = os.path.join(self.scratch, f"truncation-{n}.log")
            started = time.monotonic()
            with open(log, "wb") as err:
                process = start_json_run(base, store, err,
                                           start_new_session=True)
                # The load has begun (planning hashed the file before it): find the reader's descriptor.
                when, fd = None, None
                if wait_for_log(process, log, '"event":"loading"') is not None:
                    fd = wait_for_open(process, path)
                if fd is not None:
                    if kind != "transient":
                        time.sleep(rng.uniform(0, 0.6 * load_seconds))
                    if process.poll() is None:
                        when = time.monotonic() - started
                        if kind == "truncate":
                            os.truncate(path, len(data) // 2)
                        else:
                            with open(path, "r+b") as f:
                                f.seek(start)
                                f.write(changed)
                        if kind == "transient":
                            # Undo once the reader's offset is past the region (and a read buffer more).
                            while process.poll() is None and (reader_offset(process, fd) or 0) < end + (128 << 10):
                                time.sleep(0.001)
                            with open(path, "r+b") as f:
                                f.seek(start)
                                f.write(data[start:end])
                            label += f" (undone at {time.monotonic() - started:.2f} s)"
                try:
                    out, _ = process.communicate(timeout=self.args.case_timeout * 5)
                    result = Result(process.returncode, out.decode("utf-8", "replace"),
                                    open(log, encoding="utf-8", errors="replace").read(), time.monotonic() - started)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
                    result = Result(process.returncode, "", "", time.monotonic() - started, timed_out=True)
            self.judge_truncation(label, rel, result, when, clean, base, store)
            # The whole file back: the next run must load it (or skip it, if it was loaded whole).
            with open(path, "wb") as f:
                f.write(data)
            again = run(base, store, timeout=self.args.case_timeout * 5)
            equal, diff = (False, [again.crash() or f"exit {again.returncode}: {again.text[-800:]}"]) \
                if again.returncode != 0 else self.facts_equal(clean, base, store)
            self.record(5, f"{label}: re-run with the whole file", IDENTICAL if equal else VIOLATION, "\n".join(diff))
        store.reset(base)

    def judge_truncation(self, label, rel, result, when, clean, base, store):
        crash = result.crash()
        if crash:
            return self.record(5, label, VIOLATION, crash)
        if when is None:
            equal, diff = self.facts_equal(clean, base, store) if result.returncode == 0 else (False, [])
            if equal:
                return self.record(5, label, IDENTICAL, "the run ended before the change")
            return self.record(5, label, VIOLATION, f"unchanged file, exit {result.returncode}: " + "\n".join(diff))
        if result.returncode != 0:
            named = [l for l in result.failed_lines(rel) if "changed while it was read" in l]
            if named:
                return self.record(5, label, NAMED, f"changed at {when:.2f} s: {named[0]}")
            return self.record(5, label, VIOLATION, f"changed at {when:.2f} s; exit {result.returncode} without "
                               f"'changed while it was read' naming {rel}:\n{result.out[-1500:]}")
        equal, diff = self.facts_equal(clean, base, store)
        if equal:
            return self.record(5, label, IDENTICAL, f"changed at {when:.2f} s, after the read")
        return self.record(5, label, VIOLATION, f"changed at {when:.2f} s; exit 0 and different facts "
                           f"({result.file_line(rel).strip()}):\n" + "\n".join(diff))

    # --- class 6: inbox listing faults ------------------------------------------------------------

    def listing(self):
        """Inbox entries that are not plain readable files."""
        outside = os.path.join(self.scratch, "outside")
        os.makedirs(outside, exist_ok=True)
        shopify = open(os.path.join(SAMPLE, "inbox/shopify/orders_export_1.csv"), "rb").read()
        # New order ids: were these files read, the facts would change.
        extra = shopify.replace(b"#1", b"#8")
        with open(os.path.join(outside, "orders_export_outside.csv"), "wb") as f:
            f.write(extra)
        amazon = open(os.path.join(SAMPLE, "inbox/amazon/All_Orders_20261001-20261031.txt"), "rb").read()
        hidden = re.sub(rb"\b112-", b"119-", amazon)

        def unlistable(ws):
            folder = os.path.join(ws, "inbox", "amazon", "locked")
            os.makedirs(folder)
            with open(os.path.join(folder, "All_Orders_locked.txt"), "wb") as f:
                f.write(hidden)
            os.chmod(folder, 0)
            return "inbox/amazon/locked"

        def linked_out(ws):
            os.symlink(outside, os.path.join(ws, "inbox", "shopify", "linked"))
            return "inbox/shopify/linked"

        def dangling(ws):
            os.symlink(os.path.join(ws, "no-such-file.txt"), os.path.join(ws, "inbox", "amazon", "All_Orders_gone.txt"))
            return "inbox/amazon/All_Orders_gone.txt"

        def fifo(ws):
            os.mkfifo(os.path.join(ws, "inbox", "amazon", "All_Orders_pipe.txt"))
            return "inbox/amazon/All_Orders_pipe.txt"

        def unix_socket(ws):
            # (A socket path may hold 107 bytes; the scratch paths are well within. No chdir: other
            # threads run cases meanwhile.)
            s = socket.socket(socket.AF_UNIX)
            s.bind(os.path.join(ws, "inbox", "shopify", "orders.csv.sock"))
            s.close()
            return "inbox/shopify/orders.csv.sock"

        def linked_inside(ws):
            os.rename(os.path.join(ws, "inbox", "walmart"), os.path.join(ws, "walmart-real"))
            os.symlink("../walmart-real", os.path.join(ws, "inbox", "walmart"))
            return None

        def dotfile(ws):
            with open(os.path.join(ws, "inbox", "amazon", ".All_Orders_hidden.txt"), "wb") as f:
                f.write(hidden)
            return "inbox/amazon/.All_Orders_hidden.txt"

        cases = [("an unlistable folder (chmod 000)", unlistable), ("a folder linked out of the workspace", linked_out),
                 ("a dangling link", dangling), ("a FIFO", fifo), ("a socket", unix_socket),
                 ("a folder linked inside the workspace", linked_inside), ("a dotfile", dotfile)]
        for label, setup in cases:
            store = self.stores.new()
            workspace = self.workspace(label)
            store.reset(workspace)
            entry = setup(workspace)
            if setup is unlistable and os.geteuid() == 0:
                # Root reads a chmod-000 folder anyway: run as nobody, or skip.
                if not shutil.which("setpriv"):
                    print(f"  note: {label}: running as root and cannot drop privileges here; skipped", flush=True)
                    self.record(6, label, NOTE, "skipped: root ignores chmod 000")
                    self.discard(workspace, store)
                    continue
                subprocess.run(["chown", "-R", "65534:65534", workspace], check=True)
                # nobody must reach the workspace through the scratch folders (mkdtemp makes them 0700).
                for folder in (os.path.dirname(self.scratch), self.scratch):
                    os.chmod(folder, 0o711)
                result = self.as_nobody(workspace, store)
            else:
                result = run(workspace, store, timeout=60)
            if setup is dotfile:
                equal, _ = self.facts_equal(self.clean, workspace, store)
                line = result.file_line(entry).strip()
                behaviour = (f"exit {result.returncode}; " + (line or "not mentioned in the summary") + "; "
                             + ("facts identical (its orders were not loaded)" if equal
                                else "facts changed (its orders were loaded)"))
                print(f"  note: {label}: {behaviour}", flush=True)
                self.record(6, label, NOTE, behaviour)
            elif entry is None:
                self.judge(6, label, "inbox/walmart", workspace, store, result)
            else:
                self.judge(6, label, entry, workspace, store, result)
                if result.returncode == 1 and result.failed_lines(entry) and not result.crash():
                    equal, diff = self.facts_equal(self.clean, workspace, store)
                    if not equal:  # the entry named FAILED must have contributed nothing
                        self.record(6, f"{label}: the other files' facts", VIOLATION, "\n".join(diff))
            if setup is unlistable:
                os.chmod(os.path.join(workspace, "inbox", "amazon", "locked"), 0o755)
            self.discard(workspace, store)

    def as_nobody(self, workspace, store):
        # A temporary folder nobody may write (the fact refresh spools to $TMPDIR; /tmp may be root's only).
        tmp = os.path.join(self.scratch, "nobody-tmp")
        os.makedirs(tmp, exist_ok=True)
        os.chown(tmp, 65534, 65534)
        started = time.monotonic()
        process = subprocess.Popen(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", common.binary(),
                                    "run", "--workspace", workspace] + store.arguments(workspace),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   start_new_session=True, cwd="/", env={**os.environ, "TMPDIR": tmp})
        return finish(process, started, 60)

    # --- class 7: signals -------------------------------------------------------------------------

    def signals(self, count, rng):
        """SIGINT and SIGTERM at once (round 0: the process's first moment, so the start is always
        tried), then at `count` seeded moments each: alternately within the clean run's load (where a
        stop rolls back the file being loaded) and anywhere in the run."""
        for n in range(count + 1):
            for number, code in ((signal.SIGINT, 130), (signal.SIGTERM, 143)):
                name = signal.Signals(number).name
                delay = 0 if n == 0 else rng.uniform(0, self.load_window if n % 2 else self.clean.result.seconds)
                label = f"{name} at {delay:.2f} s" + (f" (#{n})" if n else " (at once)")
                store = self.stores.new()
                workspace = self.workspace(label)
                store.reset(workspace)
                log = os.path.join(self.scratch, f"signal-{n}-{name}.log")
                started = time.monotonic()
                with open(log, "wb") as err:
                    process = start_json_run(workspace, store, err,
                                               start_new_session=True)
                    time.sleep(delay)
                    sent = process.poll() is None
                    phase = "finished"
                    if sent:
                        # The run's phase when the signal went: its log's last kind of event.
                        events = [e.get("event") for e in common.log_events(log)]
                        phase = ("scoring" if "scoring" in events else "fact refresh" if "metrics" in events
                                 else "loading" if events else "startup or planning (nothing logged yet)")
                        process.send_signal(number)
                    try:
                        out, _ = process.communicate(timeout=120)
                        result = Result(process.returncode, out.decode("utf-8", "replace"),
                                        open(log, encoding="utf-8", errors="replace").read(), time.monotonic() - started)
                    except subprocess.TimeoutExpired:
                        os.killpg(process.pid, signal.SIGKILL)
                        process.wait()
                        result = Result(process.returncode, "", "", time.monotonic() - started, timed_out=True)
                problems = []
                if result.timed_out:
                    problems.append("no exit within 120 s after the signal")
                elif result.returncode == code:
                    if not re.search(r"stopp|interrupt", result.text, re.I):
                        problems.append(f"exit {code} without a message")
                elif result.returncode == -number and phase.startswith("startup"):
                    # Died of the signal before its handler was installed (process start, argument parsing):
                    # nothing was opened or written, as the checks below confirm; a shell reports 128+N.
                    pass
                elif result.returncode != 0:
                    problems.append(f"exit {result.returncode} (expected {code}, or 0 if it had finished)"
                                    + (f": {result.crash()}" if result.crash() else ""))
                status = ""
                if not result.timed_out:
                    try:
                        runs = common.export(workspace, store, "runs")
                        status = runs[0]["status"] if runs else "no run recorded"
                    except common.NoStore:
                        status = "no store yet"
                    if result.returncode == -number and status not in ("no store yet", "no run recorded"):
                        problems.append(f"killed by the signal before its handler, but the store holds a run ({status!r})")
                    if result.returncode == code and status != "interrupted":
                        problems.append(f"the stopped run is recorded {status!r}")
                again = run(workspace, store)
                if again.returncode != 0:
                    problems.append(f"the re-run exited {again.returncode}: {again.text.strip()[-600:]}")
                else:
                    equal, diff = self.facts_equal(self.clean, workspace, store)
                    if not equal:
                        problems.append("the re-run's facts differ from the clean run's:\n" + "\n".join(diff))
                    if any(r["status"] == "running" for r in common.export(workspace, store, "runs")):
                        problems.append("a run is still marked running")
                where = (f"sent during {phase}: exit {result.returncode}, run {status or '?'}" if sent
                         else "the run finished before the signal")
                if problems:
                    self.record(7, label, VIOLATION, f"{where}; " + "\n".join(problems)
                                + f"\noutput tail:\n{result.text.strip()[-800:]}")
                else:
                    self.record(7, label, NAMED if result.returncode in (code, -number) else IDENTICAL,
                                f"{where}; the re-run's facts are the clean run's")
                self.discard(workspace, store)


def guarded(work, errors):
    """Runs `work`, keeping its exception for the thread that waits (a thread's own would be lost)."""
    try:
        work()
    except BaseException as error:  # noqa: BLE001 - re-raised by the caller
        errors.append(error)


def glob_pattern(glob):
    """A kpibridge.yaml `files:` glob as a regular expression (`*` and `?` within one path segment)."""
    return "".join("[^/]*" if c == "*" else "[^/]" if c == "?" else re.escape(c) for c in glob)


def routed_by(rel, globs):
    """Which `files:` glob of kpibridge.yaml routes `rel` (the first that matches), None if none does."""
    return next((i for i, g in enumerate(globs) if re.fullmatch(glob_pattern(g), rel)), None)


def in_parallel(jobs, tasks):
    """Runs `tasks` (callables) on `jobs` threads; the first exception is raised at the end.
    (Not concurrent.futures: Reliability/concurrent.py shadows that package here.)"""
    pending, errors = queue.Queue(), []
    for task in tasks:
        pending.put(task)

    def worker():
        while True:
            try:
                task = pending.get_nowait()
            except queue.Empty:
                return
            try:
                task()
            except Exception as error:  # noqa: BLE001 - reported after the others finish
                errors.append(error)
    threads = [threading.Thread(target=worker) for _ in range(max(1, jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


def wait_for_log(process, log, needle, timeout=120):
    """Monotonic time when `needle` appeared in the file `log`; None if the process ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(log, encoding="utf-8", errors="replace") as f:
            if needle in f.read():
                return time.monotonic()
        if process.poll() is not None:
            return None
        time.sleep(0.002)
    return None


def wait_for_open(process, path, timeout=60):
    """The descriptor with which `process` holds `path` open (seen in /proc/PID/fd); None if it ended first."""
    fds = f"/proc/{process.pid}/fd"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            for fd in os.listdir(fds):
                try:
                    if os.readlink(os.path.join(fds, fd)) == path:
                        return fd
                except OSError:
                    pass
        except OSError:
            return None
        time.sleep(0.001)
    return None


def reader_offset(process, fd):
    """The file offset of `process`'s descriptor `fd` (/proc/PID/fdinfo), or None once it is closed."""
    try:
        with open(f"/proc/{process.pid}/fdinfo/{fd}") as f:
            return int(f.readline().split()[1])
    except (OSError, ValueError, IndexError):
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="six files (one per format), fewer repetitions")
    size.add_argument("--all", action="store_true", help="every column of every file, more repetitions")
    parser.add_argument("--store", action="append", choices=["sqlite", "postgres"],
                        help="store(s) to test (default SQLite; PostgreSQL runs the --quick set)")
    parser.add_argument("--class", dest="classes", action="append", type=int, choices=sorted(CLASS_NAMES),
                        help="run only these classes (repeatable)")
    parser.add_argument("--file", action="append", metavar="TEXT",
                        help="damage only the exports whose inbox path contains TEXT (repeatable)")
    parser.add_argument("--whole", action="store_true",
                        help="run stage 2 of every mutation on the whole sample, not its context (--all does)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2,
                        help="mutation cases run at once (default: the number of CPUs)")
    parser.add_argument("--seed", type=int, default=20261205)
    parser.add_argument("--share", type=float, default=1.0, metavar="F",
                        help="run this share (0-1] of each export's renames, styles and layout cases, drawn with "
                             "--seed (control and formula cases always run; default 1: every case; --all ignores it)")
    parser.add_argument("--signals", type=int, help="SIGINT and SIGTERM runs each (default 4; quick 2, all 10)")
    parser.add_argument("--truncations", type=int, help="truncations while loading (default 3; quick 1, all 6)")
    parser.add_argument("--truncate-lines", type=int, default=15_000,
                        help="rows of the large export (default 15,000: about 3 s of loading on a debug build)")
    parser.add_argument("--case-timeout", type=int, default=120, help="seconds before a run counts as hung")
    parser.add_argument("--verbose", action="store_true", help="print every case")
    parser.add_argument("--keep", metavar="DIR", help="keep the case workspaces under DIR")
    args = parser.parse_args()
    if not 0 < args.share <= 1:
        parser.error("--share must be above 0 and at most 1")
    if args.all:
        args.share = 1.0
    classes = set(args.classes or CLASS_NAMES)
    signals_each = args.signals if args.signals is not None else 2 if args.quick else 10 if args.all else 4
    truncations = args.truncations if args.truncations is not None else 1 if args.quick else 6 if args.all else 3
    rewrites = 1 if args.quick else 3 if args.all else 1
    rng = random.Random(args.seed)
    started = time.monotonic()
    any_violation = False
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        scratch = tempfile.mkdtemp(prefix="kpibridge-silent-", dir=os.path.abspath(args.keep))
        print(f"silent: keeping the workspaces under {scratch}")
    else:
        scratch = tempfile.mkdtemp(prefix="kpibridge-silent-")
    harnesses = []
    try:
        for kind in args.store or ["sqlite"]:
            if kind == "postgres" and not os.environ.get("KPIBRIDGE_TEST_POSTGRES"):
                sys.exit("error: --store postgres needs KPIBRIDGE_TEST_POSTGRES")
            quick = args.quick or kind == "postgres"
            local = argparse.Namespace(**{**vars(args), "quick": quick, "whole": args.whole or args.all})
            harness = Harness(local, os.path.join(scratch, kind), kind)
            os.makedirs(harness.scratch, exist_ok=True)
            harnesses.append(harness)
            clean = harness.make_clean()
            print(f"silent {kind}: clean run of the sample {clean.seconds:.1f} s; "
                  f"{'quick set' if quick else 'all 29 exports'}{', every column' if args.all else ''}", flush=True)
            timings = {}
            kind_started = time.monotonic()
            for key in RUNS:
                RUNS[key] = 0
            cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu_before = cpu.ru_utime + cpu.ru_stime

            def timed(name, work):
                t = time.monotonic()
                work()
                timings[name] = time.monotonic() - t

            def disturbances():
                # Classes 5-7 are sequential (one run at a time, timed): they run beside the mutation
                # cases, which use the other core.
                if 5 in classes:
                    count = 1 if kind == "postgres" else truncations
                    timed("truncation", lambda: harness.truncation(
                        ["truncate"] * count + ["rewrite", "transient"] * rewrites, rng))
                if 6 in classes:
                    timed("listing", harness.listing)
                if 7 in classes:
                    timed("signals", lambda: harness.signals(1 if kind == "postgres" else signals_each, rng))
            mutation = sorted(classes & {0, 1, 2, 3, 4})
            errors = []
            beside = threading.Thread(target=lambda: guarded(disturbances, errors), daemon=True)
            beside.start()
            if mutation:
                count, every, seconds = harness.mutation_classes(set(mutation))
                timings["mutations"] = seconds
                drawn = "" if count == every else f" (of {every}: --share {local.share:g}, --seed {args.seed})"
                print(f"  mutations: {count} cases{drawn} in {seconds:.0f} s", flush=True)
            beside.join()
            if errors:
                raise errors[0]
            summary(harness, kind, time.monotonic() - kind_started, timings, cpu_before)
            any_violation |= bool(harness.violations)
    finally:
        for harness in harnesses:
            if harness.clean is not None:
                harness.cleanup()
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    print("silent: " + ("FAILED: outcomes that were neither the clean facts nor a named failure" if any_violation
                        else "every damaged input gave the clean run's facts or a named failure"))
    sys.exit(1 if any_violation else 0)


def summary(harness, kind, seconds, timings, cpu_before):
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"silent {kind}: {seconds:.0f} s (" + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items())
          + f"); runs: {RUNS['alone']} of exports alone, {RUNS['context']} in a context, {RUNS['sample']} of the sample; "
          f"CPU of the processes run {usage.ru_utime + usage.ru_stime - cpu_before:.0f} s")
    print(f"  {'class':<18} {'cases':>5} {'identical':>9} {'named':>6} {'quarant.':>8} {'declared':>8} {'VIOLATION':>9} "
          f"{'notes':>6}")
    for cls in sorted(harness.results):
        c = harness.results[cls]
        cases = sum(v for k, v in c.items() if k != NOTE)
        print(f"  {cls} {CLASS_NAMES[cls]:<16} {cases:>5} {c.get(IDENTICAL, 0):>9} {c.get(NAMED, 0):>6} "
              f"{c.get(QUARANTINED, 0):>8} {c.get(DECLARED, 0):>8} {c.get(VIOLATION, 0):>9} {c.get(NOTE, 0):>6}")
    # Notes: what is not a violation but worth a look, grouped by kind (every one with --verbose).
    groups = {}
    for cls, label, detail in harness.notes:
        kind = next((k for k in NOTE_KINDS if detail.startswith(k)), detail)
        groups.setdefault(kind, []).append((cls, label, detail))
    for kind, items in groups.items():
        shown = items if harness.args.verbose or kind not in NOTE_KINDS else items[:4]
        print(f"  note: {kind}" + (f" — {len(items)} cases" if kind in NOTE_KINDS else ""))
        for cls, label, detail in shown:
            rest = detail[len(kind):].strip(" :") if kind in NOTE_KINDS else ""
            print(f"        [{cls}] {label}" + (f": {rest.splitlines()[0][:200]}" if rest else ""))
        if len(shown) < len(items):
            print(f"        … and {len(items) - len(shown)} more (--verbose lists them)")
    for cls, label, detail in sorted(harness.violations, key=lambda v: (v[0], v[1])):
        print(f"  VIOLATION [{cls} {CLASS_NAMES[cls]}] {label}: {detail.splitlines()[0][:300]}")


if __name__ == "__main__":
    main()
