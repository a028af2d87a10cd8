package io.sluice.codec.sbe;

import io.sluice.codec.sbe.EventDecoder.AncestorsDecoder;
import io.sluice.codec.text.JavaUtf8;
import org.agrona.DirectBuffer;

import java.util.Arrays;

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
 * A flyweight: reused for every record, allocation-free once its property arrays fit. Not thread-safe.
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
    /**
     * The entries of {@code data}, then those of {@code detected_from.data}, as {@link #wrap} walked past them: where
     * each entry's block starts and its name's and value's lengths, so that a cursor over them reads these instead of
     * walking the chain of length prefixes a second time.
     */
    private int[] entryAt = new int[32];
    private int[] entryNameLength = new int[32];
    private int[] entryValueLength = new int[32];
    /** Per group (0: data, 1: detected_from.data): its header, block length low, count high (as RecordWalk gives it). */
    private final int[] valueGroupHeader = new int[2];
    private int[] propertyKeyOffset = new int[16];
    private int[] propertyKeyLength = new int[16];
    private int[] propertyValueOffset = new int[16];
    private int[] propertyValueLength = new int[16];

    private DirectBuffer record;
    private int ancestorsAt;
    private int dataAt;
    private int detectedFromDataAt;
    private int propertyCount;

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
        detectedFromDataAt = locateValues(buffer, dataAt, EventDecoder.DataDecoder.sbeBlockLength(), 0, 0);
        final int propertiesAt = locateValues(buffer, detectedFromDataAt,
            EventDecoder.DetectedFromDataDecoder.sbeBlockLength(), 1, valueGroupHeader[0] >>> 16);
        final int header = RecordWalk.groupHeader(buffer, propertiesAt, EventDecoder.ThreatPropertiesDecoder.sbeBlockLength());
        final int blockLength = header & 0xFFFF;
        final int count = header >>> 16;
        ensurePropertyCapacity(count);
        int limit = propertiesAt + RecordWalk.GROUP_HEADER;
        for (int i = 0; i < count; i++)
        {
            limit += blockLength;
            final int keyLength = RecordWalk.varLength(buffer, limit);
            propertyKeyOffset[i] = limit + LENGTH_HEADER;
            propertyKeyLength[i] = keyLength;
            limit += LENGTH_HEADER + keyLength;
            final int valueLength = RecordWalk.varLength(buffer, limit);
            propertyValueOffset[i] = limit + LENGTH_HEADER;
            propertyValueLength[i] = valueLength;
            limit += LENGTH_HEADER + valueLength;
        }
        propertyCount = count;
        event.limit(limit);
    }

    /**
     * Walk a group of {@code EventValue}s ({@code data}, {@code detected_from.data}): a name, then a value, which for
     * most entries (numbers) is empty. Past an empty value the next entry's position is set by a predicted branch
     * rather than by the loaded length, so its reads start before this one is done: a chain of one dependent read per
     * entry instead of two. Each entry's place is noted ({@link #entryAt}) for the cursor.
     *
     * @return where the group ends.
     */
    private int locateValues(final DirectBuffer buffer, final int at, final int minBlockLength, final int group,
        final int first)
    {
        final int header = RecordWalk.groupHeader(buffer, at, minBlockLength);
        final int blockLength = header & 0xFFFF;
        final int end = first + (header >>> 16);
        valueGroupHeader[group] = header;
        ensureEntryCapacity(end);
        final int[] entryAt = this.entryAt;
        final int[] entryNameLength = this.entryNameLength;
        final int[] entryValueLength = this.entryValueLength;
        int limit = at + RecordWalk.GROUP_HEADER;
        for (int i = first; i < end; i++)
        {
            entryAt[i] = limit;
            limit += blockLength;
            final int nameLength = RecordWalk.varLength(buffer, limit);
            entryNameLength[i] = nameLength;
            limit += LENGTH_HEADER + nameLength;
            final int valueLength = RecordWalk.varLength(buffer, limit);
            entryValueLength[i] = valueLength;
            if (valueLength == 0)
            {
                limit += LENGTH_HEADER;
            }
            else
            {
                limit += LENGTH_HEADER + valueLength;
            }
        }
        return limit;
    }

    private void ensureEntryCapacity(final int count)
    {
        if (count > entryAt.length)
        {
            final int size = Math.max(count, entryAt.length * 2);
            entryAt = Arrays.copyOf(entryAt, size);
            entryNameLength = Arrays.copyOf(entryNameLength, size);
            entryValueLength = Arrays.copyOf(entryValueLength, size);
        }
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

    private void ensurePropertyCapacity(final int count)
    {
        if (count > propertyKeyOffset.length)
        {
            propertyKeyOffset = new int[count];
            propertyKeyLength = new int[count];
            propertyValueOffset = new int[count];
            propertyValueLength = new int[count];
        }
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
        return values.wrap(record, valueGroupHeader[0], 0, entryAt, entryNameLength, entryValueLength);
    }

    /**
     * @return a cursor over {@code detected_from.data}, before its first entry.
     */
    public EventValueCursor detectedFromData()
    {
        return values.wrap(record, valueGroupHeader[1], valueGroupHeader[0] >>> 16, entryAt, entryNameLength,
            entryValueLength);
    }

    /**
     * @return how many threat properties the record holds (repeated keys included).
     */
    public int propertyCount()
    {
        return propertyCount;
    }

    /**
     * @param i a property index.
     * @return where its key starts.
     */
    public int propertyKeyOffset(final int i)
    {
        return propertyKeyOffset[i];
    }

    /**
     * @param i a property index.
     * @return its key's length.
     */
    public int propertyKeyLength(final int i)
    {
        return propertyKeyLength[i];
    }

    /**
     * @param i a property index.
     * @return where its value starts.
     */
    public int propertyValueOffset(final int i)
    {
        return propertyValueOffset[i];
    }

    /**
     * @param i a property index.
     * @return its value's length.
     */
    public int propertyValueLength(final int i)
    {
        return propertyValueLength[i];
    }

    /**
     * The threat properties as a protobuf map holds them: in record order, a repeated key (repeated once decoded:
     * different malformed bytes can decode equal) keeps its first place and takes its last value.
     *
     * @param i a property index.
     * @return the index of the property whose value the map gives property {@code i}'s key (the last with that key),
     *         or -1 when the key came earlier (the entry is already written).
     */
    public int propertyValueIndex(final int i)
    {
        final int keyOffset = propertyKeyOffset[i];
        final int keyLength = propertyKeyLength[i];
        for (int j = 0; j < i; j++)
        {
            if (JavaUtf8.sameText(record, propertyKeyOffset[j], propertyKeyLength[j], keyOffset, keyLength))
            {
                return -1;
            }
        }
        int last = i;
        for (int j = i + 1; j < propertyCount; j++)
        {
            if (JavaUtf8.sameText(record, keyOffset, keyLength, propertyKeyOffset[j], propertyKeyLength[j]))
            {
                last = j;
            }
        }
        return last;
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
