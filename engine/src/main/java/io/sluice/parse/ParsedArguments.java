package io.sluice.parse;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.ValueType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;

/**
 * {@code parse-arguments} on: finds the data entries of an event that {@link ArgumentParsers} names, with the type
 * Tracee expects, renders each into a reused buffer, and has the record re-encoded with those entries as strings
 * ({@link ParsedRecordCopy}). An event with nothing to parse costs one array lookup; nothing is allocated per event.
 */
public final class ParsedArguments implements ArgumentParsing
{
    private final EventArguments[] byEventId;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventDecoder from = new EventDecoder();
    private final UnsafeBuffer name = new UnsafeBuffer(0, 0);
    private final ExpandableArrayBuffer texts = new ExpandableArrayBuffer(256);
    private final int[] entryIndex = new int[EventArguments.MAX];
    private final int[] textOffset = new int[EventArguments.MAX];
    private final int[] textLength = new int[EventArguments.MAX];
    private final ParsedRecordCopy copy = new ParsedRecordCopy();

    /**
     * @param catalog the event catalog.
     * @param table   what to parse ({@link ArgumentParsers#table}).
     * @throws IllegalArgumentException for an entry naming an event or argument the catalog does not have.
     */
    public ParsedArguments(final EventCatalog catalog, final List<ArgumentParsers.Entry> table)
    {
        this.byEventId = ArgumentParsers.bind(catalog, table);
    }

    /**
     * @param catalog the event catalog.
     * @param osArch  the machine's architecture ({@code os.arch}), which chooses the open flags and ptrace tables.
     * @return Tracee's parsing for that architecture.
     */
    public static ParsedArguments forArchitecture(final EventCatalog catalog, final String osArch)
    {
        return new ParsedArguments(catalog, ArgumentParsers.table(osArch));
    }

    @Override
    public int parse(final int eventId, final DirectBuffer in, final int offset, final int length, final MutableDirectBuffer out)
    {
        if (eventId <= 0 || eventId >= byEventId.length || byEventId[eventId] == null)
        {
            return 0;
        }
        header.wrap(in, offset);
        if (header.templateId() != EventDecoder.TEMPLATE_ID || header.schemaId() != EventDecoder.SCHEMA_ID)
        {
            return 0;
        }
        from.wrap(in, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final int found = find(byEventId[eventId]);
        return found == 0 ? 0 : copy.copy(in, offset, found, entryIndex, texts, textOffset, textLength, out);
    }

    /** Render the arguments to parse; the count found, their entries and texts in the arrays. */
    private int find(final EventArguments arguments)
    {
        final EventDecoder.AncestorsDecoder ancestors = from.ancestors();
        while (ancestors.hasNext())
        {
            ancestors.next().sbeSkip();
        }
        int found = 0;
        int done = 0;
        int written = 0;
        int index = 0;
        for (final EventDecoder.DataDecoder entry : from.data())
        {
            final short type = entry.valueTypeRaw();
            if (!arguments.mayMatch(entry.nameLength(), type))
            {
                entry.skipName();
                entry.skipValue();
                index++;
                continue;
            }
            entry.wrapName(name);
            final int argument = arguments.match(name, type, done);
            if (argument >= 0)
            {
                done |= 1 << argument;
                final int textLength = arguments.parser(argument).parse(asUnsigned(type, entry.intValue()), texts, written);
                entryIndex[found] = index;
                textOffset[found] = written;
                this.textLength[found++] = textLength;
                written += textLength;
            }
            entry.skipValue();
            index++;
        }
        return found;
    }

    /** The value as Go's {@code uint64(v)} of the event value's type: an int32 sign-extended, a u_int32 zero-extended. */
    private static long asUnsigned(final short type, final long intValue)
    {
        if (type == ValueType.INT32.value())
        {
            return (int)intValue;
        }
        if (type == ValueType.UINT32.value())
        {
            return intValue & 0xFFFF_FFFFL;
        }
        return intValue;
    }
}
