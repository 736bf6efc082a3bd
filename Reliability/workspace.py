#!/usr/bin/env python3
"""Copies the sample workspace and adds three large exports made from its own rows.

    workspace.py DIR [--copies K]

DIR gets samples/workspace (without its store) plus, for each k in 1..K, every order of the Amazon
All Orders exports, the Shopify export and the 马帮 export again under new order ids (Amazon
`112-…` → `2kk-…`, Shopify `#1001` → `#k-1001`, 马帮 `MB…` → `MKkk…`), written as
inbox/amazon/All_Orders_bulk.txt (UTF-8), inbox/shopify/orders_export_bulk.csv (UTF-8) and
inbox/erp/马帮订单导出_bulk.csv (GB18030): the sample's quirks (carried Shopify cells, a 合计 row, a
mistyped price) K times over, with ids consistent across the three so events and refunds meet their
orders. No randomness: the same K writes the same bytes.
"""
import argparse
import os
import re
import shutil

SAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples", "workspace")
AMAZON_ID = re.compile(r"\b1(\d\d)-(\d{7})-(\d{7})\b")
SHOPIFY_ID = re.compile(r"#(\d{4})\b")
MABANG_ID = re.compile(r"\bMB(\d{8})\b")


def variant(text, k):
    """`text` with every order id of the three layouts replaced by its k-th copy's."""
    text = AMAZON_ID.sub(lambda m: f"{200 + k:03d}-{m.group(2)}-{m.group(3)}", text)
    text = SHOPIFY_ID.sub(lambda m: f"#{k}-{m.group(1)}", text)
    return MABANG_ID.sub(lambda m: f"MK{k:02d}{m.group(1)}", text)


def amplify(sources, target, copies, encoding, header_lines=1, keep=None):
    """Writes `target`: the header of the first source, then each data row of every source, once per copy."""
    lines_by_source = []
    for path in sources:
        with open(path, encoding=encoding, newline="") as f:
            lines_by_source.append(f.read().splitlines(keepends=True))
    header = lines_by_source[0][:header_lines]
    with open(target, "w", encoding=encoding, newline="") as out:
        out.writelines(header)
        for k in range(1, copies + 1):
            for lines in lines_by_source:
                for line in lines[header_lines:]:
                    if keep is None or keep(line):
                        out.write(variant(line, k))


def build(directory, copies):
    if os.path.exists(directory):
        shutil.rmtree(directory)
    shutil.copytree(SAMPLE, directory, ignore=shutil.ignore_patterns(".kpibridge"))
    inbox = os.path.join(directory, "inbox")
    amazon = [os.path.join(inbox, "amazon", n) for n in
              ("All_Orders_20260901-20261005.txt", "All_Orders_20261001-20261031.txt")]
    amplify(amazon, os.path.join(inbox, "amazon", "All_Orders_bulk.txt"), copies, "utf-8")
    amplify([os.path.join(inbox, "shopify", "orders_export_1.csv")],
            os.path.join(inbox, "shopify", "orders_export_bulk.csv"), copies, "utf-8")
    # The 合计 (total) row stays once, as the ERP writes it: on the original export only.
    amplify([os.path.join(inbox, "erp", "马帮订单导出_202609-202610.csv")],
            os.path.join(inbox, "erp", "马帮订单导出_bulk.csv"), copies, "gb18030",
            keep=lambda line: not line.startswith("合计"))
    return directory


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory")
    parser.add_argument("--copies", type=int, default=30)
    args = parser.parse_args()
    build(args.directory, args.copies)


if __name__ == "__main__":
    main()
