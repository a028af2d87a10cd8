/**
 * Destinations: where rendered events leave the process (file and terminal now; network sinks and journals later).
 */
package io.sluice.destination;
