/**
 * Tetragon's {@code cel_expression} export filter ({@code pkg/filters/cel_expression.go}): CEL over the event as
 * Tetragon's {@code GetEventsResponse} names it ({@code process_exec.process.binary}), with Sluice's events mapped onto
 * Tetragon's event types, and Tetragon's {@code in_init_tree} as Sluice's process data can answer it.
 */
package io.sluice.filter.cel;
