/**
 * The network events' arguments from the packet bytes the sensor captured: IP and transport headers, DNS messages and
 * HTTP/1.x heads, decoded into Tracee's argument messages.
 */
package io.sluice.process.packet;
