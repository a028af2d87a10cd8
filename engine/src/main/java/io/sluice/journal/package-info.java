/**
 * Journals: enriched SBE event records captured in a Chronicle Queue directory, and read back for replay.
 * See {@code docs/journal.md} for the layout.
 */
package io.sluice.journal;
