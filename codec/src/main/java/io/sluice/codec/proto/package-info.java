/**
 * The bridge between enriched event records (SBE) and {@code v1beta1.Event} (protobuf), both ways: the reference
 * reading of a record, and records built from messages for tests, golden events, replay and synthetic load.
 */
package io.sluice.codec.proto;
