/**
 * Filters, a package per concern: {@code route} (a stream's event-id and policy filters, checked on the main ring
 * without decoding), {@code export} (Tetragon's allowlist and denylist, a class per field), {@code lineage} (the
 * export fields the ingest thread answers with the process tree), {@code redact}, {@code field} (field masks),
 * {@code label} (Kubernetes label selectors), {@code syntax} (one JSON object per line) and {@code text} (UTF-8 and
 * RE2 with the caches that keep the hot path allocation-free). This package puts a stream's own Tetragon filters
 * together ({@link io.sluice.filter.StreamExportFilters}); no package below depends on it.
 */
package io.sluice.filter;
