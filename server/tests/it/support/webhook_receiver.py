"""A webhook receiver for the tests, verifying with an implementation that is
not ours: the `standardwebhooks` package from PyPI. Every request it accepts
(signature valid, timestamp fresh) is appended to LOG as one JSON line with
its headers and body; every request it refuses answers 400.

Usage: python webhook_receiver.py PORT SECRET LOG
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

PORT, SECRET, LOG = int(sys.argv[1]), sys.argv[2], sys.argv[3]
HOOK = Webhook(SECRET)


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            payload = HOOK.verify(body, headers)
        except WebhookVerificationError as e:
            self.send_response(400)
            self.end_headers()
            self.wfile.write(f"refused: {e}".encode())
            return
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps({"headers": headers, "body": body.decode(), "payload": payload}) + "\n")
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Receiver).serve_forever()
