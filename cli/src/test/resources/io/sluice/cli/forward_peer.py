#!/usr/bin/python3
"""A Fluentd Forward protocol v1 receiver for Sluice's tests, built on Debian's python3-msgpack (an implementation
independent of Sluice's encoder). One thread per connection; it accepts Message, Forward and PackedForward (and
CompressedPackedForward) modes, checks each entry's time (EventTime ext type 0 or an integer), and answers
{"ack": chunk} when the option carries a chunk, after recording the message's events.

Each event's record "event" (a JSON string) is appended, one a line, to EVENTS; one line per message to MESSAGES:
"<mode> <events> <tag> <chunk or ->".

  --events FILE --messages FILE   where to record
  --port N                        listen on 127.0.0.1:N (default 0: any free port)
  --drop-every K                  close the connection on every K-th message, neither recording nor acknowledging it
  --no-ack-every K                record every K-th message but do not acknowledge it (a lost ack)

Prints "PORT <n>" on its first line once listening.
"""
import argparse
import base64
import socket
import sys
import threading

import msgpack


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", required=True)
    parser.add_argument("--messages", required=True)
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

    def serve(conn):
        unpacker = msgpack.Unpacker(raw=False, strict_map_key=False, max_buffer_size=256 * 1024 * 1024)
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
                        for time, record in entries:
                            check_time(time)
                            events.write(record["event"])
                            events.write("\n")
                        events.flush()
                        chunk = option.get("chunk")
                        if "size" in option and option["size"] != len(entries):
                            raise ValueError("size %r but %d entries" % (option["size"], len(entries)))
                        messages.write("%s %d %s %s\n" % (mode, len(entries), tag, chunk or "-"))
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
