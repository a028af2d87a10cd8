/**
 * {@code sluice bench}: the real pipeline under synthetic load, measured (events/s, latency percentiles, CPU and
 * allocation per event per thread, GC) and compared with a baseline report for regression runs.
 */
package io.sluice.cli.bench;
