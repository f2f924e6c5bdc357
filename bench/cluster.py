#!/usr/bin/env python3
"""The product page through the scale-out path next to the laptop path, in
one run on one machine: one release instance on SQLite (direct), then three
instances on PostgreSQL and Meilisearch behind HAProxy (the cluster test's
set-up, scripts/cluster_test.py). Each is measured with the page cache on
(what shoppers get) and off (MERCATO_PAGE_CACHE_MB=0: every request
rendered, the database's share visible), with the same static file through
the same path as the reference. Prints a Markdown table for bench/RESULTS.md.

    bench/cluster.py --pg postgres://postgres:postgres@127.0.0.1:5432 \\
        --meili http://127.0.0.1:7711 --meili-key KEY

Needs wrk and haproxy (Debian), a release build, PostgreSQL and Meilisearch
running (scripts/lib.sh: start_postgres; scripts/test starts Meilisearch).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
import cluster_test  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SINGLE_PORT = 3920


def wrk(url, conns, seconds):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{conns}", f"-d{seconds}s", "--timeout", "10s", "-H", "Accept-Encoding: gzip, br",
         "-s", os.path.join(ROOT, "bench", "report.lua"), url],
        capture_output=True, text=True, check=True).stdout
    line = next(l for l in out.splitlines() if l.startswith("RESULT"))
    return dict(kv.split("=") for kv in line.split()[1:])


def product_path(base):
    with urllib.request.urlopen(base + "/", timeout=30) as res:
        html = res.read().decode()
    return re.search(r'href="(/product/[^"]+)"', html).group(1)


def single(args, cache_mb, work):
    data = os.path.join(work, f"single-{cache_mb}")
    env = dict(os.environ, MERCATO_DATA_DIR=data, MERCATO_LOG="warn", MERCATO_PAGE_CACHE_MB=str(cache_mb),
               LEPTOS_SITE_ADDR=f"127.0.0.1:{SINGLE_PORT}", LEPTOS_SITE_ROOT=args.site_root)
    proc = subprocess.Popen([args.bin, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cluster_test.wait_until("single instance ready", lambda: cluster_test.ready(SINGLE_PORT), 240)
    return proc, f"http://127.0.0.1:{SINGLE_PORT}"


def clustered(args, cache_mb, work):
    ns = argparse.Namespace(bin=args.bin, pg=args.pg, meili=args.meili, meili_key=args.meili_key,
                            site_root=args.site_root, haproxy=args.haproxy, prometheus=None)
    cluster = cluster_test.Cluster(ns, tempfile.mkdtemp(dir=work))
    cluster.env.update(MERCATO_PAGE_CACHE_MB=str(cache_mb))
    cluster.start()
    return cluster, cluster_test.LB


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/mercato"))
    ap.add_argument("--site-root", default=os.path.join(ROOT, "target/site"))
    ap.add_argument("--pg", required=True)
    ap.add_argument("--meili", required=True)
    ap.add_argument("--meili-key")
    ap.add_argument("--haproxy", default=shutil.which("haproxy") or "/usr/sbin/haproxy")
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=64)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="mercato-bench-cluster-")
    rows = []
    try:
        for cache_mb in (128, 0):
            for setup, start in (("1 instance, SQLite, direct", single),
                                 ("3 instances, PostgreSQL + Meilisearch, HAProxy", clustered)):
                handle, base = start(args, cache_mb, work)
                try:
                    product = product_path(base)
                    for _ in range(50):  # warm: caches, connections
                        urllib.request.urlopen(base + product, timeout=30).read()
                    cache = "cache on" if cache_mb else "cache off"
                    for page, path in ((f"product ({cache})", product), ("static file (reference)", "/favicon.svg")):
                        if page.startswith("static") and not cache_mb:
                            continue
                        r = wrk(base + path, args.connections, args.seconds)
                        rows.append((setup, page, r))
                finally:
                    if isinstance(handle, cluster_test.Cluster):
                        handle.stop()
                    else:
                        handle.kill()
                        handle.wait()
                time.sleep(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nProduct page, {args.connections} connections, {args.seconds} s per cell, "
          f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}\n")
    print("| setup | request | req/s | p50 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|")
    for setup, page, r in rows:
        print(f"| {setup} | {page} | {float(r['rps']):,.0f} | {r['p50']} | {r['p99']} | {r['errors']} |")


if __name__ == "__main__":
    main()
