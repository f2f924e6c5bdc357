#!/usr/bin/env python3
"""Checkout scenario against a running Mercato: each shopper adds an item to
the cart, gets a quote, places the order, approves the offline payment and
opens the confirmation. Prints server time per step (p50/p95/p99) and the
end-to-end rate of paid orders. Standard library only.

    bench/checkout.py http://127.0.0.1:3900 --shoppers 200 --concurrency 4
"""
import argparse
import http.cookiejar
import json
import statistics
import threading
import time
import urllib.parse
import urllib.request

STEPS = ["add to cart", "quote", "place order", "approve payment", "confirmation"]


def pct(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


class Shopper:
    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def post(self, path, form):
        data = urllib.parse.urlencode(form).encode()
        req = urllib.request.Request(self.base + path, data=data, headers={"Origin": self.base})
        t = time.perf_counter()
        with self.opener.open(req, timeout=30) as res:
            body = res.read()
        return time.perf_counter() - t, json.loads(body)


def buy(base, sku, n, timings, errors, lock):
    s = Shopper(base)
    try:
        steps = []
        dt, _ = s.post("/api/cart/add", {"sku": sku, "quantity": 1})
        steps.append(dt)
        dt, _ = s.post("/api/checkout/quote", {"country": "US", "region": "IL", "shipping_method": "standard", "promo_code": "", "email": ""})
        steps.append(dt)
        form = {"email": f"bench{n}@example.com", "full_name": "Bench Shopper", "line1": "1 Main St", "line2": "",
                "city": "Springfield", "region": "IL", "postal_code": "62701", "country": "US", "phone": "",
                "shipping_method": "standard", "promo_code": ""}
        dt, placed = s.post("/api/checkout/place", form)
        steps.append(dt)
        ref = placed["redirect_url"].rsplit("/", 1)[1]
        dt, nxt = s.post("/api/pay/offline/decide", {"reference": ref, "approve": "true"})
        steps.append(dt)
        dt, order = s.post("/api/orders/by-id", {"public_id": nxt.rsplit("/", 1)[1]})
        steps.append(dt)
        assert order["status"] == "paid", order["status"]
        with lock:
            for name, dt in zip(STEPS, steps):
                timings[name].append(dt * 1000)
    except Exception as e:  # counted, not fatal: the table reports errors
        with lock:
            errors.append(repr(e))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("--shoppers", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--skus", required=True, help="comma-separated in-stock SKUs to spread the load over")
    a = ap.parse_args()
    skus = a.skus.split(",")
    timings = {s: [] for s in STEPS}
    errors, lock = [], threading.Lock()
    queue = list(range(a.shoppers))

    def worker():
        while True:
            with lock:
                if not queue:
                    return
                n = queue.pop()
            buy(a.base, skus[n % len(skus)], n, timings, errors, lock)

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(a.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    done = len(timings[STEPS[-1]])
    print(f"\nMercato checkout benchmark — {time.strftime('%Y-%m-%d', time.gmtime())}, {a.shoppers} shoppers, "
          f"{a.concurrency} at a time, offline gateway\n")
    print(f"| {'step':<16} | {'n':>5} | {'p50 ms':>8} | {'p95 ms':>8} | {'p99 ms':>8} | {'mean ms':>8} |")
    print(f"|{'-' * 18}|{'-' * 7}|{'-' * 10}|{'-' * 10}|{'-' * 10}|{'-' * 10}|")
    for s in STEPS:
        v = timings[s]
        if v:
            print(f"| {s:<16} | {len(v):>5} | {pct(v, 50):>8.1f} | {pct(v, 95):>8.1f} | {pct(v, 99):>8.1f} | {statistics.mean(v):>8.1f} |")
    total = [sum(x) for x in zip(*(timings[s] for s in STEPS))]
    if total:
        print(f"| {'whole checkout':<16} | {len(total):>5} | {pct(total, 50):>8.1f} | {pct(total, 95):>8.1f} | {pct(total, 99):>8.1f} | {statistics.mean(total):>8.1f} |")
    print(f"\npaid orders: {done} in {wall:.1f} s = {done / wall:.1f} orders/s; errors: {len(errors)}")
    for e in errors[:5]:
        print("  error:", e)


if __name__ == "__main__":
    main()
