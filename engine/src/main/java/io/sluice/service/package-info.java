/**
 * The event service: {@code SluiceService} (schemas/proto/v1beta1/service.proto) over gRPC. Each
 * {@code StreamEvents} call becomes a stream of its own, with its own ring, filters and counters.
 */
package io.sluice.service;
