package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
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
    public EventFormatter create(final FormatSpec spec, final EventCatalog catalog, final String[] policyNames)
    {
        return new JsonFormatter(catalog, policyNames);
    }
}
