/**
 * Tetragon's export allowlist and denylist ({@code --export-allowlist}, {@code --export-denylist}, a stream's
 * {@code filters.allow} and {@code filters.deny}), evaluated on the decoded event. Laid out as Tetragon's
 * {@code pkg/filters}: one class per field ({@code BinaryRegexMatcher}, {@code PidSetMatcher} ...), each compiling
 * and checking its own JSON value and matching without allocating, all named in one table ({@code ExportFields}).
 */
package io.sluice.filter.export;
