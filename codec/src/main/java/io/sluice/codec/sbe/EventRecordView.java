package io.sluice.codec.sbe;

import io.sluice.codec.sbe.EventDecoder.AncestorsDecoder;
import io.sluice.codec.sbe.EventDecoder.ThreatPropertiesDecoder;
import org.agrona.DirectBuffer;

/**
 * An enriched event record (SBE message header, then {@code Event}) located once, for every renderer that prints it in
 * {@code v1beta1.Event} order: JSON, protobuf, templates, compact, table.
 * <p>
 * SBE puts the groups before the variable-length strings, while {@code v1beta1.Event} wants {@code name} first and
 * the groups in between, so {@link #wrap} walks the record once and notes where each group starts and where each
 * string is; a renderer then reads fields in any order: fixed fields through {@link #event()}, strings by index
 * ({@link #NAME} ... {@link #DETECTED_FROM_NAME}), groups through {@link #ancestors()}, {@link #data()},
 * {@link #detectedFromData()} and the threat properties by index.
 * <pre>
 *   header | fixed block | ancestors* | data* | detectedFromData* | threatProperties* | name | threadName | syscall
 *          | executablePath | containerId | containerName | containerImageId | containerImageName | podName | podUid
 *          | podNamespace | threatName | threatDescription | tacticName | techniqueId | techniqueExternalId
 *          | techniqueName | detectedFromName
 * </pre>
 * A flyweight: reused for every record, allocation-free once its property arrays fit. Not thread-safe.
 */
public final class EventRecordView
{
    /** The event's own name (empty: the catalog's name for the id, unless presence says it is as stored). */
    public static final int NAME = 0;
    /** {@code workload.process.thread.name}. */
    public static final int THREAD_NAME = 1;
    /** {@code workload.process.thread.syscall}. */
    public static final int SYSCALL = 2;
    /** {@code workload.process.executable.path}. */
    public static final int EXECUTABLE_PATH = 3;
    /** {@code workload.container.id}. */
    public static final int CONTAINER_ID = 4;
    /** {@code workload.container.name}. */
    public static final int CONTAINER_NAME = 5;
    /** {@code workload.container.image.id}. */
    public static final int CONTAINER_IMAGE_ID = 6;
    /** {@code workload.container.image.name}. */
    public static final int CONTAINER_IMAGE_NAME = 7;
    /** {@code workload.pod.name}. */
    public static final int POD_NAME = 8;
    /** {@code workload.pod.uid}. */
    public static final int POD_UID = 9;
    /** {@code workload.pod.namespace}. */
    public static final int POD_NAMESPACE = 10;
    /** {@code threat.name}. */
    public static final int THREAT_NAME = 11;
    /** {@code threat.description}. */
    public static final int THREAT_DESCRIPTION = 12;
    /** {@code threat.mitre.tactic.name}. */
    public static final int TACTIC_NAME = 13;
    /** {@code threat.mitre.technique.id}. */
    public static final int TECHNIQUE_ID = 14;
    /** {@code threat.mitre.technique.external_id}. */
    public static final int TECHNIQUE_EXTERNAL_ID = 15;
    /** {@code threat.mitre.technique.name}. */
    public static final int TECHNIQUE_NAME = 16;
    /** {@code detected_from.name}. */
    public static final int DETECTED_FROM_NAME = 17;
    /** How many strings a record has. */
    public static final int STRING_COUNT = 18;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventDecoder event = new EventDecoder();
    private final EventValueCursor values = new EventValueCursor();
    private final int[] stringOffset = new int[STRING_COUNT];
    private final int[] stringLength = new int[STRING_COUNT];
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
        ancestorsAt = event.limit();
        final AncestorsDecoder ancestors = event.ancestors();
        while (ancestors.hasNext())
        {
            ancestors.next().skipExecutablePath();
        }
        dataAt = event.limit();
        final EventDecoder.DataDecoder data = event.data();
        while (data.hasNext())
        {
            data.next().sbeSkip();
        }
        detectedFromDataAt = event.limit();
        final EventDecoder.DetectedFromDataDecoder detectedFromData = event.detectedFromData();
        while (detectedFromData.hasNext())
        {
            detectedFromData.next().sbeSkip();
        }
        final ThreatPropertiesDecoder properties = event.threatProperties();
        propertyCount = 0;
        ensurePropertyCapacity(properties.count());
        while (properties.hasNext())
        {
            properties.next();
            propertyKeyOffset[propertyCount] = event.limit() + ThreatPropertiesDecoder.keyHeaderLength();
            propertyKeyLength[propertyCount] = properties.skipKey();
            propertyValueOffset[propertyCount] = event.limit() + ThreatPropertiesDecoder.valueHeaderLength();
            propertyValueLength[propertyCount] = properties.skipValue();
            propertyCount++;
        }
    }

    private void locateStrings()
    {
        note(NAME, event.skipName());
        note(THREAD_NAME, event.skipThreadName());
        note(SYSCALL, event.skipSyscall());
        note(EXECUTABLE_PATH, event.skipExecutablePath());
        note(CONTAINER_ID, event.skipContainerId());
        note(CONTAINER_NAME, event.skipContainerName());
        note(CONTAINER_IMAGE_ID, event.skipContainerImageId());
        note(CONTAINER_IMAGE_NAME, event.skipContainerImageName());
        note(POD_NAME, event.skipPodName());
        note(POD_UID, event.skipPodUid());
        note(POD_NAMESPACE, event.skipPodNamespace());
        note(THREAT_NAME, event.skipThreatName());
        note(THREAT_DESCRIPTION, event.skipThreatDescription());
        note(TACTIC_NAME, event.skipTacticName());
        note(TECHNIQUE_ID, event.skipTechniqueId());
        note(TECHNIQUE_EXTERNAL_ID, event.skipTechniqueExternalId());
        note(TECHNIQUE_NAME, event.skipTechniqueName());
        note(DETECTED_FROM_NAME, event.skipDetectedFromName());
    }

    /**
     * Record a string just skipped: SBE's skip returns its length and leaves the limit right after its bytes.
     */
    private void note(final int which, final int skippedLength)
    {
        stringLength[which] = skippedLength;
        stringOffset[which] = event.limit() - skippedLength;
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
     * @param which a string index ({@link #NAME} ...).
     * @return where its bytes start in {@link #buffer()}.
     */
    public int stringOffset(final int which)
    {
        return stringOffset[which];
    }

    /**
     * @param which a string index ({@link #NAME} ...).
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
     * @return a cursor over the event's {@code data}, before its first entry.
     */
    public EventValueCursor data()
    {
        event.limit(dataAt);
        return values.wrapData(event);
    }

    /**
     * @return a cursor over {@code detected_from.data}, before its first entry.
     */
    public EventValueCursor detectedFromData()
    {
        event.limit(detectedFromDataAt);
        return values.wrapDetectedFromData(event);
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
}
