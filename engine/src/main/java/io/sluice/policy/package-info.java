/**
 * Tracee policies: reading {@code Policy} files and {@code --events}/{@code --scope}, compiling scopes and rule
 * filters once, and computing the matched-policies bitmap of each event in the ingest thread without allocating.
 */
package io.sluice.policy;
