/**
 * Output formats: how an enriched event record becomes bytes (json, table, sbe), each an entry of {@link io.sluice.format.Formats}.
 */
package io.sluice.format;
