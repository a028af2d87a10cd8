package io.sluice.format;

import io.sluice.config.FormatSpec;

/**
 * The {@code table-verbose} entry of {@link Formats}: Tracee's verbose table ({@link TableFormatter},
 * {@link TableLayout#verbose}): UTS name, container, namespaces, parent and return value beside {@code table}'s columns.
 */
final class TableVerboseFormat implements Format
{
    @Override
    public String key()
    {
        return "table-verbose";
    }

    @Override
    public EventFormatter create(final FormatSpec spec, final FormatContext context)
    {
        return new TableFormatter(context.catalog(), TableLayout.verbose(context.containerColumns()));
    }
}
