/**
 * What Sluice's two uses of Google's CEL ({@code dev.cel:cel}) share: YAML detectors' conditions and output fields
 * (Tracee's CEL) and Tetragon's {@code cel_expression} export filter. Both declare their event as maps, so the
 * field paths an expression selects are checked here against the fields Tracee's and Tetragon's protobuf types have.
 */
package io.sluice.cel;
