"""An independent reader of Sluice's protobuf output: Debian's python3-protobuf and protoc, nothing of Sluice's Java.

Usage: /usr/bin/python3 read_protobuf.py SCHEMA_DIR EVENTS_FILE
Compiles SCHEMA_DIR/v1beta1/*.proto with protoc into a temporary directory, reads EVENTS_FILE as length-delimited
v1beta1.Event messages (a varint length, then the message, as Java's writeDelimitedTo writes them) and prints one
line {"count": N}, then each event on a line of its own as protobuf's json_format gives it (proto field names).
Exits non-zero, naming the problem, when a length runs past the end of the file or a message does not parse.
"""
import glob
import importlib
import json
import os
import subprocess
import sys
import tempfile
import warnings

from google.protobuf import json_format


def read_varint(data, at):
    """The unsigned varint at data[at:], and where the bytes after it start."""
    value = 0
    shift = 0
    while True:
        if at >= len(data):
            raise ValueError("truncated length prefix")
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
        shift += 7
        if shift > 63:
            raise ValueError("length prefix longer than ten bytes")


def compile_schemas(schema_dir, out_dir):
    protos = sorted(os.path.relpath(p, schema_dir) for p in glob.glob(os.path.join(schema_dir, "v1beta1", "*.proto")))
    if not protos:
        raise SystemExit("no .proto files under " + schema_dir)
    subprocess.run(["protoc", "-I", schema_dir, "--python_out=" + out_dir] + protos, check=True)
    sys.path.insert(0, out_dir)
    return importlib.import_module("v1beta1.event_pb2").Event


def main():
    # A message that does not parse cleanly is an error, not a warning.
    warnings.simplefilter("error")
    if len(sys.argv) != 3:
        raise SystemExit("usage: read_protobuf.py SCHEMA_DIR EVENTS_FILE")
    schema_dir, events_file = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as out_dir:
        event_type = compile_schemas(schema_dir, out_dir)
        with open(events_file, "rb") as f:
            data = f.read()
        events = []
        at = 0
        while at < len(data):
            length, at = read_varint(data, at)
            if at + length > len(data):
                raise SystemExit("event %d: length %d runs past the end of the file (%d bytes left)"
                                 % (len(events), length, len(data) - at))
            event = event_type()
            if event.ParseFromString(data[at:at + length]) != length:
                raise SystemExit("event %d: the message does not fill its %d bytes" % (len(events), length))
            at += length
            events.append(json_format.MessageToDict(event, preserving_proto_field_name=True))
    print(json.dumps({"count": len(events)}))
    for event in events:
        print(json.dumps(event))


if __name__ == "__main__":
    main()
