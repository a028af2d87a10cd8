package io.sluice.cli.getevents;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.sluice.proto.v1beta1.Event;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code getevents} with events piped on stdin, as {@code tetra getevents} reads them: one JSON event per line (what
 * {@code sluice --output json} writes), parsed as protobuf parses JSON (unknown fields ignored, as Tetragon's
 * {@code DiscardUnknown}), filtered here by the request's filters ({@link LocalFilter}) and printed. A line that is not
 * an event is skipped, as Tetragon skips it, but named on stderr with its number (the first {@value #NAMED} of them;
 * their count at the end); blank lines are skipped silently. The exit code stays 0, as Tetragon's. What is printed is
 * written in blocks, and whenever stdin has nothing more to read at once, so a pipe that stays open shows each event.
 */
final class PipedEvents
{
    /** Lines not events that are named one by one; the rest are counted. */
    static final int NAMED = 10;

    private final JsonFormat.Parser parser = JsonFormat.parser().ignoringUnknownFields();
    private final Event.Builder builder = Event.newBuilder();
    private final EventPrinter printer;
    private final LocalFilter filter;
    private final PrintWriter err;

    /**
     * @param printer where events go.
     * @param filter  the request's filters.
     * @param err     where skipped lines are named.
     */
    PipedEvents(final EventPrinter printer, final LocalFilter filter, final PrintWriter err)
    {
        this.printer = printer;
        this.filter = filter;
        this.err = err;
    }

    /**
     * @param in the events, one JSON object a line, until end of input.
     * @return how many lines were not events.
     * @throws IOException when stdin cannot be read or stdout written.
     */
    long run(final InputStream in) throws IOException
    {
        final BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        long number = 0;
        long bad = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine())
        {
            number++;
            final String problem = line.isBlank() ? null : print(line);
            if (problem != null)
            {
                bad++;
                if (bad <= NAMED)
                {
                    err.println("sluice getevents: stdin line " + number + ": skipped, not an event: " + problem);
                    err.flush();
                }
            }
            if (!lines.ready())
            {
                // nothing more to read right now (tail -f | sluice getevents): what is printed goes out now
                printer.flush();
            }
        }
        printer.flush();
        if (bad > NAMED)
        {
            err.println("sluice getevents: " + bad + " lines of stdin were not events (skipped); the first " + NAMED + " are named above");
            err.flush();
        }
        return bad;
    }

    private String print(final String line) throws IOException
    {
        final int length;
        try
        {
            builder.clear();
            parser.merge(line, builder);
            length = printer.encode(builder.build());
        }
        catch (final InvalidProtocolBufferException | IllegalArgumentException ex)
        {
            return oneLine(ex.getMessage());
        }
        final int filtered = filter.apply(printer.record(), length);
        if (filtered == LocalFilter.DROPPED)
        {
            return null;
        }
        if (filtered > 0)
        {
            printer.print(filter.out(), 0, filtered);
        }
        else
        {
            printer.print(printer.record(), 0, length);
        }
        return null;
    }

    private static String oneLine(final String message)
    {
        final String text = message == null ? "unreadable" : message.replace('\n', ' ').replace('\r', ' ');
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
