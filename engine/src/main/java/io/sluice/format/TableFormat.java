package io.sluice.format;

import io.sluice.config.FormatSpec;

/**
 * The {@code table} entry of {@link Formats}: Tracee's table ({@link TableFormatter}, {@link TableLayout#table}), the
 * default of file destinations.
 */
final class TableFormat implements Format
{
    @Override
    public String key()
    {
        return "table";
    }

    @Override
    public EventFormatter create(final FormatSpec spec, final FormatContext context)
    {
        return new TableFormatter(context.catalog(), TableLayout.table(context.containerColumns()));
    }
}
