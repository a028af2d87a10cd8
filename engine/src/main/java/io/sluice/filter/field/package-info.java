/**
 * Tetragon's field filters ({@code --field-filters}, a stream's {@code filters.fields}): protobuf field masks over
 * {@code v1beta1.Event} ({@link io.sluice.filter.field.EventField}, one bit a field), applied one after another, and
 * the encoder that rewrites a record without the fields dropped.
 */
package io.sluice.filter.field;
