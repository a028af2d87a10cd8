/**
 * Tetragon's filter syntax, one JSON object per line, inline or {@code @FILE}: read here once for the export,
 * redaction and field filters, so their errors name the flag or {@code FILE:line} alike.
 */
package io.sluice.filter.syntax;
