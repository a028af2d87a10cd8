/**
 * The URL of a network destination and the settings it carries as query parameters (Tracee's {@code ?timeout=},
 * {@code ?tag=}), read the same way for every destination type that takes one.
 */
package io.sluice.destination.url;
