package io.sluice.service;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.sluice.config.BufferMode;
import io.sluice.config.StreamConfig;
import io.sluice.config.StreamExportConfig;
import io.sluice.proto.v1beta1.ClientMode;
import io.sluice.proto.v1beta1.FieldFilter;
import io.sluice.proto.v1beta1.Filter;
import io.sluice.proto.v1beta1.StreamEventsRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code StreamEvents} request asks for, as the {@link StreamConfig} of a stream: its events and policies, its
 * mode and ring size, and its Tetragon filters as the filter lines a configured stream's {@code filters} section holds
 * (each {@code Filter} printed as its JSON object, each {@code FieldFilter} and Tracee's {@code mask} as a field filter
 * line). One grammar serves the flags, the config files, the service and {@code getevents}' local filtering: the lines
 * are checked by the same compiler, and their errors name the request.
 */
public final class ClientStreamConfig
{
    /** The ring size of a client that does not ask for one. */
    public static final int DEFAULT_BUFFER_SIZE = 4096;
    /** The largest ring a client may ask for: its slots are allocated when it connects (1 KiB or more each). */
    public static final int MAX_BUFFER_SIZE = 65536;

    private static final JsonFormat.Printer FILTER_JSON = JsonFormat.printer().preservingProtoFieldNames()
        .omittingInsignificantWhitespace();

    private ClientStreamConfig()
    {
    }

    /**
     * @param name    the stream's name (the client's).
     * @param request what the client asked for.
     * @return the stream's configuration; its filter lines are checked when the stream is built.
     * @throws IllegalArgumentException when the buffer size is not a power of two, or more than {@link #MAX_BUFFER_SIZE}.
     */
    public static StreamConfig of(final String name, final StreamEventsRequest request)
    {
        final long asked = Integer.toUnsignedLong(request.getBufferSize());
        if (asked > MAX_BUFFER_SIZE)
        {
            throw new IllegalArgumentException("buffer_size " + asked + " is more than " + MAX_BUFFER_SIZE);
        }
        final int size = asked == 0 ? DEFAULT_BUFFER_SIZE : (int)asked;
        if (Integer.bitCount(size) != 1)
        {
            throw new IllegalArgumentException("buffer_size " + asked + " is not a power of two");
        }
        final BufferMode mode = request.getMode() == ClientMode.CLIENT_MODE_BLOCK ? BufferMode.BLOCK : BufferMode.DROP;
        return new StreamConfig(name, List.of(), List.copyOf(request.getEventsList()), List.copyOf(request.getPoliciesList()),
            mode, size, false, exports(request));
    }

    /**
     * @param request what the client asked for.
     * @return its allow, deny and field filters as filter lines (no redaction: that is the server's to configure).
     */
    public static StreamExportConfig exports(final StreamEventsRequest request)
    {
        final List<String> fields = new ArrayList<>();
        if (request.hasMask() && request.getMask().getPathsCount() > 0)
        {
            fields.add(fieldFilterLine(List.of(), request.getMask().getPathsList(), "INCLUDE", false));
        }
        for (final FieldFilter filter : request.getFieldFiltersList())
        {
            fields.add(fieldFilterLine(filter.getEventSetList(), filter.getFields().getPathsList(), filter.getAction().name(),
                filter.getInvertEventSet()));
        }
        return new StreamExportConfig(filterLines(request.getAllowListList()), filterLines(request.getDenyListList()),
            List.of(), List.copyOf(fields));
    }

    private static List<String> filterLines(final List<Filter> filters)
    {
        final List<String> lines = new ArrayList<>(filters.size());
        for (final Filter filter : filters)
        {
            lines.add(print(filter));
        }
        return List.copyOf(lines);
    }

    private static String fieldFilterLine(final List<String> eventSet, final List<String> paths, final String action,
        final boolean invert)
    {
        final Struct.Builder line = Struct.newBuilder();
        if (!eventSet.isEmpty())
        {
            final ListValue.Builder names = ListValue.newBuilder();
            eventSet.forEach(eventName -> names.addValues(Value.newBuilder().setStringValue(eventName)));
            line.putFields("event_set", Value.newBuilder().setListValue(names).build());
        }
        line.putFields("fields", Value.newBuilder().setStringValue(String.join(",", paths)).build());
        line.putFields("action", Value.newBuilder().setStringValue(action).build());
        if (invert)
        {
            line.putFields("invert_event_set", Value.newBuilder().setBoolValue(true).build());
        }
        return print(line.build());
    }

    private static String print(final com.google.protobuf.MessageOrBuilder message)
    {
        try
        {
            return FILTER_JSON.print(message);
        }
        catch (final InvalidProtocolBufferException ex)
        {
            // only Any fields with unknown types fail to print; these messages have none
            throw new IllegalStateException(ex);
        }
    }
}
