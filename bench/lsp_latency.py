#!/usr/bin/env python3
"""Latency of `ocrlint lsp`: time from didChange to the publishDiagnostics of that version.

Builds a ~200 KB Chinese document from the real pages in corpus_samples/, opens it, then
makes 100 single-character edits (alternately inserting and deleting a full-width letter at
spread-out positions) and measures each edit's didChange -> publishDiagnostics time: from
sending the change to having read the whole notification (before this client parses it). Edits
are spaced beyond the 50 ms debounce, so this is the latency of an isolated edit (a burst of
keystrokes is coalesced and linted once, 50 ms after its last key).

    python3 bench/lsp_latency.py [build/ocrlint] [--size 200000] [--edits 100]
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def frame(message):
    body = json.dumps(message, ensure_ascii=False).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Server:
    def __init__(self, binary):
        self.proc = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        self.next_id = 1

    def send(self, message):
        self.proc.stdin.write(frame(message))
        self.proc.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        body = self.proc.stdout.read(length)
        # When the whole message has arrived: the latency stops here, not after Python's
        # json.loads of it (a raw page's ~400 KB of diagnostics take it several ms).
        self.arrived = time.perf_counter()
        return json.loads(body)

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == rid and "method" not in message:
                return message

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_diagnostics(self, uri, version):
        while True:
            message = self.read()
            if message.get("method") != "textDocument/publishDiagnostics":
                continue
            params = message["params"]
            if params["uri"] == uri and params.get("version") == version:
                return params


def build_document(size):
    pages = sorted((ROOT / "corpus_samples").glob("luoyang-*"))
    text = "".join(p.read_text(encoding="utf-8") + "\n" for p in pages)
    out = ""
    while len(out.encode("utf-8")) < size:
        out += text
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default=str(ROOT / "build" / "ocrlint"))
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--edits", type=int, default=100)
    args = parser.parse_args()

    text = build_document(args.size)
    lines = text.split("\n")
    uri = "file://" + str(ROOT / "bench" / "lsp-latency-document.txt")
    server = Server(args.binary)
    server.request("initialize", {"processId": os.getpid(), "rootUri": None,
                                  "capabilities": {}})
    server.notify("initialized", {})
    # The first answer pays what the server loads on first use (ICU's CJK engine, ...).
    start = time.perf_counter()
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
    first = server.wait_diagnostics(uri, 1)
    first_ms = (server.arrived - start) * 1000

    timings = []
    version = 1
    for i in range(args.edits):
        line = (i * 7919) % len(lines)
        if not lines[line]:
            line = (line + 1) % len(lines)
        insert = i % 2 == 0
        if not insert:
            line = previous_line
        change = ({"range": {"start": {"line": line, "character": 0},
                             "end": {"line": line, "character": 0}}, "text": "Ａ"}
                  if insert else
                  {"range": {"start": {"line": line, "character": 0},
                             "end": {"line": line, "character": 1}}, "text": ""})
        previous_line = line
        version += 1
        time.sleep(0.06)  # beyond the debounce: an isolated edit
        start = time.perf_counter()
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        server.wait_diagnostics(uri, version)
        timings.append((server.arrived - start) * 1000)

    server.request("shutdown", None)
    server.notify("exit", None)
    server.proc.wait(timeout=10)

    timings.sort()
    p99 = timings[min(len(timings) - 1, int(round(0.99 * len(timings))) - 1)]
    print(f"document: {len(text.encode('utf-8'))} bytes, {len(lines)} lines, "
          f"{len(first['diagnostics'])} diagnostics")
    print(f"didOpen -> first publishDiagnostics: {first_ms:.2f} ms")
    print(f"didChange -> publishDiagnostics over {len(timings)} edits: "
          f"median {statistics.median(timings):.2f} ms, p99 {p99:.2f} ms, "
          f"max {timings[-1]:.2f} ms")


if __name__ == "__main__":
    sys.exit(main())
