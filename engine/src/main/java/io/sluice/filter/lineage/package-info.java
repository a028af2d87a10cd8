/**
 * The export filter fields that need the process lineage: answered once per event by the ingest thread, the only
 * one with the process tree, into the record's 64 lineage marks, so stream threads filter on whole lineages too.
 */
package io.sluice.filter.lineage;
