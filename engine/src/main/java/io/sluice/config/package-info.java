/**
 * The validated configuration model the engine runs from. The CLI builds it from YAML and flags.
 */
package io.sluice.config;
