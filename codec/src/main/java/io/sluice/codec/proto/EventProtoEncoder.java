package io.sluice.codec.proto;

import com.google.protobuf.MessageLite;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.PackedArrayBlob;
import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.codec.sbe.StringArrayBlob;
import io.sluice.codec.sbe.UserStackBlob;
import io.sluice.codec.sbe.ValueType;
import io.sluice.codec.text.InetText;
import io.sluice.codec.wire.StructuredValue;
import io.sluice.codec.wire.WireCanonical;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Mitre;
import io.sluice.proto.v1beta1.Pod;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.SockAddr;
import io.sluice.proto.v1beta1.StackAddress;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Threat;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private final EventRecordWriter writer = new EventRecordWriter();
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
        final Workload workload = event.getWorkload();
        final Process process = workload.getProcess();
        final Thread thread = process.getThread();
        final Container container = workload.getContainer();
        final Pod pod = workload.getPod();
        final Threat threat = event.getThreat();
        final Mitre mitre = threat.getMitre();
        final Event detectedFrom = event.getDetectedFrom();

        writer.wrap(buffer, offset).block()
            .timestamp(event.getTimestamp().getSeconds(), event.getTimestamp().getNanos())
            .id(event.getIdValue(), policyBits(event.getPolicies().getMatchedList()))
            .process(process.getPid().getValue() & 0xFFFF_FFFFL, process.getHostPid().getValue() & 0xFFFF_FFFFL,
                process.getUniqueId())
            .thread(thread.getTid() & 0xFFFF_FFFFL, thread.getHostTid() & 0xFFFF_FFFFL, thread.getUniqueId(),
                (short)(thread.getCompat() ? 1 : 0))
            .threadStart(thread.getStartTime().getSeconds(), thread.getStartTime().getNanos())
            .users(process.getRealUser().getId().getValue() & 0xFFFF_FFFFL, process.getUser().getId().getValue() & 0xFFFF_FFFFL)
            .containerIsRunning((short)(container.getIsRunning() ? 1 : 0))
            .detection(threat.getSeverityValue(), detectedFrom.getIdValue());
        // gid, cgroup, namespaces and the filter-only fields: none (zero), the message has no such fields
        presence(event);

        final List<Ancestor> ancestors = process.getAncestorsList();
        writer.ancestors(ancestors.size());
        for (final Ancestor ancestor : ancestors)
        {
            final byte[] path = utf8(ancestor.getExecutable().getPath());
            writer.ancestor(ancestor.getUniqueId(), ancestor.getHostPid() & 0xFFFF_FFFFL, ancestor.getPid() & 0xFFFF_FFFFL,
                path, 0, path.length);
        }

        final List<EventValue> data = event.getDataList();
        writer.data(data.size());
        for (final EventValue value : data)
        {
            final EncodedValue encoded = EncodedValue.of(value);
            writer.dataEntry(encoded.type.value(), encoded.intValue, utf8(value.getName()), encoded.bytes);
        }

        final List<EventValue> detectedFromData = detectedFrom.getDataList();
        writer.detectedFromData(detectedFromData.size());
        for (final EventValue value : detectedFromData)
        {
            final EncodedValue encoded = EncodedValue.of(value);
            writer.dataEntry(encoded.type.value(), encoded.intValue, utf8(value.getName()), encoded.bytes);
        }

        final Map<String, String> properties = threat.getPropertiesMap();
        writer.threatProperties(properties.size());
        for (final Map.Entry<String, String> property : properties.entrySet())
        {
            writer.threatProperty(utf8(property.getKey()), utf8(property.getValue()));
        }

        varData(EventVarData.NAME, storedName(event.getIdValue(), event.getName()));
        varData(EventVarData.THREAD_NAME, thread.getName());
        varData(EventVarData.SYSCALL, thread.getSyscall());
        varData(EventVarData.EXECUTABLE_PATH, process.getExecutable().getPath());
        varData(EventVarData.CONTAINER_ID, container.getId());
        varData(EventVarData.CONTAINER_NAME, container.getName());
        varData(EventVarData.CONTAINER_IMAGE_ID, container.getImage().getId());
        varData(EventVarData.CONTAINER_IMAGE_NAME, container.getImage().getName());
        varData(EventVarData.POD_NAME, pod.getName());
        varData(EventVarData.POD_UID, pod.getUid());
        varData(EventVarData.POD_NAMESPACE, pod.getNamespace());
        varData(EventVarData.THREAT_NAME, threat.getName());
        varData(EventVarData.THREAT_DESCRIPTION, threat.getDescription());
        varData(EventVarData.TACTIC_NAME, mitre.getTactic().getName());
        varData(EventVarData.TECHNIQUE_ID, mitre.getTechnique().getId());
        varData(EventVarData.TECHNIQUE_EXTERNAL_ID, mitre.getTechnique().getExternalId());
        varData(EventVarData.TECHNIQUE_NAME, mitre.getTechnique().getName());
        varData(EventVarData.DETECTED_FROM_NAME, storedName(detectedFrom.getIdValue(), detectedFrom.getName()));
        final byte[] userStack = userStack(thread.getUserStackTrace().getAddressesList());
        writer.varData(EventVarData.USER_STACK, userStack, 0, userStack.length);
        return writer.finish();
    }

    /** The presence bits: the message's {@code hasXxx()}. */
    private void presence(final Event event)
    {
        final Workload workload = event.getWorkload();
        final Process process = workload.getProcess();
        final Container container = workload.getContainer();
        final Mitre mitre = event.getThreat().getMitre();
        final boolean hasWorkload = event.hasWorkload();
        final boolean hasProcess = hasWorkload && workload.hasProcess();
        final boolean hasThread = hasProcess && process.hasThread();
        final boolean hasContainer = hasWorkload && workload.hasContainer();
        final boolean hasThreat = event.hasThreat();
        final boolean hasMitre = hasThreat && event.getThreat().hasMitre();
        writer.block().presence()
            .timestamp(event.hasTimestamp())
            .policies(event.hasPolicies())
            .workload(hasWorkload)
            .process(hasProcess)
            .thread(hasThread)
            .threadStartTime(hasThread && process.getThread().hasStartTime())
            .userStackTrace(hasThread && process.getThread().hasUserStackTrace())
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
    }

    private void varData(final int field, final String text)
    {
        final byte[] bytes = utf8(text);
        writer.varData(field, bytes, 0, bytes.length);
    }

    private static byte[] userStack(final List<StackAddress> frames)
    {
        final List<Long> addresses = new ArrayList<>(frames.size());
        final List<String> symbols = new ArrayList<>(frames.size());
        for (final StackAddress frame : frames)
        {
            addresses.add(frame.getAddress());
            symbols.add(frame.getSymbol());
        }
        return UserStackBlob.encode(addresses, symbols);
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
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
                case POINTER:
                    return new EncodedValue(ValueType.POINTER, value.getPointer(), NO_BYTES);
                case VALUE_NOT_SET:
                    return new EncodedValue(ValueType.NONE, 0, NO_BYTES);
                default:
                    return structured(value);
            }
        }

        /** A message member: its canonical wire form (deterministic, so map keys come sorted). */
        private static EncodedValue structured(final EventValue value)
        {
            final int member = value.getValueCase().getNumber();
            final StructuredValue kind = StructuredValue.byMember(member);
            if (kind == null)
            {
                return new EncodedValue(ValueType.NONE, 0, NO_BYTES);
            }
            final MessageLite message = (MessageLite)value.getField(EventValue.getDescriptor().findFieldByNumber(member));
            return new EncodedValue(kind.valueType(), 0, WireCanonical.bytes(message));
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
