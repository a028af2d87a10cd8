/**
 * The {@code forward} destination: events sent to a Fluentd Forward protocol v1 peer (Fluentd, Fluent Bit) over TCP,
 * optionally TLS, after the protocol's shared-key handshake when configured, in PackedForward or Forward mode, each
 * record Tracee's {@code {"event": "<json>"}} or the event as a map; accepted when written or, with
 * {@code requireAck}, when the peer acknowledges their chunk.
 */
package io.sluice.destination.forward;
