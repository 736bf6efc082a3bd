#!/usr/bin/env python3
"""Writes a large Shopify pull for mock_api.py: PAGES pages of PER_PAGE orders (2 line items each, every
fifth with a refund), linked by `Link: rel="next"`, and a workspace whose one stream reads them.

    python3 Benchmarks/pull_scenario.py --pages 40 --per-page 250 --port 8799 OUT
    python3 samples/api-demo/mock_api.py --scenario OUT/scenario.json --port 8799 &
    kpibridge run --workspace OUT/workspace

Fixed data (no randomness): the same arguments give the same bytes.
"""
import argparse
import json
import os
import shutil


def order(n):
    created = "2026-11-%02dT%02d:%02d:00-08:00" % (1 + n % 28, n % 24, n % 60)
    refunds = [{"transactions": [{"kind": "refund", "status": "success", "amount": "3.50"}]}] if n % 5 == 0 else []
    return {"id": 9000000 + n, "name": "#%d" % (100000 + n), "created_at": created, "updated_at": created,
            "processed_at": created, "cancelled_at": None, "financial_status": "paid", "currency": "USD",
            "total_tax": "1.20", "total_shipping_price_set": {"shop_money": {"amount": "4.00"}},
            "line_items": [{"id": n * 10 + 1, "sku": "SKU-%03d" % (n % 300), "quantity": 1 + n % 3, "price": "19.99"},
                           {"id": n * 10 + 2, "sku": "SKU-%03d" % ((n + 7) % 300), "quantity": 1, "price": "5.25"}],
            "fulfillments": [{"status": "success", "created_at": created, "tracking_number": "1Z%08d" % n}],
            "refunds": refunds}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--per-page", type=int, default=250)
    parser.add_argument("--port", type=int, default=8799)
    args = parser.parse_args()
    os.makedirs(os.path.join(args.out, "pages"), exist_ok=True)
    path = "/admin/api/2025-07/orders.json"
    routes = []
    for page in range(args.pages):
        name = "pages/%04d.json" % page
        with open(os.path.join(args.out, name), "w") as handle:
            json.dump({"orders": [order(page * args.per_page + i) for i in range(args.per_page)]}, handle)
        headers = {"Content-Type": "application/json", "X-Shopify-Shop-Api-Call-Limit": "1/40"}
        if page + 1 < args.pages:
            headers["Link"] = '<{{base}}%s?limit=250&page_info=p%d>; rel="next"' % (path, page + 1)
        query = {"status": "any"} if page == 0 else {"page_info": "p%d" % page}
        routes.append({"path": path, "query": query, "responses": [{"file": name, "headers": headers}]})
    with open(os.path.join(args.out, "scenario.json"), "w") as handle:
        json.dump({"routes": routes}, handle)
    workspace = os.path.join(args.out, "workspace")
    demo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples", "api-demo")
    os.makedirs(os.path.join(workspace, "credentials"), exist_ok=True)
    for name in ("definitions.yaml", "fx_rates.csv"):
        shutil.copy(os.path.join(demo, name), workspace)
    with open(os.path.join(workspace, "credentials", "token"), "w") as handle:
        handle.write("shpat_bench\n")
    with open(os.path.join(workspace, "kpibridge.yaml"), "w") as handle:
        handle.write("sources: []\nstreams:\n  - stream: shopify-orders\n    api: shopify.orders\n"
                     "    base_url: http://127.0.0.1:%d/admin/api/2025-07\n    shop: shopify-dtc\n"
                     "    start: 2026-11-01\n    credentials: {access_token: file:credentials/token}\n" % args.port)


if __name__ == "__main__":
    main()
