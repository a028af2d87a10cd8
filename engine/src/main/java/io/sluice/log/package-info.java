/**
 * Sluice's logging: a small SLF4J 2 backend ({@link io.sluice.log.SluiceLogProvider}) that writes one line per message to
 * stderr (or the configured file), as {@code sluice: <message>} text or as JSON lines, at the level
 * {@code --log-level} or the config's {@code logging.level} sets. Every diagnostic of the run goes through it: the
 * pipeline's problems ({@link io.sluice.report.Problems}) and the libraries that log through SLF4J (Kafka's client,
 * Chronicle Queue).
 */
package io.sluice.log;
