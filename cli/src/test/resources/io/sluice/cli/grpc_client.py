#!/usr/bin/python3
"""A Python grpcio client of sluice's event service, for the cli tests (Debian's python3-grpcio).

Stubs are generated from schemas/ at test time (grpc_tools.protoc) into --stubs.

  stream: StreamEvents; one line per event to --out (the Event as compact JSON, proto field names), flushed; at the
          end 'RECEIVED n' on stdout. --slow S sleeps S seconds after each event;
          --small-window keeps HTTP/2's initial flow-control window. A refused call prints
          'ERROR <code> <details>' and exits 3.
  info:   GetVersion, GetCounters and GetEventDefinitions (--events names) as one JSON object on stdout.
"""
import argparse
import json
import sys
import time


def channel(grpc, args):
    # --small-window: HTTP/2 flow control as the protocol starts it (no window growth from bandwidth probes), so what a
    # slow reader has not read yet waits at the server
    options = [('grpc.http2.bdp_probe', 0), ('grpc.http2.lookahead_bytes', 65535)] if args.small_window else []
    if args.tls_ca:
        with open(args.tls_ca, 'rb') as ca:
            credentials = grpc.ssl_channel_credentials(root_certificates=ca.read())
        return grpc.secure_channel(args.target, credentials, options)
    return grpc.insecure_channel(args.target, options)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('command', choices=['stream', 'info'])
    parser.add_argument('--target', required=True)
    parser.add_argument('--stubs', required=True)
    parser.add_argument('--tls-ca')
    parser.add_argument('--out')
    parser.add_argument('--slow', type=float, default=0)
    parser.add_argument('--small-window', action='store_true')
    parser.add_argument('--mode', choices=['drop', 'block'], default='drop')
    parser.add_argument('--buffer-size', type=int, default=0)
    parser.add_argument('--events', default='')
    parser.add_argument('--policies', default='')
    parser.add_argument('--mask', default='')
    parser.add_argument('--allow', action='append', default=[], help='a Filter as JSON')
    args = parser.parse_args()
    sys.path.insert(0, args.stubs)
    import grpc
    from google.protobuf import json_format
    from v1beta1 import service_pb2, service_pb2_grpc

    stub = service_pb2_grpc.SluiceServiceStub(channel(grpc, args))
    names = [name for name in args.events.split(',') if name]
    if args.command == 'info':
        answer = {
            'version': json_format.MessageToDict(stub.GetVersion(service_pb2.GetVersionRequest(), timeout=10),
                                                 preserving_proto_field_name=True),
            'counters': json_format.MessageToDict(stub.GetCounters(service_pb2.GetCountersRequest(), timeout=10),
                                                  preserving_proto_field_name=True),
            'definitions': json_format.MessageToDict(stub.GetEventDefinitions(
                service_pb2.GetEventDefinitionsRequest(event_names=names), timeout=10), preserving_proto_field_name=True),
        }
        print(json.dumps(answer))
        return 0
    request = service_pb2.StreamEventsRequest(
        events=names, policies=[p for p in args.policies.split(',') if p],
        mode=service_pb2.CLIENT_MODE_BLOCK if args.mode == 'block' else service_pb2.CLIENT_MODE_DROP,
        buffer_size=args.buffer_size)
    if args.mask:
        request.mask.paths.extend(args.mask.split(','))
    for allow in args.allow:
        request.allow_list.append(json_format.Parse(allow, service_pb2.Filter()))
    received = 0
    try:
        with open(args.out, 'w', encoding='utf-8') as out:
            for response in stub.StreamEvents(request):
                out.write(json_format.MessageToJson(response.event, indent=None, preserving_proto_field_name=True))
                out.write('\n')
                out.flush()
                received += 1
                if args.slow:
                    time.sleep(args.slow)
    except grpc.RpcError as error:
        print('ERROR %s %s' % (error.code().name, error.details()), flush=True)
        return 3
    print('RECEIVED %d' % received, flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
