/**
 * Detectors: derived events (Tracee's signatures) raised in the ingest thread from the events they watch, carrying
 * {@code threat} (name, description, severity, MITRE tactic and technique, properties) and {@code detected_from}
 * (the triggering event's id, name and data). Their events have catalog ids from 6000 and can be named in
 * {@code --events}, policies and stream filters like any event.
 */
package io.sluice.detect;
