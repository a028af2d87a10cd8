/**
 * Tetragon's redaction filters ({@code --redaction-filters}, a stream's {@code filters.redact}): capture groups in an
 * event's arguments and environment become {@code *****}, the record rewritten in reused buffers.
 */
package io.sluice.filter.redact;
