/**
 * The {@code kafka} destination: events produced to a Kafka topic with kafka-clients' idempotent producer, one event
 * per record, keyed for partitioning, acknowledged by the broker before they count delivered (docs/fleet.md).
 */
package io.sluice.destination.kafka;
