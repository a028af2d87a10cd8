"""Loopback DNS and HTTP exchanges for NetworkPacketsKernelTest, in one process whose pid the events must carry.

Usage: net_peer.py DNS_NAME HTTP_PATH. Prints its pid, then answers one DNS query for DNS_NAME (A 10.1.2.3, TTL 300)
from a UDP responder on 127.0.0.1:53 it asked itself, then GETs HTTP_PATH?q=1 from an HTTP server on 127.0.0.1 it
started (200 OK with X-Sluice-Reply: yes and a 5-byte body), sends an ICMP echo request (id 0x5151, seq 7) to
127.0.0.1 and a UDP datagram to [::1]:9, and prints "done".
"""
import ctypes
import http.client
import http.server
import os
import socket
import struct
import sys
import threading
import time


def dns_query(name):
    header = struct.pack(">HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0)
    question = b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0" + struct.pack(">HH", 1, 1)
    return header + question, question


def dns_responder(server, question):
    data, peer = server.recvfrom(512)
    header = struct.pack(">HHHHHH", struct.unpack(">H", data[:2])[0], 0x8180, 1, 1, 0, 0)
    answer = b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 300, 4) + bytes([10, 1, 2, 3])
    server.sendto(header + question + answer, peer)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.send_response(200)
        self.send_header("X-Sluice-Reply", "yes")
        self.send_header("Content-Length", "5")
        self.end_headers()
        self.wfile.write(b"hello")

    def log_message(self, *args):
        pass


def main():
    name, path = sys.argv[1], sys.argv[2]
    ctypes.CDLL(None).prctl(15, b"netpeer", 0, 0, 0)  # PR_SET_NAME: the threads started below inherit it
    print(os.getpid(), flush=True)
    time.sleep(0.2)

    server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    server.bind(("127.0.0.1", 53))
    query, question = dns_query(name)
    responder = threading.Thread(target=dns_responder, args=(server, question))
    responder.start()
    client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    client.settimeout(5)
    client.sendto(query, ("127.0.0.1", 53))
    client.recvfrom(512)
    responder.join()

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    connection = http.client.HTTPConnection("127.0.0.1", httpd.server_address[1], timeout=5)
    connection.request("GET", path + "?q=1", headers={"X-Sluice-Test": "request"})
    response = connection.getresponse()
    response.read()
    connection.close()
    httpd.shutdown()

    icmp = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    echo = struct.pack(">BBHHH", 8, 0, 0, 0x5151, 7) + b"sluice"
    checksum = sum(struct.unpack(">7H", echo)) if len(echo) % 2 == 0 else 0
    checksum = (checksum & 0xFFFF) + (checksum >> 16)
    echo = echo[:2] + struct.pack(">H", ~checksum & 0xFFFF) + echo[4:]
    icmp.sendto(echo, ("127.0.0.1", 0))
    v6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    v6.sendto(b"sluice", ("::1", 9))
    print("done", flush=True)


main()
