package io.sluice.format;

import io.sluice.config.FormatSpec;

/**
 * The {@code compact} entry of {@link Formats}: Tetragon's one line per event with emoji ({@link CompactFormatter}),
 * coloured as {@code --color} and the destination say ({@link FormatContext#colored()}).
 */
final class CompactFormat implements Format
{
    @Override
    public String key()
    {
        return "compact";
    }

    @Override
    public boolean colors()
    {
        return true;
    }

    @Override
    public EventFormatter create(final FormatSpec spec, final FormatContext context)
    {
        return new CompactFormatter(context.catalog(), context.colored());
    }
}
