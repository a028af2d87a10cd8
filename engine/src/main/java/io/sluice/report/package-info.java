/**
 * Reporting trouble from the pipeline's threads: one path, through the logging facade ({@code io.sluice.log}),
 * printed once per kind (again after a quiet spell), counted always.
 */
package io.sluice.report;
