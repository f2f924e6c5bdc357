#!/usr/bin/env python3
"""Search latency and throughput through the app's HTTP endpoints: 1,000
representative queries built from the demo catalog (whole words, prefixes
as typed, typos, two-word queries, facet filters, sorts), each sent to the
results endpoint (the search page's data: hits, disjunctive facets) and
the header suggestions endpoint. Prints a table per endpoint and
concurrency. Standard library only; keep-alive connections per thread.

    bench/search.py http://127.0.0.1:3902 --db data/mercato.db --concurrency 1,4
"""
import argparse
import http.client
import json
import random
import sqlite3
import statistics
import threading
import time
import urllib.parse

QUERIES = 1000


def pct(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def typo(word, rng):
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def build_queries(db_path, seed=7):
    """(kind, results-params, suggest-q) triples, deterministic."""
    rng = random.Random(seed)
    db = sqlite3.connect(db_path)
    titles = [r[0] for r in db.execute("SELECT title FROM products WHERE status = 'active'")]
    brands = [r[0] for r in db.execute("SELECT DISTINCT brand FROM products")]
    cats = [r[0] for r in db.execute("SELECT slug FROM categories")]
    words = sorted({w.lower() for t in titles for w in t.replace("-", " ").split() if len(w) >= 4})
    out = []
    kinds = ["word", "prefix", "typo", "two words", "filtered", "sorted"]
    for i in range(QUERIES):
        kind = kinds[i % len(kinds)]
        w = rng.choice(words)
        params = []
        if kind == "word":
            q = w
        elif kind == "prefix":
            q = w[: rng.randint(3, max(3, len(w) - 1))]
        elif kind == "typo":
            q = typo(w, rng)
        elif kind == "two words":
            t = rng.choice(titles).split()
            q = " ".join(t[-2:]).lower()
        elif kind == "filtered":
            q = w
            params += [("state[brands][0]", rng.choice(brands)), ("state[in_stock]", "true")]
            if rng.random() < 0.5:
                params.append(("state[categories][0]", rng.choice(cats)))
        else:
            q = w
            params.append(("state[sort]", rng.choice(["price_asc", "price_desc", "newest"])))
        params.insert(0, ("state[q]", q))
        out.append((kind, params, q))
    return out


class Client:
    def __init__(self, base):
        u = urllib.parse.urlparse(base)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)

    def get(self, path):
        t = time.perf_counter()
        self.conn.request("GET", path, headers={"Accept": "application/json"})
        res = self.conn.getresponse()
        body = res.read()
        dt = time.perf_counter() - t
        if res.status != 200:
            raise RuntimeError(f"{res.status} {path}: {body[:200]!r}")
        return dt, json.loads(body)


def run(base, queries, endpoint, concurrency):
    timings, errors, hits = [], [], [0]
    lock = threading.Lock()
    work = list(queries)

    def worker():
        c = Client(base)
        while True:
            with lock:
                if not work:
                    return
                kind, params, q = work.pop()
            if endpoint == "results":
                path = "/api/search/results?" + urllib.parse.urlencode(params)
            else:
                path = "/api/search/suggest?" + urllib.parse.urlencode([("q", q)])
            try:
                dt, body = c.get(path)
                with lock:
                    timings.append(dt * 1000)
                    hits[0] += 1 if (body.get("total") or body.get("products")) else 0
            except Exception as e:  # noqa: BLE001 — reported below
                with lock:
                    errors.append(str(e))
                c = Client(base)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return timings, errors, wall, hits[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("--db", required=True)
    ap.add_argument("--concurrency", default="1,4")
    ap.add_argument("--engine", default="embedded")
    a = ap.parse_args()
    queries = build_queries(a.db)
    # Warm-up: caches, connection pools, mmap'd index files.
    run(a.base, queries[:50], "results", 2)
    print(f"\nMercato search benchmark — {time.strftime('%Y-%m-%d', time.gmtime())}, engine {a.engine}, "
          f"{len(queries)} queries (word, prefix, typo, two words, filtered, sorted)\n")
    print(f"| {'endpoint':<22} | {'conc':>4} | {'req/s':>7} | {'p50 ms':>7} | {'p95 ms':>7} | {'p99 ms':>7} | {'found':>6} | {'errors':>6} |")
    print(f"|{'-' * 24}|{'-' * 6}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 8}|{'-' * 8}|")
    for endpoint in ["results", "suggest"]:
        for conc in [int(c) for c in a.concurrency.split(",")]:
            timings, errors, wall, found = run(a.base, queries, endpoint, conc)
            name = "/api/search/" + endpoint
            if timings:
                print(f"| {name:<22} | {conc:>4} | {len(timings) / wall:>7.1f} | {pct(timings, 50):>7.1f} | "
                      f"{pct(timings, 95):>7.1f} | {pct(timings, 99):>7.1f} | {found:>6} | {len(errors):>6} |")
            for e in errors[:3]:
                print("  error:", e)


if __name__ == "__main__":
    main()
