/**
 * Per-stream filters evaluated on the main ring without decoding the event: event ids and matched policies.
 */
package io.sluice.filter;
