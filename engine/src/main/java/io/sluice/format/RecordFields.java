package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.EventValueCursor;
import io.sluice.codec.sbe.PresenceDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * What the text formats read from a located record beyond its fixed fields: a {@code data} entry by name, and the
 * event's name by the record's rule (the stored name; empty means the catalog's name for the id unless presence says
 * it is as stored; the id itself when the catalog has none).
 */
final class RecordFields
{
    private RecordFields()
    {
    }

    /**
     * @param view a located record.
     * @param name an argument name, UTF-8.
     * @return the cursor over the record's {@code data}, on the first entry of that name, or null when it has none.
     */
    static EventValueCursor find(final EventRecordView view, final byte[] name)
    {
        return find(view.buffer(), view.data(), name);
    }

    /**
     * @param buffer the record's buffer.
     * @param values a cursor before its first entry.
     * @param name   an argument name, UTF-8.
     * @return the cursor, on the first entry of that name, or null when it has none.
     */
    static EventValueCursor find(final DirectBuffer buffer, final EventValueCursor values, final byte[] name)
    {
        while (values.next())
        {
            if (nameIs(buffer, values, name))
            {
                return values;
            }
        }
        return null;
    }

    /**
     * @return true when the cursor's entry is called {@code name}.
     */
    static boolean nameIs(final DirectBuffer buffer, final EventValueCursor values, final byte[] name)
    {
        if (values.nameLength() != name.length)
        {
            return false;
        }
        final int offset = values.nameOffset();
        for (int i = 0; i < name.length; i++)
        {
            if (buffer.getByte(offset + i) != name[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param view a located record.
     * @return where the container id starts once a {@code runtime://} prefix ({@code containerd://}) is skipped.
     */
    static int containerIdStart(final EventRecordView view)
    {
        final DirectBuffer buffer = view.buffer();
        final int start = view.stringOffset(EventVarData.CONTAINER_ID);
        final int end = start + view.stringLength(EventVarData.CONTAINER_ID);
        for (int i = start; i + 2 < end; i++)
        {
            if (buffer.getByte(i) == ':' && buffer.getByte(i + 1) == '/' && buffer.getByte(i + 2) == '/')
            {
                return i + 3;
            }
        }
        return start;
    }

    /**
     * @param view a located record.
     * @return true when the event's name is the record's {@link EventRecordView#NAME} string (possibly empty), false
     *         when it is the catalog's name for the id ({@link #putCatalogName}).
     */
    static boolean nameIsStored(final EventRecordView view)
    {
        return view.stringLength(EventVarData.NAME) > 0 || PresenceDecoder.nameAsStored(view.presence());
    }

    /**
     * Write the catalog's name for the event's id, or the id when the catalog has none.
     *
     * @param view    a located record.
     * @param catalog the event catalog.
     * @param out     where to write.
     * @param start   where to start writing.
     * @return the position after it.
     */
    static int putCatalogName(final EventRecordView view, final EventCatalog catalog, final MutableDirectBuffer out,
        final int start)
    {
        final int eventId = view.event().eventId();
        final byte[] name = catalog.nameBytes(eventId);
        if (name != null)
        {
            out.putBytes(start, name);
            return start + name.length;
        }
        return start + out.putIntAscii(start, eventId);
    }
}
