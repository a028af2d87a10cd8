package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.PresenceDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The {@code compact} format, Tetragon's {@code tetra getevents -o compact}: one line per event,
 * {@code <emoji> <label> <source> <binary> <details>}, for instance {@code 🚀 process host /usr/bin/curl https://ebpf.io/}
 * and {@code 💥 exit    default/xwing /usr/bin/curl SIGKILL}. The label and details come from {@link CompactTable}; the
 * source is {@code namespace/pod} when the pod is known, else the short container id (12 characters, any
 * {@code runtime://} prefix dropped) when the process runs in a container, else {@code host}; the binary is the
 * executable's path (the thread's name when the path is unknown). Text from the event is quoted when it holds a space
 * or what does not print ({@link GoQuote}). As Tetragon, a process whose effective capabilities hold
 * {@code CAP_SYS_ADMIN} gets {@code 🛑 CAP_SYS_ADMIN} at the end, right-aligned to column 120. Colours, when on, are
 * Tetragon's: label blue (a detection's red), source green, binary magenta, details cyan, exit status red.
 * Allocates nothing per event.
 */
public final class CompactFormatter implements EventFormatter
{
    private static final byte[] HOST = "host".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CAPABILITIES = "🛑 CAP_SYS_ADMIN".getBytes(StandardCharsets.UTF_8);
    /** Characters of {@link #CAPABILITIES}, as Go's {@code %*s} counts them. */
    private static final int CAPABILITIES_WIDTH = 15;
    /** Tetragon's {@code capsPad}. */
    private static final int CAPABILITIES_COLUMN = 120;
    private static final long CAP_SYS_ADMIN = 1L << 21;
    private static final int SHORT_CONTAINER_ID = 12;

    private final EventRecordView view = new EventRecordView();
    private final CompactTable table;
    private final CompactLine line;

    /**
     * @param catalog the event catalog (names of ids).
     * @param colored true to write colour codes.
     */
    public CompactFormatter(final EventCatalog catalog, final boolean colored)
    {
        this.table = new CompactTable(catalog);
        this.line = new CompactLine(colored);
    }

    @Override
    public int format(final DirectBuffer record, final int offset, final int length, final MutableDirectBuffer out, final int outOffset)
    {
        final EventDecoder event = view.wrap(record, offset, length).event();
        final CompactEntry entry = table.entry(event.eventId(), view.presence());
        line.wrap(out, outOffset);
        line.open(entry.color());
        line.put(entry.label(event));
        line.close();
        line.space();
        source();
        line.space();
        line.open(CompactLine.MAGENTA);
        final int binary = view.stringLength(EventVarData.EXECUTABLE_PATH) > 0 ? EventVarData.EXECUTABLE_PATH
            : EventVarData.THREAD_NAME;
        line.text(view.buffer(), view.stringOffset(binary), view.stringLength(binary));
        line.close();
        line.space();
        entry.details().render(view, line);
        if (FilterOnlyFields.hasProcessContext(event) && (FilterOnlyFields.capEffective(event) & CAP_SYS_ADMIN) != 0)
        {
            final int visible = line.visibleLength();
            line.space();
            line.spaces(Math.max(0, CAPABILITIES_COLUMN - visible - CAPABILITIES_WIDTH));
            line.open(CompactLine.MAGENTA);
            line.put(CAPABILITIES);
            line.close();
        }
        return line.length();
    }

    private void source()
    {
        final DirectBuffer buffer = view.buffer();
        line.open(CompactLine.GREEN);
        final int containerId = view.stringLength(EventVarData.CONTAINER_ID);
        if (PresenceDecoder.pod(view.presence()) && view.stringLength(EventVarData.POD_NAME) > 0)
        {
            line.text(buffer, view.stringOffset(EventVarData.POD_NAMESPACE), view.stringLength(EventVarData.POD_NAMESPACE));
            line.put((byte)'/');
            line.text(buffer, view.stringOffset(EventVarData.POD_NAME), view.stringLength(EventVarData.POD_NAME));
        }
        else if (containerId > 0)
        {
            final int start = RecordFields.containerIdStart(view);
            final int end = view.stringOffset(EventVarData.CONTAINER_ID) + containerId;
            line.text(buffer, start, Math.min(SHORT_CONTAINER_ID, end - start));
        }
        else
        {
            line.put(HOST);
        }
        line.close();
    }

    @Override
    public byte[] preamble()
    {
        return new byte[0];
    }
}
