/**
 * Reporting trouble from the pipeline's threads: one path, printed once per kind, counted always.
 */
package io.sluice.report;
