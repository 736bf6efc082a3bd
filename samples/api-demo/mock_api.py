#!/usr/bin/env python3
"""A scripted stand-in for the Shopify, TikTok Shop and Amazon SP-API endpoints and for chat webhooks
(飞书, 钉钉, 企业微信, Slack), on 127.0.0.1.

kpibridge's pull tests start it, and so does the demo in samples/api-demo. It serves what a
scenario (JSON) lists: routes matched by method, path and query values, each with responses given
in turn (the last one repeats). A response may be JSON, text, gzip-compressed text, a file, or a
connection dropped halfway through its body. `{{base}}` in a body or header becomes the server's
own address. A route with `tiktok_secret`, `feishu_secret` or `dingtalk_secret` checks the request's
signature as that platform does and answers with the platform's error when it is wrong. Every request is kept and `GET /_log` returns them; `POST /_scenario` replaces the
scenario and empties the log.

    python3 mock_api.py --scenario scenario.json [--port 8765]

prints `listening on http://127.0.0.1:PORT` once ready (port 0 picks a free one).
"""
import argparse
import base64
import gzip
import hashlib
import hmac
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

LOCK = threading.Lock()
STATE = {"scenario": {"routes": []}, "hits": {}, "log": [], "folder": "."}


def tiktok_sign(path, query, body, secret):
    """TikTok Shop's documented signature, recomputed to check what the client sent."""
    message = secret + path
    for name in sorted(query):
        if name not in ("sign", "access_token"):
            message += name + query[name]
    message += body + secret
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def feishu_sign(timestamp, secret):
    """飞书's bot signature: HMAC-SHA256 keyed with "timestamp\nsecret" over nothing, base64."""
    key = ("%s\n%s" % (timestamp, secret)).encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()


def dingtalk_sign(timestamp, secret):
    """钉钉's robot signature: HMAC-SHA256 keyed with the secret over "timestamp\nsecret", base64."""
    message = ("%s\n%s" % (timestamp, secret)).encode()
    return base64.b64encode(hmac.new(secret.encode(), message, hashlib.sha256).digest()).decode()


def choose(method, path, query):
    best, best_index = None, None
    for index, route in enumerate(STATE["scenario"].get("routes", [])):
        if route.get("method", "GET") != method or route["path"] != path:
            continue
        wanted = route.get("query", {})
        if all(query.get(k) == v for k, v in wanted.items()):
            if best is None or len(wanted) > len(best.get("query", {})):
                best, best_index = route, index
    return best, best_index


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self, method):
        split = urlsplit(self.path)
        query = dict(parse_qsl(split.query, keep_blank_values=True))
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        base = "http://127.0.0.1:%d" % self.server.server_address[1]
        if split.path == "/_scenario" and method == "POST":
            with LOCK:
                STATE["scenario"] = json.loads(body)
                STATE["hits"], STATE["log"] = {}, []
            return self.send(200, {}, b"{}")
        if split.path == "/_log":
            with LOCK:
                data = json.dumps(STATE["log"]).encode()
            return self.send(200, {"Content-Type": "application/json"}, data)
        with LOCK:
            STATE["log"].append({"method": method, "path": split.path, "query": query,
                                 "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body})
            route, index = choose(method, split.path, query)
            if route is None:
                reply = {"status": 404, "json": {"errors": "no route for %s %s" % (method, self.path)}}
            else:
                hit = STATE["hits"].get(index, 0)
                STATE["hits"][index] = hit + 1
                replies = route["responses"]
                reply = replies[min(hit, len(replies) - 1)]
        secret = route.get("tiktok_secret") if route else None
        if secret and query.get("sign") != tiktok_sign(split.path, query, body, secret):
            reply = {"status": 200, "json": {"code": 106001, "message": "Invalid signature"}}
        secret = route.get("feishu_secret") if route else None
        if secret:
            try:
                payload = json.loads(body)
            except ValueError:
                payload = {}
            if payload.get("sign") != feishu_sign(payload.get("timestamp", ""), secret):
                reply = {"status": 200, "json": {"code": 19021, "msg": "sign match fail"}}
        secret = route.get("dingtalk_secret") if route else None
        if secret and query.get("sign") != dingtalk_sign(query.get("timestamp", ""), secret):
            reply = {"status": 200, "json": {"errcode": 310000, "errmsg": "sign not match"}}
        headers = {k: v.replace("{{base}}", base) for k, v in reply.get("headers", {}).items()}
        if "json" in reply:
            data = json.dumps(reply["json"]).replace("{{base}}", base).encode()
            headers.setdefault("Content-Type", "application/json")
        elif "gzip_text" in reply:
            data = gzip.compress(reply["gzip_text"].encode(), mtime=0)
        elif "gzip_file" in reply:
            with open(os.path.join(STATE["folder"], reply["gzip_file"]), "rb") as handle:
                data = gzip.compress(handle.read(), mtime=0)
        elif "file" in reply:
            with open(os.path.join(STATE["folder"], reply["file"]), "rb") as handle:
                data = handle.read().replace(b"{{base}}", base.encode())
        else:
            data = reply.get("body", "").replace("{{base}}", base).encode()
        if reply.get("drop"):
            # Promise the whole body, send half, hang up: a connection lost mid-page.
            self.send_response(reply.get("status", 200))
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self.send(reply.get("status", 200), headers, data)

    def send(self, status, headers, data):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", help="scenario JSON file (default: none until POST /_scenario)")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--exit-with-parent", action="store_true",
                        help="exit when the process that started this one ends (tests: no server outlives a crashed run)")
    args = parser.parse_args()
    if args.exit_with_parent:
        parent = os.getppid()

        def watch():
            while os.getppid() == parent:
                threading.Event().wait(0.5)
            os._exit(0)

        threading.Thread(target=watch, daemon=True).start()
    if args.scenario:
        with open(args.scenario, encoding="utf-8") as handle:
            STATE["scenario"] = json.load(handle)
        STATE["folder"] = os.path.dirname(os.path.abspath(args.scenario))
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print("listening on http://127.0.0.1:%d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
