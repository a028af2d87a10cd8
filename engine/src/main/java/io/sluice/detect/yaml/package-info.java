/**
 * YAML detectors as Tracee defines them ({@code docs/docs/detectors/yaml-detectors.md}): {@code type: detector} files
 * loaded with {@code --detectors}, their filters compiled to policy filters, their conditions and output fields to CEL
 * programs, raised through the same {@link io.sluice.detect.DetectorSet} as the detectors Sluice ships.
 */
package io.sluice.detect.yaml;
