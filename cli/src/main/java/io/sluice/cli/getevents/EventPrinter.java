package io.sluice.cli.getevents;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.config.FormatSpec;
import io.sluice.format.ColorMode;
import io.sluice.format.EventFormatter;
import io.sluice.format.Format;
import io.sluice.format.FormatContext;
import io.sluice.format.Formats;
import io.sluice.proto.v1beta1.Event;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What {@code getevents} does with each event: the {@code v1beta1.Event} becomes the record every Sluice format renders
 * from ({@link EventProtoEncoder}, policy bits from {@link PolicyOrder}), and the record is printed by the chosen
 * format's formatter ({@code json}: what {@code sluice} prints for the event, byte for byte; {@code compact}:
 * Tetragon's line), after Tetragon's {@code --timestamps} time when asked, one line per event. The record and the
 * output are two buffers reused for every event; the output goes to the stream when it holds 64 KiB and when
 * {@link #flush} is called (by a reader of live events once it has printed what it had received).
 */
final class EventPrinter
{
    private static final int FLUSH_AT = 64 * 1024;

    private final EventCatalog catalog;
    private final Format format;
    private final FormatSpec spec;
    private final ColorMode color;
    private final boolean terminal;
    private final boolean timestamps;
    private final OutputStream out;
    private final PolicyOrder policies;
    private final EventProtoEncoder encoder;
    private final ExpandableArrayBuffer record = new ExpandableArrayBuffer(4096);
    private final ExpandableArrayBuffer text = new ExpandableArrayBuffer(FLUSH_AT + 4096);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventDecoder decoder = new EventDecoder();
    private EventFormatter formatter;
    private int formatterVersion = -1;
    private int pending;

    /**
     * @param catalog    the event catalog.
     * @param output     {@code json} or {@code compact}.
     * @param color      {@code --color}.
     * @param terminal   true when {@code out} is a terminal (for {@code --color auto}).
     * @param timestamps Tetragon's {@code --timestamps}: the event's time before each line.
     * @param out        where the lines go.
     * @param policies   the policy bits.
     */
    EventPrinter(final EventCatalog catalog, final String output, final ColorMode color, final boolean terminal,
        final boolean timestamps, final OutputStream out, final PolicyOrder policies)
    {
        this.catalog = catalog;
        this.format = Formats.byKey(output);
        this.spec = new FormatSpec(output, null);
        this.color = color;
        this.terminal = terminal;
        this.timestamps = timestamps;
        this.out = out;
        this.policies = policies;
        this.encoder = new EventProtoEncoder(catalog);
    }

    /**
     * @param event an event.
     * @return the length of its record, in {@link #record()} from 0.
     * @throws IllegalArgumentException when the record cannot hold the event (a value too large, over 64 policies).
     */
    int encode(final Event event)
    {
        policies.learn(event.getPolicies().getMatchedList());
        if (formatterVersion != policies.version())
        {
            final String[] names = policies.names();
            encoder.policyNames(names);
            formatter = format.create(spec, new FormatContext(catalog, names, color, terminal, false));
            formatterVersion = policies.version();
        }
        return encoder.encode(event, record, 0);
    }

    /** @return where {@link #encode} puts the record. */
    MutableDirectBuffer record()
    {
        return record;
    }

    /**
     * Print an event record (the one {@link #encode} made, or a filtered copy of it) as one line.
     *
     * @param buffer the record's buffer.
     * @param offset where it starts.
     * @param length its length.
     * @throws IOException when the output cannot be written.
     */
    void print(final DirectBuffer buffer, final int offset, final int length) throws IOException
    {
        int at = pending;
        if (timestamps)
        {
            header.wrap(buffer, offset);
            decoder.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            at += Rfc3339Nanos.write(text, at, decoder.timestampSeconds(), decoder.timestampNanos());
            text.putByte(at++, (byte)' ');
        }
        at += formatter.format(buffer, offset, length, text, at);
        text.putByte(at++, (byte)'\n');
        pending = at;
        if (pending >= FLUSH_AT)
        {
            flush();
        }
    }

    /**
     * @param failure what writing stdout threw.
     * @return true when the reader of stdout left ({@code EPIPE}: {@code getevents | head}); as {@code tetra}, which
     *         Go's {@code SIGPIPE} ends silently, there is nothing to say.
     */
    static boolean readerLeft(final IOException failure)
    {
        return "Broken pipe".equals(failure.getMessage());
    }

    /**
     * Write what is printed and not written yet.
     *
     * @throws IOException when the output cannot be written.
     */
    void flush() throws IOException
    {
        if (pending > 0)
        {
            out.write(text.byteArray(), 0, pending);
            out.flush();
            pending = 0;
        }
    }
}
