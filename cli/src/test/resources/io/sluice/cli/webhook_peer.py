#!/usr/bin/python3
"""A webhook peer for Sluice's tests: an HTTP/1.1 server (keep-alive, one thread per connection) that records what it
accepts and can be told to misbehave.

Each accepted request's body is appended to EVENTS (the events it carries are newline-separated, so a newline is
written after each body), and one line per request, answered or not, to REQUESTS: "<status> <events> <bytes> <content-type>".

  --events FILE --requests FILE   where to record
  --fail-first K                  answer --status to the first K requests (default 0)
  --fail-seconds S                answer --status to every request during the S seconds after the first one
  --status CODE                   the status of a failing answer (default 500)
  --sleep S                       sleep S seconds before answering each failing request (timeouts)

Prints "PORT <n>" on its first line once listening on 127.0.0.1.
"""
import argparse
import http.server
import sys
import threading
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", required=True)
    parser.add_argument("--requests", required=True)
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--fail-seconds", type=float, default=0.0)
    parser.add_argument("--status", type=int, default=500)
    parser.add_argument("--sleep", type=float, default=0.0)
    args = parser.parse_args()

    lock = threading.Lock()
    events = open(args.events, "ab")
    requests = open(args.requests, "a")
    state = {"count": 0, "first": None}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            with lock:
                state["count"] += 1
                now = time.monotonic()
                if state["first"] is None:
                    state["first"] = now
                failing = state["count"] <= args.fail_first or now - state["first"] < args.fail_seconds
            if failing and args.sleep > 0:
                time.sleep(args.sleep)
            status = args.status if failing else 200
            with lock:
                if not failing:
                    events.write(body)
                    events.write(b"\n")
                    events.flush()
                requests.write("%d %d %d %s\n" % (status, body.count(b"\n") + 1, len(body),
                                                  self.headers.get("Content-Type", "-")))
                requests.flush()
            try:
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    finally:
        events.close()
        requests.close()


if __name__ == "__main__":
    sys.exit(main())
