/**
 * JSON output of events: {@link io.sluice.codec.json.EventJsonWriter} writes an enriched event record as the JSON of
 * its {@code v1beta1.Event}, byte-equal to protobuf's {@code JsonFormat} printer and allocation-free.
 */
package io.sluice.codec.json;
