/**
 * Filters: per-stream filters evaluated on the main ring without decoding the event (event ids, matched policies),
 * and Tetragon's export allowlist and denylist evaluated at ingest on the decoded event (RE2 through re2j).
 */
package io.sluice.filter;
