/**
 * The shared-memory ring between sources (the C loader, replay, synthetic load) and the engine's ingest thread.
 */
package io.sluice.ring;
