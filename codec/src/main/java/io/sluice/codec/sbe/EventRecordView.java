package io.sluice.codec.sbe;

import io.sluice.codec.sbe.EventDecoder.AncestorsDecoder;
import org.agrona.DirectBuffer;

/**
 * An enriched event record (SBE message header, then {@code Event}) located once, for every renderer that prints it in
 * {@code v1beta1.Event} order: JSON, protobuf, templates, compact, table.
 * <p>
 * SBE puts the groups before the variable-length strings, while {@code v1beta1.Event} wants {@code name} first and
 * the groups in between, so {@link #wrap} walks the record once and notes where each group starts and where each
 * string is; a renderer then reads fields in any order: fixed fields through {@link #event()}, strings by index
 * ({@link EventVarData#NAME} ... {@link EventVarData#DETECTED_FROM_NAME}), groups through {@link #ancestors()}, {@link #data()},
 * {@link #detectedFromData()} and the threat properties by index, the thread's user stack through {@link #userStack()}.
 * <pre>
 *   header | fixed block | ancestors* | data* | detectedFromData* | threatProperties* | name | threadName | syscall
 *          | executablePath | containerId | containerName | containerImageId | containerImageName | podName | podUid
 *          | podNamespace | threatName | threatDescription | tacticName | techniqueId | techniqueExternalId
 *          | techniqueName | detectedFromName | userStack (schema version 3; empty in older records)
 * </pre>
 * A flyweight: reused for every record, allocation-free once its tables of entries and properties fit. Not thread-safe.
 */
public final class EventRecordView
{
    /** The length before each variable-length field's bytes ({@code varStringEncoding.length}, the same for all). */
    static final int LENGTH_HEADER = RecordWalk.LENGTH_HEADER;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventDecoder event = new EventDecoder();
    private final EventValueCursor values = new EventValueCursor();
    private final AncestorCursor ancestorCursor = new AncestorCursor();
    private final UserStackBlob userStack = new UserStackBlob();
    private final int[] stringOffset = new int[EventVarData.COUNT];
    private final int[] stringLength = new int[EventVarData.COUNT];
    private final ValueEntries entries = new ValueEntries();
    private final ThreatPropertyPlaces properties = new ThreatPropertyPlaces();

    private DirectBuffer record;
    private int ancestorsAt;
    private int dataAt;

    /**
     * Locate a record.
     *
     * @param record the buffer holding it.
     * @param offset where its SBE message header starts.
     * @param length its length.
     * @return this view.
     * @throws IllegalArgumentException when the record's lengths run past {@code length}.
     */
    public EventRecordView wrap(final DirectBuffer record, final int offset, final int length)
    {
        this.record = record;
        event.wrapAndApplyHeader(record, offset, header);
        locateGroups();
        locateStrings();
        if (event.limit() > offset + length)
        {
            throw new IllegalArgumentException(
                "record truncated: decoded " + (event.limit() - event.offset()) + " bytes past its length");
        }
        return this;
    }

    private void locateGroups()
    {
        final DirectBuffer buffer = record;
        ancestorsAt = event.limit();
        dataAt = RecordWalk.skipGroup(buffer, ancestorsAt, EventDecoder.AncestorsDecoder.sbeBlockLength(), 1);
        final int detectedFromDataAt =
            entries.locate(buffer, dataAt, EventDecoder.DataDecoder.sbeBlockLength(), ValueEntries.DATA);
        final int propertiesAt = entries.locate(buffer, detectedFromDataAt,
            EventDecoder.DetectedFromDataDecoder.sbeBlockLength(), ValueEntries.DETECTED_FROM_DATA);
        event.limit(properties.locate(buffer, propertiesAt, EventDecoder.ThreatPropertiesDecoder.sbeBlockLength()));
    }

    /**
     * Every variable-length field in wire order ({@link EventVarData}), read straight from the record
     * ({@link RecordWalk#varLength}): one read per field, where the generated decoder would wrap a view for each.
     */
    private void locateStrings()
    {
        final DirectBuffer buffer = record;
        final int present = event.actingVersion() < EventDecoder.userStackSinceVersion() ? EventVarData.USER_STACK :
            EventVarData.COUNT;
        int limit = event.limit();
        for (int which = 0; which < present; which++)
        {
            final int length = RecordWalk.varLength(buffer, limit);
            stringOffset[which] = limit + LENGTH_HEADER;
            stringLength[which] = length;
            if (length == 0)
            {
                // most fields are empty: a predicted branch lets the next read start before this one is done
                limit += LENGTH_HEADER;
            }
            else
            {
                limit += LENGTH_HEADER + length;
            }
        }
        for (int which = present; which < EventVarData.COUNT; which++)
        {
            stringOffset[which] = limit;
            stringLength[which] = 0;
        }
        event.limit(limit);
    }

    /**
     * @return the buffer of the record wrapped last.
     */
    public DirectBuffer buffer()
    {
        return record;
    }

    /**
     * @return the decoder of the fixed fields; its groups and strings are read through this view instead.
     */
    public EventDecoder event()
    {
        return event;
    }

    /**
     * @return the presence bits ({@link PresenceDecoder} reads them).
     */
    public int presence()
    {
        return (int)event.presence().getRaw();
    }

    /**
     * @param which a field index ({@link EventVarData#NAME} ...).
     * @return where its bytes start in {@link #buffer()}.
     */
    public int stringOffset(final int which)
    {
        return stringOffset[which];
    }

    /**
     * @param which a field index ({@link EventVarData#NAME} ...).
     * @return its length in bytes (0: empty).
     */
    public int stringLength(final int which)
    {
        return stringLength[which];
    }

    /**
     * @return the ancestors group, positioned at its first entry.
     */
    public AncestorsDecoder ancestors()
    {
        event.limit(ancestorsAt);
        return event.ancestors();
    }

    /**
     * @return where the ancestors group starts in {@link #buffer()} (its header first).
     */
    public int ancestorsOffset()
    {
        return ancestorsAt;
    }

    /**
     * @return the ancestors group's length in bytes, header and every entry included.
     */
    public int ancestorsLength()
    {
        return dataAt - ancestorsAt;
    }

    /**
     * @return a cursor over the ancestors, before the first (the same cursor each call).
     */
    public AncestorCursor ancestorCursor()
    {
        return ancestorCursor.wrap(record, ancestorsAt);
    }

    /**
     * @return a cursor over the event's {@code data}, before its first entry.
     */
    public EventValueCursor data()
    {
        return values.wrap(record, entries, ValueEntries.DATA);
    }

    /**
     * @return a cursor over {@code detected_from.data}, before its first entry.
     */
    public EventValueCursor detectedFromData()
    {
        return values.wrap(record, entries, ValueEntries.DETECTED_FROM_DATA);
    }

    /**
     * @return the threat properties' places, by index (the same object each call).
     */
    public ThreatPropertyPlaces properties()
    {
        return properties;
    }

    /**
     * @return where {@code workload.process.thread.user_stack_trace}'s frames start ({@link UserStackBlob} layout);
     *         the message itself is present when the presence bit {@code userStackTrace} is set.
     */
    public int userStackOffset()
    {
        return stringOffset[EventVarData.USER_STACK];
    }

    /**
     * @return the length of the frames (0: none).
     */
    public int userStackLength()
    {
        return stringLength[EventVarData.USER_STACK];
    }

    /**
     * @return a cursor over the user stack's frames, before the first one (the same cursor each call).
     */
    public UserStackBlob userStack()
    {
        return userStack.wrap(record, userStackOffset(), userStackLength());
    }
}
