#!/usr/bin/python3
"""Counts what sluice's event service streams, without parsing it: StreamEvents with an empty request (every event,
drop mode) through grpcio's raw bytes API, so the client spends as little as Python can per message.
Prints 'RECEIVED <messages> <bytes>' when the server ends the call."""
import sys

import grpc


def main():
    channel = grpc.insecure_channel(sys.argv[1])
    call = channel.unary_stream('/sluice.v1beta1.SluiceService/StreamEvents')
    messages = 0
    size = 0
    for message in call(b''):
        messages += 1
        size += len(message)
    print('RECEIVED %d %d' % (messages, size), flush=True)


if __name__ == '__main__':
    main()
