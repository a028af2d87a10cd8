/**
 * Output formats: how an enriched event record becomes bytes (json, table).
 */
package io.sluice.format;
