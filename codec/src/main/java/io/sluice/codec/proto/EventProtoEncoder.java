package io.sluice.codec.proto;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.codec.sbe.PackedArrayBlob;
import io.sluice.codec.sbe.PresenceEncoder;
import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.codec.sbe.StringArrayBlob;
import io.sluice.codec.sbe.ValueType;
import io.sluice.codec.text.InetText;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Mitre;
import io.sluice.proto.v1beta1.Pod;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.SockAddr;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Threat;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@code v1beta1.Event} into an enriched event record (SBE message header, then {@code Event}): the inverse
 * of {@link EventProtoDecoder}, for tests, golden events, replay and synthetic load.
 * <p>
 * Presence bits come from the message's {@code hasXxx()}; a name equal to the catalog's name for the id is stored
 * empty, so the name rule gives it back. What the record cannot carry is dropped: {@code detected_from} keeps only
 * its id, name and data; an ancestor's {@code executable} only when its path is not empty; a sockaddr only the
 * fields of its family; an empty name of a catalog id comes back as the catalog's name; matched policies come back
 * in bit order. Not thread-safe: one encoder per thread.
 */
public final class EventProtoEncoder
{
    private final EventCatalog catalog;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final EventEncoder encoder = new EventEncoder();
    private final Map<String, Integer> bitsByPolicyName = new HashMap<>();

    /**
     * @param catalog the event catalog: names of ids, for the name rule.
     */
    public EventProtoEncoder(final EventCatalog catalog)
    {
        this.catalog = catalog;
    }

    /**
     * @param namesByBit policy {@code namesByBit[i]} is bit i of {@code policiesMatched}; null entries name no bit.
     * @throws IllegalArgumentException when there are more than 64 bits or a name appears twice.
     */
    public void policyNames(final String[] namesByBit)
    {
        if (namesByBit.length > Long.SIZE)
        {
            throw new IllegalArgumentException("at most 64 policies, got " + namesByBit.length);
        }
        bitsByPolicyName.clear();
        for (int bit = 0; bit < namesByBit.length; bit++)
        {
            if (namesByBit[bit] != null && bitsByPolicyName.put(namesByBit[bit], bit) != null)
            {
                throw new IllegalArgumentException("policy named twice: " + namesByBit[bit]);
            }
        }
    }

    /**
     * @param event  the event.
     * @param buffer where the record goes (grown as needed when it is expandable).
     * @param offset where it starts.
     * @return the record's length: message header plus {@code Event}.
     * @throws IllegalArgumentException when a matched policy has no bit, or a value does not fit the record.
     */
    public int encode(final Event event, final MutableDirectBuffer buffer, final int offset)
    {
        final EventEncoder e = encoder.wrapAndApplyHeader(buffer, offset, header);
        final Workload workload = event.getWorkload();
        final Process process = workload.getProcess();
        final Thread thread = process.getThread();
        final Container container = workload.getContainer();
        final Pod pod = workload.getPod();
        final Threat threat = event.getThreat();
        final Mitre mitre = threat.getMitre();
        final Event detectedFrom = event.getDetectedFrom();

        final boolean hasWorkload = event.hasWorkload();
        final boolean hasProcess = hasWorkload && workload.hasProcess();
        final boolean hasThread = hasProcess && process.hasThread();
        final boolean hasContainer = hasWorkload && workload.hasContainer();
        final boolean hasThreat = event.hasThreat();
        final boolean hasMitre = hasThreat && threat.hasMitre();

        e.timestampSeconds(event.getTimestamp().getSeconds());
        e.timestampNanos(event.getTimestamp().getNanos());
        e.eventId(event.getIdValue());
        final PresenceEncoder presence = e.presence();
        presence.clear()
            .timestamp(event.hasTimestamp())
            .policies(event.hasPolicies())
            .workload(hasWorkload)
            .process(hasProcess)
            .thread(hasThread)
            .threadStartTime(hasThread && thread.hasStartTime())
            .pid(hasProcess && process.hasPid())
            .realUser(hasProcess && process.hasRealUser())
            .realUserId(hasProcess && process.hasRealUser() && process.getRealUser().hasId())
            .executable(hasProcess && process.hasExecutable())
            .hostPid(hasProcess && process.hasHostPid())
            .user(hasProcess && process.hasUser())
            .userId(hasProcess && process.hasUser() && process.getUser().hasId())
            .container(hasContainer)
            .containerImage(hasContainer && container.hasImage())
            .pod(hasWorkload && workload.hasPod())
            .threat(hasThreat)
            .mitre(hasMitre)
            .tactic(hasMitre && mitre.hasTactic())
            .technique(hasMitre && mitre.hasTechnique())
            .detectedFrom(event.hasDetectedFrom());
        e.policiesMatched(policyBits(event.getPolicies().getMatchedList()));
        e.pid(process.getPid().getValue() & 0xFFFF_FFFFL);
        e.hostPid(process.getHostPid().getValue() & 0xFFFF_FFFFL);
        e.tid(thread.getTid() & 0xFFFF_FFFFL);
        e.hostTid(thread.getHostTid() & 0xFFFF_FFFFL);
        e.processUniqueId(process.getUniqueId());
        e.threadUniqueId(thread.getUniqueId());
        e.threadStartSeconds(thread.getStartTime().getSeconds());
        e.threadStartNanos(thread.getStartTime().getNanos());
        e.realUserId(process.getRealUser().getId().getValue() & 0xFFFF_FFFFL);
        e.userId(process.getUser().getId().getValue() & 0xFFFF_FFFFL);
        e.compat((short)(thread.getCompat() ? 1 : 0));
        e.containerIsRunning((short)(container.getIsRunning() ? 1 : 0));
        e.threatSeverity(threat.getSeverityValue());
        e.detectedFromId(detectedFrom.getIdValue());
        e.gid(0);
        e.cgroupId(0);
        e.mntNsId(0);
        e.pidNsId(0);
        FilterOnlyFields.clear(e);

        final List<Ancestor> ancestors = process.getAncestorsList();
        final EventEncoder.AncestorsEncoder ancestorsEncoder = e.ancestorsCount(ancestors.size());
        for (final Ancestor ancestor : ancestors)
        {
            ancestorsEncoder.next()
                .uniqueId(ancestor.getUniqueId())
                .hostPid(ancestor.getHostPid() & 0xFFFF_FFFFL)
                .pid(ancestor.getPid() & 0xFFFF_FFFFL)
                .executablePath(ancestor.getExecutable().getPath());
        }

        final List<EventValue> data = event.getDataList();
        final EventEncoder.DataEncoder dataEncoder = e.dataCount(data.size());
        for (final EventValue value : data)
        {
            final EncodedValue encoded = EncodedValue.of(value);
            dataEncoder.next().valueType(encoded.type).intValue(encoded.intValue).name(value.getName());
            dataEncoder.putValue(encoded.bytes, 0, encoded.bytes.length);
        }

        final List<EventValue> detectedFromData = detectedFrom.getDataList();
        final EventEncoder.DetectedFromDataEncoder detectedFromEncoder = e.detectedFromDataCount(detectedFromData.size());
        for (final EventValue value : detectedFromData)
        {
            final EncodedValue encoded = EncodedValue.of(value);
            detectedFromEncoder.next().valueType(encoded.type).intValue(encoded.intValue).name(value.getName());
            detectedFromEncoder.putValue(encoded.bytes, 0, encoded.bytes.length);
        }

        final Map<String, String> properties = threat.getPropertiesMap();
        final EventEncoder.ThreatPropertiesEncoder propertiesEncoder = e.threatPropertiesCount(properties.size());
        for (final Map.Entry<String, String> property : properties.entrySet())
        {
            propertiesEncoder.next().key(property.getKey()).value(property.getValue());
        }

        e.name(storedName(event.getIdValue(), event.getName()));
        e.threadName(thread.getName());
        e.syscall(thread.getSyscall());
        e.executablePath(process.getExecutable().getPath());
        e.containerId(container.getId());
        e.containerName(container.getName());
        e.containerImageId(container.getImage().getId());
        e.containerImageName(container.getImage().getName());
        e.podName(pod.getName());
        e.podUid(pod.getUid());
        e.podNamespace(pod.getNamespace());
        e.threatName(threat.getName());
        e.threatDescription(threat.getDescription());
        e.tacticName(mitre.getTactic().getName());
        e.techniqueId(mitre.getTechnique().getId());
        e.techniqueExternalId(mitre.getTechnique().getExternalId());
        e.techniqueName(mitre.getTechnique().getName());
        e.detectedFromName(storedName(detectedFrom.getIdValue(), detectedFrom.getName()));

        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    private long policyBits(final List<String> matched)
    {
        long bits = 0;
        for (final String name : matched)
        {
            final Integer bit = bitsByPolicyName.get(name);
            if (bit == null)
            {
                throw new IllegalArgumentException("matched policy has no bit: " + name);
            }
            bits |= 1L << bit;
        }
        return bits;
    }

    /**
     * The name rule, backwards: the catalog's name for the id is stored as the empty string.
     */
    private String storedName(final int id, final String name)
    {
        final EventDefinition definition = catalog.byId(id);
        return definition != null && definition.name().equals(name) ? "" : name;
    }

    /**
     * One {@code EventValue}'s oneof member as a data entry stores it.
     */
    private static final class EncodedValue
    {
        private static final byte[] NO_BYTES = new byte[0];

        private final ValueType type;
        private final long intValue;
        private final byte[] bytes;

        private EncodedValue(final ValueType type, final long intValue, final byte[] bytes)
        {
            this.type = type;
            this.intValue = intValue;
            this.bytes = bytes;
        }

        static EncodedValue of(final EventValue value)
        {
            switch (value.getValueCase())
            {
                case INT32:
                    return new EncodedValue(ValueType.INT32, value.getInt32(), NO_BYTES);
                case INT64:
                    return new EncodedValue(ValueType.INT64, value.getInt64(), NO_BYTES);
                case U_INT32:
                    return new EncodedValue(ValueType.UINT32, value.getUInt32() & 0xFFFF_FFFFL, NO_BYTES);
                case U_INT64:
                    return new EncodedValue(ValueType.UINT64, value.getUInt64(), NO_BYTES);
                case STR:
                    return new EncodedValue(ValueType.STR, 0, value.getStr().getBytes(StandardCharsets.UTF_8));
                case BYTES:
                    return new EncodedValue(ValueType.BYTES, 0, value.getBytes().toByteArray());
                case BOOL:
                    return new EncodedValue(ValueType.BOOL, value.getBool() ? 1 : 0, NO_BYTES);
                case STR_ARRAY:
                    return new EncodedValue(ValueType.STR_ARRAY, 0, StringArrayBlob.encode(value.getStrArray().getValueList()));
                case INT32_ARRAY:
                    return new EncodedValue(
                        ValueType.INT32_ARRAY, 0, PackedArrayBlob.encodeInt32(value.getInt32Array().getValueList()));
                case U_INT64_ARRAY:
                    return new EncodedValue(
                        ValueType.UINT64_ARRAY, 0, PackedArrayBlob.encodeUint64(value.getUInt64Array().getValueList()));
                case SOCKADDR:
                    return new EncodedValue(ValueType.SOCKADDR, 0, sockaddr(value.getSockaddr()));
                default:
                    return new EncodedValue(ValueType.NONE, 0, NO_BYTES);
            }
        }

        private static byte[] sockaddr(final SockAddr sockaddr)
        {
            final int family = sockaddr.getSaFamilyValue();
            switch (family)
            {
                case SockaddrBlob.AF_UNIX:
                    return SockaddrBlob.unix(sockaddr.getSunPath().getBytes(StandardCharsets.UTF_8));
                case SockaddrBlob.AF_INET:
                    return SockaddrBlob.inet(sockaddr.getSinPort(), InetText.parseIpv4(sockaddr.getSinAddr()));
                case SockaddrBlob.AF_INET6:
                    return SockaddrBlob.inet6(
                        sockaddr.getSin6Port(),
                        sockaddr.getSin6Flowinfo(),
                        InetText.parseIpv6(sockaddr.getSin6Addr()),
                        sockaddr.getSin6Scopeid());
                default:
                    return SockaddrBlob.familyOnly(family);
            }
        }
    }
}
