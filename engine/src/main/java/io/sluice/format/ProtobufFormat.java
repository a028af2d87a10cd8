package io.sluice.format;

import io.sluice.config.FormatSpec;

/**
 * The {@code protobuf} entry of {@link Formats}: length-delimited {@code v1beta1.Event} messages
 * ({@link ProtobufFormatter}), what protobuf's {@code parseDelimitedFrom} reads one after another. The messages delimit
 * themselves, so a file of them has no record separator.
 */
final class ProtobufFormat implements Format
{
    @Override
    public String key()
    {
        return "protobuf";
    }

    @Override
    public int recordSeparator()
    {
        return NO_SEPARATOR;
    }

    @Override
    public EventFormatter create(final FormatSpec spec, final FormatContext context)
    {
        return new ProtobufFormatter(context.catalog(), context.policyNames());
    }
}
