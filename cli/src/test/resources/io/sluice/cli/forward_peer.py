#!/usr/bin/python3
"""A Fluentd Forward protocol v1 receiver for Sluice's tests, built on Debian's python3-msgpack (an implementation
independent of Sluice's encoder). One thread per connection; it accepts Message, Forward and PackedForward (and
CompressedPackedForward) modes, checks each entry's time (EventTime ext type 0 or an integer), and answers
{"ack": chunk} when the option carries a chunk, after recording the message's events.

Each event's record "event" (a JSON string) is appended, one a line, to EVENTS (a record without "event", as
record=map sends, is appended as json.dumps of the map); one line per message to MESSAGES:
"<mode> <events> <tag> <chunk or -> <record kind: event or map>".

With --shared-key, every connection starts with the handshake of Forward protocol v1 as Fluentd's in_forward does it
(HELO with a nonce and, with --user, a user-auth salt; PING checked; PONG with this peer's digest, or refusing with
Fluentd's reasons). With --tls-cert/--tls-key, connections are TLS (Python's ssl module).

  --events FILE --messages FILE   where to record
  --port N                        listen on 127.0.0.1:N (default 0: any free port)
  --drop-every K                  close the connection on every K-th message, neither recording nor acknowledging it
  --no-ack-every K                record every K-th message but do not acknowledge it (a lost ack)
  --shared-key KEY                require the handshake with this shared key
  --user NAME:PASSWORD            (repeatable) require user authentication in the handshake
  --hostname NAME                 this peer's self_hostname in the PONG (default: peer)
  --tls-cert FILE --tls-key FILE  serve TLS with this certificate and key (PEM)

  --compare EVENTS JSON           (alone) compare the records in EVENTS (json.dumps of maps) with the JSON lines of a
                                  file destination, each parsed with json.loads; prints "SAME <n>" or the first difference

Prints "PORT <n>" on its first line once listening.
"""
import argparse
import base64
import hashlib
import json
import os
import socket
import ssl
import sys
import threading

import msgpack


def compare(events_file, json_file):
    with open(events_file, encoding="utf-8") as f:
        got = sorted(json.dumps(json.loads(line), sort_keys=True) for line in f)
    with open(json_file, encoding="utf-8") as f:
        want = sorted(json.dumps(json.loads(line), sort_keys=True) for line in f if line.strip())
    if got == want:
        print("SAME %d" % len(got))
        return 0
    for a, b in zip(got, want):
        if a != b:
            print("DIFF got %s want %s" % (a, b))
            return 1
    print("DIFF %d records, %d events" % (len(got), len(want)))
    return 1


def sha512_hex(*parts):
    digest = hashlib.sha512()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
    return digest.hexdigest()


def handshake(conn, unpacker, args, users):
    """Fluentd in_forward's side: HELO, check PING, answer PONG. Returns True when the client is authenticated."""
    nonce = os.urandom(16)
    auth_salt = os.urandom(16) if users else b""
    conn.sendall(msgpack.packb(["HELO", {"nonce": nonce, "auth": auth_salt, "keepalive": True}], use_bin_type=True))
    ping = None
    while ping is None:
        data = conn.recv(65536)
        if not data:
            return False
        unpacker.feed(data)
        for message in unpacker:
            ping = message
            break
    if not (isinstance(ping, list) and len(ping) == 6 and ping[0] == "PING"):
        conn.sendall(msgpack.packb(["PONG", False, "invalid ping message", "", ""]))
        return False
    _, hostname, salt, digest, username, password_digest = ping
    if digest != sha512_hex(salt, hostname, nonce, args.shared_key):
        conn.sendall(msgpack.packb(["PONG", False, "shared_key mismatch", "", ""]))
        return False
    if users:
        password = users.get(username)
        if password is None or password_digest != sha512_hex(auth_salt, username, password):
            conn.sendall(msgpack.packb(["PONG", False, "username/password mismatch", "", ""]))
            return False
    conn.sendall(msgpack.packb(["PONG", True, "", args.hostname, sha512_hex(salt, args.hostname, nonce, args.shared_key)]))
    return True


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--compare":
        return compare(sys.argv[2], sys.argv[3])
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", required=True)
    parser.add_argument("--messages", required=True)
    parser.add_argument("--shared-key")
    parser.add_argument("--user", action="append", default=[])
    parser.add_argument("--hostname", default="peer")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--drop-every", type=int, default=0)
    parser.add_argument("--no-ack-every", type=int, default=0)
    args = parser.parse_args()

    lock = threading.Lock()
    events = open(args.events, "a", encoding="utf-8")
    messages = open(args.messages, "a", encoding="utf-8")
    state = {"count": 0}

    def entries_of(message):
        tag, second = message[0], message[1]
        option = message[-1] if len(message) >= 3 and isinstance(message[-1], dict) else {}
        if isinstance(second, (bytes, str)):
            raw = second if isinstance(second, bytes) else second.encode("latin-1")
            if option.get("compressed") == "gzip":
                import gzip
                raw = gzip.decompress(raw)
            unpacker = msgpack.Unpacker(raw=False, strict_map_key=False)
            unpacker.feed(raw)
            return "packed", tag, list(unpacker), option
        if isinstance(second, list):
            return "forward", tag, second, option
        option = message[3] if len(message) > 3 and isinstance(message[3], dict) else {}
        return "message", tag, [[second, message[2]]], option

    def check_time(time):
        if isinstance(time, msgpack.ExtType):
            if time.code != 0 or len(time.data) != 8:
                raise ValueError("bad EventTime %r" % (time,))
        elif not isinstance(time, int):
            raise ValueError("bad time %r" % (time,))

    users = dict(user.split(":", 1) for user in args.user)
    tls = None
    if args.tls_cert:
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(args.tls_cert, args.tls_key)

    def serve(conn):
        unpacker = msgpack.Unpacker(raw=False, strict_map_key=False, max_buffer_size=256 * 1024 * 1024)
        if tls is not None:
            try:
                conn = tls.wrap_socket(conn, server_side=True)
            except (ssl.SSLError, OSError) as ex:
                sys.stderr.write("TLS handshake failed: %s\n" % ex)
                conn.close()
                return
        if args.shared_key is not None and not handshake(conn, unpacker, args, users):
            conn.close()
            return
        with conn:
            while True:
                data = conn.recv(1 << 20)
                if not data:
                    return
                unpacker.feed(data)
                for message in unpacker:
                    mode, tag, entries, option = entries_of(message)
                    with lock:
                        state["count"] += 1
                        count = state["count"]
                        if args.drop_every and count % args.drop_every == 0:
                            conn.shutdown(socket.SHUT_RDWR)
                            return
                        kind = "event"
                        for time, record in entries:
                            check_time(time)
                            if "event" in record and isinstance(record["event"], str):
                                events.write(record["event"])
                            else:
                                kind = "map"
                                events.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
                            events.write("\n")
                        events.flush()
                        chunk = option.get("chunk")
                        if "size" in option and option["size"] != len(entries):
                            raise ValueError("size %r but %d entries" % (option["size"], len(entries)))
                        messages.write("%s %d %s %s %s\n" % (mode, len(entries), tag, chunk or "-", kind))
                        messages.flush()
                        acked = chunk is not None and not (args.no_ack_every and count % args.no_ack_every == 0)
                    if chunk is not None:
                        base64.b64decode(chunk, validate=True)
                    if acked:
                        conn.sendall(msgpack.packb({"ack": chunk}))

    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", args.port))
    server.listen(16)
    print("PORT %d" % server.getsockname()[1], flush=True)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    sys.exit(main())
