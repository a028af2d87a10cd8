package io.sluice.format;

import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventValueCursor;
import io.sluice.codec.sbe.ValueType;

/**
 * Details made of some of the event's arguments, in the table's order, each in cyan and separated by a space
 * ({@code /etc/passwd}; {@code tmpfs /mnt}; {@code 10.0.0.7:443}; {@code 4321 SIGTERM}). An argument the record
 * lacks, or an empty string, is left out with its space.
 */
final class CompactArgsDetails implements CompactDetails
{
    private final CompactArg[] args;
    private final CompactValue value = new CompactValue();

    /**
     * @param args what to print, in order.
     */
    CompactArgsDetails(final CompactArg... args)
    {
        this.args = args.clone();
    }

    @Override
    public void render(final EventRecordView view, final CompactLine line)
    {
        boolean first = true;
        for (final CompactArg arg : args)
        {
            final EventValueCursor found = RecordFields.find(view, arg.name());
            if (found == null || found.type() == ValueType.STR && found.valueLength() == 0)
            {
                continue;
            }
            if (!first)
            {
                line.space();
            }
            first = false;
            line.open(CompactLine.CYAN);
            if (arg.style() == CompactArg.Style.NAMED)
            {
                line.put(arg.name());
                line.put((byte)'=');
            }
            value.put(line, view.buffer(), found, arg.style());
            line.close();
        }
    }
}
