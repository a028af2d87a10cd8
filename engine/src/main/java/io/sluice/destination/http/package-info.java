/**
 * The {@code webhook} destination: events POSTed over HTTP(S) through the JDK's HTTP client, batched, with bounded
 * requests in flight and receipts reported in order on the stream's writer thread (docs/webhook.md).
 */
package io.sluice.destination.http;
