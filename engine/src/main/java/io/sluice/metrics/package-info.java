/**
 * What an operator scrapes: the run's counters in Prometheus text format ({@code /metrics}) and its health
 * ({@code /healthz}), read from the pipeline's own single-writer counters at scrape time (docs/metrics.md).
 */
package io.sluice.metrics;
