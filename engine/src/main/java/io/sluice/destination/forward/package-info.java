/**
 * The {@code forward} destination: events sent to a Fluentd Forward protocol v1 peer (Fluentd, Fluent Bit) over TCP,
 * in PackedForward mode, accepted when written or, with {@code requireAck}, when the peer acknowledges their chunk.
 */
package io.sluice.destination.forward;
