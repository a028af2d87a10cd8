/**
 * Destination types: the one table of them ({@link io.sluice.output.DestinationKinds}), each type's config rules,
 * pre-flight check and factory of its {@link io.sluice.destination.Destination} in one class.
 */
package io.sluice.output;
