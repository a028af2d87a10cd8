/**
 * The process tree (seeded from /proc, kept by fork/exec/exit) and the enrichment of raw kernel records into events.
 */
package io.sluice.process;
