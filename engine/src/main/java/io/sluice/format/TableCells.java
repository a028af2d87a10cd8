package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventDecoder.AncestorsDecoder;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.EventValueCursor;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.PresenceDecoder;
import io.sluice.codec.sbe.ValueType;
import io.sluice.process.KernelEventEnricher;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Writes the cell of a {@link TableColumn} for the record a view holds, as Tracee's table printers fill it: the time
 * of day in the local zone ({@code N/A} without a timestamp), the uid (empty when unknown), ids as numbers (0 when
 * unknown), names as they are except that control characters are escaped ({@link TableText}), the container id cut to
 * 12 characters, the event name cut past 25 in {@link TableColumn#EVENT}. Allocates nothing per event.
 */
final class TableCells
{
    private static final byte[] NOT_AVAILABLE = "N/A".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CUT = "...".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RETURN_VALUE = KernelEventEnricher.RETURN_VALUE.getBytes(StandardCharsets.UTF_8);
    private static final int EVENT_WIDTH = 25;
    private static final int EVENT_CUT = 22;
    private static final int CONTAINER_ID_WIDTH = 12;
    private static final int ID_WIDTH = 7;

    private final EventCatalog catalog;
    private final EventRecordView view;
    private final long utcOffsetSeconds;
    private final byte[] utsName = new byte[FilterOnlyFields.UTS_NAME_LENGTH];
    private final UnsafeBuffer utsNameView = new UnsafeBuffer(utsName);

    /**
     * @param catalog the event catalog (names of ids).
     * @param view    the view the formatter wraps each record in.
     */
    TableCells(final EventCatalog catalog, final EventRecordView view)
    {
        this.catalog = catalog;
        this.view = view;
        this.utcOffsetSeconds = ZoneId.systemDefault().getRules().getOffset(Instant.now()).getTotalSeconds();
    }

    /**
     * @param column the column.
     * @param out    where to write.
     * @param start  where the cell starts.
     * @return the position after the cell (not padded).
     */
    int write(final TableColumn column, final MutableDirectBuffer out, final int start)
    {
        final EventDecoder event = view.event();
        final DirectBuffer buffer = view.buffer();
        return switch (column)
        {
            case TIME -> PresenceDecoder.timestamp(view.presence()) ?
                TableText.timeOfDay(out, start, event.timestampSeconds() + utcOffsetSeconds, event.timestampNanos()) :
                put(out, start, NOT_AVAILABLE);
            case UTS_NAME -> TableText.escaped(out, start, utsNameView, 0, FilterOnlyFields.utsName(event, utsName));
            case CONTAINER_ID ->
            {
                final int from = RecordFields.containerIdStart(view);
                final int end = view.stringOffset(EventVarData.CONTAINER_ID) + view.stringLength(EventVarData.CONTAINER_ID);
                yield TableText.escaped(out, start, buffer, from, Math.min(CONTAINER_ID_WIDTH, end - from));
            }
            case MNT_NS -> start + out.putLongAscii(start, event.mntNsId());
            case PID_NS -> start + out.putLongAscii(start, event.pidNsId());
            case UID -> PresenceDecoder.realUserId(view.presence()) ? start + out.putLongAscii(start, event.realUserId()) : start;
            case COMM -> TableText.escaped(out, start, buffer, view.stringOffset(EventVarData.THREAD_NAME),
                view.stringLength(EventVarData.THREAD_NAME));
            case PID -> start + out.putLongAscii(start, event.pid());
            case TID -> start + out.putLongAscii(start, event.tid());
            case PPID -> start + out.putLongAscii(start, parentPid(false));
            case PID_HOST -> pair(out, start, event.pid(), event.hostPid());
            case TID_HOST -> pair(out, start, event.tid(), event.hostTid());
            case PPID_HOST -> pair(out, start, parentPid(false), parentPid(true));
            case RET -> start + out.putLongAscii(start, returnValue());
            case EVENT -> eventName(out, start, true);
            case EVENT_WHOLE -> eventName(out, start, false);
        };
    }

    private int eventName(final MutableDirectBuffer out, final int start, final boolean cut)
    {
        final int end = RecordFields.nameIsStored(view) ? TableText.escaped(out, start, view.buffer(),
            view.stringOffset(EventVarData.NAME), view.stringLength(EventVarData.NAME)) :
            RecordFields.putCatalogName(view, catalog, out, start);
        if (!cut || end - start <= EVENT_WIDTH)
        {
            return end;
        }
        out.putBytes(start + EVENT_CUT, CUT);
        return start + EVENT_CUT + CUT.length;
    }

    /** Tracee's {@code %-7d/%-7d}. */
    private static int pair(final MutableDirectBuffer out, final int start, final long inNamespace, final long onHost)
    {
        int p = start + out.putLongAscii(start, inNamespace);
        p = TableText.padTo(out, p, start, ID_WIDTH);
        out.putByte(p++, (byte)'/');
        final int host = p;
        p += out.putLongAscii(p, onHost);
        return TableText.padTo(out, p, host, ID_WIDTH);
    }

    private long parentPid(final boolean host)
    {
        final AncestorsDecoder ancestors = view.ancestors();
        if (!ancestors.hasNext())
        {
            return 0;
        }
        ancestors.next();
        return host ? ancestors.hostPid() : ancestors.pid();
    }

    /** The {@code returnValue} argument, a detection's trigger's for a detection, else 0 (Tracee's zero value). */
    private long returnValue()
    {
        EventValueCursor found = RecordFields.find(view, RETURN_VALUE);
        if (found == null && PresenceDecoder.detectedFrom(view.presence()))
        {
            found = RecordFields.find(view.buffer(), view.detectedFromData(), RETURN_VALUE);
        }
        return found == null || found.type() == ValueType.NONE ? 0 : found.intValue();
    }

    private static int put(final MutableDirectBuffer out, final int start, final byte[] bytes)
    {
        out.putBytes(start, bytes);
        return start + bytes.length;
    }
}
