/**
 * Sluice's wire formats: the SBE records generated from {@code schemas/sluice-sbe.xml}, the protobuf
 * {@code v1beta1} messages generated from {@code schemas/proto}, the event catalog and the fast JSON writer.
 */
package io.sluice.codec;
