#!/usr/bin/env python3
"""The scale-out path, run for real: PostgreSQL, Meilisearch, three
`mercato serve` instances and HAProxy (round-robin, active health checks on
/readyz) on loopback. Checks, through the balancer and on each instance:

- a shopper signs in on one instance, fills the cart on a second and
  places the order on a third, and pays for it;
- staff change a price (CSV import), rename the store, archive a product
  and take a product out of stock on one instance: the other two show each
  within 1 s (the change feed, LISTEN/NOTIFY);
- the CSV import started on one instance is followed from the others;
- the sign-in rate limit holds for the cluster, not per instance;
- under checkout load one instance is SIGKILLed: every acknowledged order
  is in the database, the balancer stops sending to it, another instance
  delivers its leased outbox messages, and it rejoins when restarted;
- a real Prometheus scrapes every instance's /metrics (bearer token) and
  raises deploy/prometheus/alerts.yaml's instance-down alert for the
  killed one.

Started by scripts/test (its own phase) with the release binary; standard
library only. Prints one line per check and `cluster: N passed, M failed`.

    scripts/cluster_test.py --bin target/release/mercato \
        --pg postgres://postgres:postgres@127.0.0.1:5432 \
        --meili http://127.0.0.1:7711 --meili-key KEY
"""
import argparse
import base64
import csv
import http.cookiejar
import io
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

LB_PORT = 3310
PORTS = [3311, 3312, 3313]
PROMETHEUS_PORT = 3319
METRICS_TOKEN = secrets.token_hex(16)
ALERT_RULES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "deploy", "prometheus", "alerts.yaml")
NAMES = ["s1", "s2", "s3"]
PASSWORD = "plum tractor velvet harbour"
# Every visible change reaches every instance within this (issue 17).
VISIBLE_WITHIN = 1.0

RESULTS = []


def check(name, ok, detail=""):
    RESULTS.append(ok)
    print(f"{'ok' if ok else 'FAILED'} - {name}{': ' + detail if detail else ''}", flush=True)
    return ok


class Reply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def backend(self):
        return self.headers.get("X-Mercato-Backend", "")

    def json(self):
        return json.loads(self.body)


class Client:
    """A browser of sorts: its own cookies, a client address the balancer
    forwards (X-Forwarded-For), Origin for the CSRF check."""

    def __init__(self, base, client_ip="198.51.100.1"):
        self.base = base
        self.client_ip = client_ip
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def request(self, path, data=None, content_type=None, base=None):
        base = base or self.base
        headers = {"X-Forwarded-For": self.client_ip, "Origin": base}
        if content_type:
            headers["Content-Type"] = content_type
        req = urllib.request.Request(base + path, data=data, headers=headers)
        try:
            with self.opener.open(req, timeout=30) as res:
                return Reply(res.status, res.headers, res.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as e:
            return Reply(e.code, e.headers, e.read().decode("utf-8", "replace"))

    def get(self, path, base=None):
        return self.request(path, base=base)

    def post(self, path, form, base=None):
        return self.request(path, urllib.parse.urlencode(form).encode(), base=base)

    def post_json(self, path, value, base=None):
        return self.request(path, json.dumps(value).encode(), "application/json", base=base)


def psql(url, sql):
    out = subprocess.run(["psql", "-At", url, "-c", sql], check=True, capture_output=True, text=True)
    return [line for line in out.stdout.splitlines() if line]


def wait_until(what, predicate, timeout):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.02)
    raise TimeoutError(f"{what}: not within {timeout} s")


def ready(port):
    return ready_at(f"http://127.0.0.1:{port}/readyz")


def ready_at(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as res:
            return res.status == 200
    except OSError:
        return False


def prometheus(path, **params):
    """The data of a Prometheus API answer."""
    url = f"http://127.0.0.1:{PROMETHEUS_PORT}{path}?{urllib.parse.urlencode(params)}"
    with urllib.request.urlopen(url, timeout=10) as res:
        return json.loads(res.read())["data"]


def query(expr):
    """{instance: value} of an instant query."""
    return {r["metric"].get("instance", ""): float(r["value"][1])
            for r in prometheus("/api/v1/query", query=expr)["result"]}


class Cluster:
    def __init__(self, args, work):
        self.args = args
        self.work = work
        self.db_name = f"mercato_cluster_{os.getpid()}"
        self.db_url = f"{args.pg}/{self.db_name}"
        self.procs = {}
        self.haproxy = None
        self.prometheus = None
        self.env = dict(
            os.environ,
            MERCATO_DATABASE_URL=self.db_url,
            MERCATO_DATA_DIR=os.path.join(work, "data"),
            MERCATO_SECRET_KEY=base64.b64encode(secrets.token_bytes(32)).decode(),
            MERCATO_TRUSTED_PROXIES="127.0.0.1/32",
            MERCATO_AUTH_RATE_LIMIT="5/60",
            MERCATO_CHECKOUT_RATE_LIMIT="100000/1",
            MERCATO_OUTBOX_LEASE_SECONDS="20",
            MERCATO_OUTBOX_POLL_MS="500",
            MERCATO_METRICS_TOKEN=METRICS_TOKEN,
            MERCATO_LOG="warn",
            LEPTOS_SITE_ROOT=args.site_root,
        )
        if args.meili:
            self.env.update(
                MERCATO_MEILISEARCH_URL=args.meili,
                MERCATO_MEILISEARCH_KEY=args.meili_key or "",
                MERCATO_MEILISEARCH_INDEX=f"cluster_{os.getpid()}",
            )

    def start_instance(self, i):
        log = open(os.path.join(self.work, f"{NAMES[i]}.log"), "ab")
        env = dict(self.env, LEPTOS_SITE_ADDR=f"127.0.0.1:{PORTS[i]}")
        if i == 1:
            # The instance that will be killed hands its mail to a server
            # that never answers, so it is surely holding a message (a
            # lease) when it dies.
            env["MERCATO_SMTP_URL"] = f"smtp://127.0.0.1:{self.silent_smtp}"
        self.procs[i] = subprocess.Popen([self.args.bin, "serve"], env=env, stdout=log, stderr=log)
        wait_until(f"{NAMES[i]} ready", lambda: ready(PORTS[i]), 240)

    def start(self):
        self.silent_smtp = silent_server()
        psql(f"{self.args.pg}/postgres", f"DROP DATABASE IF EXISTS {self.db_name}")
        psql(f"{self.args.pg}/postgres", f"CREATE DATABASE {self.db_name}")
        # The first instance migrates and seeds the demo shop; the others
        # join a shop that exists.
        self.start_instance(0)
        out = subprocess.run(
            [self.args.bin, "admin", "create", "--email", "ops@example.com", "--generate-password"],
            env=self.env, check=True, capture_output=True, text=True).stdout
        self.staff_password = re.search(r"store it now\): (\S+)", out).group(1)
        self.start_instance(1)
        self.start_instance(2)
        cfg = os.path.join(self.work, "haproxy.cfg")
        with open(cfg, "w") as f:
            f.write(f"""global
    maxconn 4096
    stats socket {self.work}/haproxy.sock mode 600 level admin
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    option forwardfor
    option redispatch
    retries 2
listen shop
    bind 127.0.0.1:{LB_PORT}
    balance roundrobin
    option httpchk GET /readyz
    http-check expect status 200
    default-server inter 250ms fall 2 rise 2
    http-response set-header X-Mercato-Backend %[srv_name]
""")
            for name, port in zip(NAMES, PORTS):
                f.write(f"    server {name} 127.0.0.1:{port} check\n")
        self.haproxy = subprocess.Popen(
            [self.args.haproxy, "-f", cfg, "-db"],
            stdout=open(os.path.join(self.work, "haproxy.log"), "ab"), stderr=subprocess.STDOUT)
        # Before HAProxy has opened its socket, states() is empty: every
        # server must be listed and up, or the first request is refused.
        wait_until("balancer up",
                   lambda: [self.states().get(name) for name in NAMES] == ["UP"] * len(NAMES), 30)
        if self.args.prometheus:
            self.start_prometheus()

    def start_prometheus(self):
        """A real Prometheus scraping every instance (with the metrics token)
        and evaluating deploy/prometheus/alerts.yaml."""
        cfg = os.path.join(self.work, "prometheus.yml")
        targets = ", ".join(f"'127.0.0.1:{p}'" for p in PORTS)
        with open(cfg, "w") as f:
            f.write(f"""global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - {ALERT_RULES}
scrape_configs:
  - job_name: mercato
    authorization:
      credentials: {METRICS_TOKEN}
    static_configs:
      - targets: [{targets}]
""")
        self.prometheus = subprocess.Popen(
            [self.args.prometheus, f"--config.file={cfg}", f"--storage.tsdb.path={self.work}/prometheus",
             f"--web.listen-address=127.0.0.1:{PROMETHEUS_PORT}"],
            stdout=open(os.path.join(self.work, "prometheus.log"), "ab"), stderr=subprocess.STDOUT)
        wait_until("Prometheus ready", lambda: ready_at(f"http://127.0.0.1:{PROMETHEUS_PORT}/-/ready"), 30)

    def states(self):
        """Each server's state as HAProxy's health checks see it."""
        try:
            with socket.socket(socket.AF_UNIX) as s:
                s.connect(os.path.join(self.work, "haproxy.sock"))
                s.sendall(b"show stat\n")
                data = b""
                while chunk := s.recv(65536):
                    data += chunk
        except OSError:
            return {}
        rows = data.decode().splitlines()
        header = rows[0].lstrip("# ").split(",")
        status = header.index("status")
        return {r.split(",")[1]: r.split(",")[status].split()[0]
                for r in rows[1:] if r and r.split(",")[1] in NAMES}

    def stop(self):
        for p in (self.haproxy, self.prometheus):
            if p:
                p.kill()
        for p in self.procs.values():
            p.kill()
            p.wait()
        try:
            psql(f"{self.args.pg}/postgres", f"DROP DATABASE IF EXISTS {self.db_name} WITH (FORCE)")
        except subprocess.CalledProcessError:
            pass


def silent_server():
    """A TCP server that accepts and never says a word; returns its port."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held = []

    def accept():
        while True:
            conn, _ = server.accept()
            held.append(conn)

    threading.Thread(target=accept, daemon=True).start()
    return server.getsockname()[1]


LB = f"http://127.0.0.1:{LB_PORT}"


def instance(i):
    return f"http://127.0.0.1:{PORTS[i]}"


def in_stock_skus(cluster):
    return psql(cluster.db_url, """SELECT v.sku FROM variants v JOIN stock_levels s ON s.variant_id = v.id
        JOIN products p ON p.id = v.product_id WHERE p.status = 'active'
        GROUP BY v.id, v.sku HAVING SUM(s.on_hand - s.reserved) >= 50 ORDER BY v.id LIMIT 40""")


ADDRESS = {"full_name": "Cluster Shopper", "line1": "1 Main St", "line2": "", "city": "Springfield",
           "region": "IL", "postal_code": "62701", "country": "US", "phone": "",
           "shipping_method": "standard", "promo_code": ""}


def buy(client, sku, email):
    """Cart, order, offline payment: the order's number once placed, and
    whether it was paid."""
    client.post("/api/cart/add", {"sku": sku, "quantity": 1})
    placed = client.post("/api/checkout/place", dict(ADDRESS, email=email))
    if placed.status != 200:
        return None, False
    view = placed.json()
    reference = view["redirect_url"].rsplit("/", 1)[1]
    paid = client.post("/api/pay/offline/decide", {"reference": reference, "approve": "true"})
    return view["number"], paid.status == 200


def journey_across_instances(cluster):
    sku = in_stock_skus(cluster)[0]
    shopper = Client(LB, "198.51.100.10")
    shopper.post("/api/auth/register", {"email": "cluster@example.com", "password": PASSWORD,
                                        "name": "Cluster Shopper"})
    login = shopper.post("/api/auth/login", {"email": "cluster@example.com", "password": PASSWORD})
    add = shopper.post("/api/cart/add", {"sku": sku, "quantity": 1})
    place = shopper.post("/api/checkout/place", dict(ADDRESS, email="cluster@example.com"))
    backends = [login.backend, add.backend, place.backend]
    check("a shopper signs in, fills the cart and orders on three different instances",
          login.status == 200 and add.status == 200 and place.status == 200 and len(set(backends)) == 3,
          f"sign-in {login.status} on {backends[0]}, cart {add.status} on {backends[1]}, "
          f"order {place.status} on {backends[2]}")
    if place.status != 200:
        return
    reference = place.json()["redirect_url"].rsplit("/", 1)[1]
    paid = shopper.post("/api/pay/offline/decide", {"reference": reference, "approve": "true"})
    public_id = paid.body.strip().strip('"').rsplit("/", 1)[1] if paid.status == 200 else ""
    order = shopper.post("/api/orders/by-id", {"public_id": public_id})
    status = order.json().get("status") if order.status == 200 else order.status
    check("the order is paid and readable on yet another instance", status == "paid",
          f"status {status} on {order.backend}")


def visible_everywhere_else(what, predicate):
    """Checks that `predicate(i)` holds on the second and third instance
    within VISIBLE_WITHIN of now."""
    for i in (1, 2):
        try:
            took = wait_until(f"{what} on {NAMES[i]}", lambda: predicate(i), 10)
            check(f"{what} on {NAMES[i]} within {VISIBLE_WITHIN} s", took <= VISIBLE_WITHIN,
                  f"after {took * 1000:.0f} ms")
        except TimeoutError as e:
            check(f"{what} on {NAMES[i]}", False, str(e))


def page(i, path):
    return Client(instance(i)).get(path)


def staff_changes_reach_every_instance(cluster):
    staff = Client(instance(0), "198.51.100.20")
    login = staff.post("/api/auth/login", {"email": "ops@example.com", "password": cluster.staff_password})
    if not check("staff sign in on the first instance", login.status == 200, f"{login.status} {login.body[:200]}"):
        return
    # Single-variant products far from the ones shoppers buy (lowest ids).
    rows = psql(cluster.db_url, """SELECT p.slug, MIN(v.sku) FROM products p
        JOIN variants v ON v.product_id = p.id WHERE p.status = 'active'
        GROUP BY p.id, p.slug HAVING COUNT(*) = 1 ORDER BY p.id DESC LIMIT 2""")
    (priced, priced_sku), (stocked, stocked_sku) = (r.split("|") for r in rows)
    product = psql(cluster.db_url, f"""SELECT slug FROM products WHERE status = 'active'
        AND slug NOT IN ('{priced}', '{stocked}') ORDER BY id LIMIT 1""")[0]
    # Every page cached on every instance first: each change must evict it.
    for i in range(3):
        for path in ("/", f"/product/{product}", f"/product/{priced}", f"/product/{stocked}"):
            page(i, path)

    new_price = "987.65"
    if import_progress_from_any_instance(cluster, staff, priced_sku, new_price):
        visible_everywhere_else("the imported price shows",
                                lambda i: f"${new_price}" in page(i, f"/product/{priced}").body)

    name = f"Cluster Goods {secrets.token_hex(3)}"
    saved = staff.post_json("/api/staff/settings/store", {"form": {
        "name": name, "currency": "USD", "mail_from_name": name,
        "mail_from_address": "hello@cluster.example", "order_prefix": "cl"}})
    if check("staff rename the store", saved.status == 200, f"{saved.status} {saved.body[:200]}"):
        visible_everywhere_else("the new store name shows", lambda i: f"<title>{name}" in page(i, "/").body)

    archived = staff.post("/api/staff/catalog/status", {"slugs[0]": product, "status": "archived"})
    if check("staff archive a product", archived.status == 200, f"{archived.status} {archived.body[:200]}"):
        visible_everywhere_else("the archived product is gone",
                                lambda i: page(i, f"/product/{product}").status == 404)

    before = page(1, f"/product/{stocked}").body
    levels = staff.get(f"/api/staff/inventory/variant?sku={stocked_sku}")
    emptied = levels.status == 200 and "Out of stock" not in before
    for level in levels.json()["levels"] if levels.status == 200 else []:
        units = level["on_hand"] - level["reserved"]
        if units > 0:
            adjusted = staff.post("/api/staff/inventory/adjust", {
                "sku": stocked_sku, "warehouse": level["warehouse"], "delta": str(-units),
                "reason": "correction", "note": "cluster test"})
            emptied = emptied and adjusted.status == 200
    if check("staff take a product's last units out of stock", emptied,
             f"{levels.status} {levels.body[:200]}"):
        visible_everywhere_else("the product shows out of stock",
                                lambda i: "Out of stock" in page(i, f"/product/{stocked}").body)


def import_progress_from_any_instance(cluster, staff, sku, price):
    """Imports the shop's own CSV with one price changed; true when the
    import finished."""
    exported = staff.get("/admin/products.csv")
    rows = list(csv.DictReader(io.StringIO(exported.body)))
    for row in rows:
        if row["sku"] == sku:
            row["price"] = price
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    started = staff.request("/admin/products/import", out.getvalue().encode(), "text/csv")
    if not check("staff start a CSV import on the first instance", started.status == 202,
                 f"{started.status} {started.body[:200]}"):
        return False
    job = started.json()["job"]
    states = {1: set(), 2: set()}
    last = {}

    def finished_everywhere():
        for i in (1, 2):
            r = staff.get(f"/admin/products/import/{job}", base=instance(i))
            last[i] = r.json() if r.status == 200 else {"status": r.status}
            states[i].add(last[i].get("state"))
        return all(last[i].get("state") == "finished" for i in (1, 2))

    try:
        wait_until("import finished on every instance", finished_everywhere, 180)
        same = last[1] == last[2] and last[1].get("done") == started.json()["total"]
        check("the import's progress and result read the same on the other instances", same,
              f"states seen {sorted(map(str, states[1] | states[2]))}, result {last[1].get('outcome')}")
        return True
    except TimeoutError as e:
        check("the import's progress and result read the same on the other instances", False, f"{e}: {last}")
        return False


def prometheus_sees_the_cluster(cluster):
    if not cluster.prometheus:
        return
    targets = {f"127.0.0.1:{p}" for p in PORTS}
    try:
        wait_until("Prometheus scrapes every instance",
                   lambda: {i for i, v in query('up{job="mercato"}').items() if v == 1} == targets, 15)
        check("Prometheus scrapes /metrics on every instance with the token", True)
    except TimeoutError as e:
        check("Prometheus scrapes /metrics on every instance with the token", False,
              f"{e}: {prometheus('/api/v1/targets')}")
        return
    time.sleep(2)  # a scrape after the traffic so far
    served = query("sum by (instance) (mercato_http_requests_total)")
    orders = sum(query("sum by (instance) (mercato_orders_placed_total)").values())
    p99 = query('histogram_quantile(0.99, sum by (le) (rate(mercato_http_request_duration_seconds_bucket[1m])))')
    check("its counters and histograms moved with the traffic on every instance",
          set(served) == targets and min(served.values()) > 0 and orders >= 1
          and all(v == v for v in p99.values()) and len(p99) == 1,
          f"requests {served}, orders placed {orders}, p99 {p99}")


def prometheus_alerts_on_the_killed_instance(cluster):
    if not cluster.prometheus:
        return
    killed = f"127.0.0.1:{PORTS[1]}"

    def alerting():
        return any(a["labels"].get("alertname") == "MercatoInstanceDown"
                   and a["labels"].get("instance") == killed
                   for a in prometheus("/api/v1/alerts")["alerts"])
    try:
        took = wait_until("the instance-down alert", alerting, 15)
        check("Prometheus raises the instance-down alert (deploy/prometheus/alerts.yaml) for it", True,
              f"pending {took:.1f} s after the check began")
    except TimeoutError as e:
        check("Prometheus raises the instance-down alert (deploy/prometheus/alerts.yaml) for it", False, str(e))


def rate_limit_holds_for_the_cluster(cluster):
    guesser = Client(LB, "192.0.2.77")
    replies = [guesser.post("/api/auth/login", {"email": "nobody@example.com", "password": "wrong guess"})
               for _ in range(9)]
    allowed = [r for r in replies if r.status != 429]
    served_by = {r.backend for r in replies}
    check("the sign-in rate limit (5 a minute) holds across the three instances",
          len(allowed) == 5 and len(served_by) == 3,
          f"{len(allowed)} of 9 attempts got through, served by {sorted(served_by)}")


def sigkill_under_checkout_load(cluster):
    skus = in_stock_skus(cluster)
    acknowledged, paid, failures = [], [], []
    after_down = []  # backends that answered once the balancer saw s2 down
    lock = threading.Lock()
    stop = threading.Event()
    down_seen = threading.Event()

    def shopper(n):
        k = 0
        while not stop.is_set():
            k += 1
            client = Client(LB, f"198.51.100.{100 + n}")
            try:
                number, was_paid = buy(client, skus[(n * 7 + k) % len(skus)], f"load{n}.{k}@example.com")
                probe = client.get("/healthz") if down_seen.is_set() else None
            except OSError as e:
                with lock:
                    failures.append(repr(e))
                continue
            with lock:
                if number:
                    acknowledged.append(number)
                if was_paid:
                    paid.append(number)
                if probe is not None and probe.backend:
                    after_down.append(probe.backend)

    threads = [threading.Thread(target=shopper, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    time.sleep(3)
    victim = cluster.procs[1]
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    killed_at = time.monotonic()
    # Messages leased at the moment of death: the dead instance's (stuck on
    # its silent mail server) and any a live one is delivering right now.
    leased = psql(cluster.db_url, "SELECT id FROM outbox WHERE status = 'pending' "
                                  "AND locked_until > CURRENT_TIMESTAMP")
    try:
        wait_until("balancer marks s2 down", lambda: cluster.states().get("s2") == "DOWN", 10)
        down_seen.set()
        detected = time.monotonic() - killed_at
    except TimeoutError:
        detected = None
    time.sleep(4)
    stop.set()
    for t in threads:
        t.join()
    check("the balancer takes the killed instance out (health checks on /readyz)",
          detected is not None, f"after {detected * 1000:.0f} ms" if detected is not None else "never")
    check("no request reaches the killed instance once it is out",
          "s2" not in after_down and len(after_down) > 0,
          f"{len(after_down)} requests after, by {sorted(set(after_down))}")
    numbers = ",".join(f"'{n}'" for n in acknowledged) or "''"
    stored = int(psql(cluster.db_url, f"SELECT COUNT(*) FROM orders WHERE number IN ({numbers})")[0])
    check("every acknowledged order is in the database",
          len(acknowledged) > 0 and stored == len(acknowledged),
          f"{stored} of {len(acknowledged)} acknowledged orders stored ({len(paid)} paid); "
          f"{len(failures)} requests failed while the instance died")
    prometheus_alerts_on_the_killed_instance(cluster)
    # Another instance takes over what the dead one had leased, once the
    # lease (20 s here: longer than the 15 s the silent mail server holds
    # the dying instance, so that lease is still live when it dies) runs out.
    ids = ",".join(leased) or "0"
    try:
        took = wait_until(
            "outbox drained",
            lambda: psql(cluster.db_url, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'")[0] == "0", 60)
        delivered = psql(cluster.db_url, f"SELECT COUNT(*) FROM outbox WHERE id IN ({ids}) AND status = 'done'")[0]
        check("the messages leased when the instance died are delivered by the others",
              len(leased) > 0 and delivered == str(len(leased)),
              f"{delivered} of {len(leased)} leased at the kill delivered; outbox empty {took:.1f} s after the load")
    except TimeoutError as e:
        left = psql(cluster.db_url, "SELECT kind, attempts, locked_until FROM outbox WHERE status = 'pending' LIMIT 5")
        check("the messages leased when the instance died are delivered by the others", False, f"{e}: {left}")
    cluster.start_instance(1)
    try:
        wait_until("balancer marks s2 up", lambda: cluster.states().get("s2") == "UP", 10)
        seen = {Client(LB).get("/healthz").backend for _ in range(6)}
        check("the restarted instance rejoins", "s2" in seen, f"served by {sorted(seen)}")
    except TimeoutError as e:
        check("the restarted instance rejoins", False, str(e))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--pg", required=True, help="server URL without a database name")
    ap.add_argument("--meili")
    ap.add_argument("--meili-key")
    ap.add_argument("--site-root", default="target/site")
    ap.add_argument("--haproxy", default=shutil.which("haproxy") or "/usr/sbin/haproxy")
    ap.add_argument("--prometheus", default=shutil.which("prometheus"),
                    help="a Prometheus server to scrape the instances (skipped when absent)")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="mercato-cluster-")
    cluster = Cluster(args, work)
    try:
        cluster.start()
        check("three instances on PostgreSQL" + (" and Meilisearch" if args.meili else "")
              + " behind HAProxy", True)
        journey_across_instances(cluster)
        staff_changes_reach_every_instance(cluster)
        rate_limit_holds_for_the_cluster(cluster)
        prometheus_sees_the_cluster(cluster)
        sigkill_under_checkout_load(cluster)
    except Exception as e:  # a broken harness is a failed run, with its cause
        check("the cluster test ran to the end", False, repr(e))
    finally:
        cluster.stop()
        failed = RESULTS.count(False)
        print(f"cluster: {RESULTS.count(True)} passed, {failed} failed")
        if failed:
            for name in NAMES + ["haproxy", "prometheus"]:
                path = os.path.join(work, f"{name}.log")
                if os.path.exists(path):
                    print(f"--- {name}.log (last lines)")
                    with open(path, "rb") as f:
                        print(f.read()[-3000:].decode("utf-8", "replace"))
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
