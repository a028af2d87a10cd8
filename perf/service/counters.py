#!/usr/bin/python3
"""Prints sluice's GetCounters as one line: 'ingested N streams name:delivered ... clients name:delivered:dropped ...'.
Stubs are generated from schemas/ into the directory given."""
import sys

sys.path.insert(0, sys.argv[2])
import grpc  # noqa: E402
from v1beta1 import service_pb2, service_pb2_grpc  # noqa: E402

counters = service_pb2_grpc.SluiceServiceStub(grpc.insecure_channel(sys.argv[1])).GetCounters(
    service_pb2.GetCountersRequest(), timeout=10)
print('ingested', counters.ingested,
      'streams', ' '.join('%s:%d' % (s.name, s.delivered) for s in counters.streams),
      'clients', ' '.join('%s:%d:%d:%d' % (c.name, c.delivered, c.dropped, c.matched) for c in counters.clients))
