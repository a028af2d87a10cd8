package io.sluice.format;

import io.sluice.config.FormatSpec;

/**
 * The {@code json} entry of {@link Formats}: one {@code v1beta1.Event} per line ({@link JsonFormatter}).
 */
final class JsonFormat implements Format
{
    @Override
    public String key()
    {
        return "json";
    }

    @Override
    public EventFormatter create(final FormatSpec spec, final FormatContext context)
    {
        return new JsonFormatter(context.catalog(), context.policyNames());
    }
}
