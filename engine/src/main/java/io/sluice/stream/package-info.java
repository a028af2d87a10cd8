/**
 * Streams (Tracee's model): each filters the main ring into a ring of its own, blocking or dropping when full,
 * and a writer thread broadcasts its events to the stream's destinations.
 */
package io.sluice.stream;
