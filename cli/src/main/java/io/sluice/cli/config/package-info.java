/**
 * Configuration front doors: the {@code --config} YAML file and the {@code --output} flags, merged into one raw tree
 * ({@code RawOutputTree}) and validated by one resolver into {@link io.sluice.config.OutputConfig}.
 * The entry point is {@link io.sluice.cli.config.OutputConfigLoader}; {@code docs/config.md} is the user reference.
 */
package io.sluice.cli.config;
