/**
 * A stream's routing filters, checked on the main ring without decoding the event: its event ids
 * ({@link io.sluice.filter.route.EventIdFilter}, also the export and field filters' {@code event_set}) and its
 * policies ({@link io.sluice.filter.route.PolicyFilter}).
 */
package io.sluice.filter.route;
