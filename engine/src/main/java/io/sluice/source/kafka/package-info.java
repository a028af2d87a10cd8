/**
 * {@code sluice replay kafka://BROKERS/TOPIC}: a topic written by the kafka destination, read back by a consumer and fed
 * into the shared ring as a journal replay is.
 */
package io.sluice.source.kafka;
