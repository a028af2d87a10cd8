package io.sluice.codec.proto;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventDecoder.AncestorsDecoder;
import io.sluice.codec.sbe.EventDecoder.DataDecoder;
import io.sluice.codec.sbe.EventDecoder.DetectedFromDataDecoder;
import io.sluice.codec.sbe.EventDecoder.ThreatPropertiesDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.PackedArrayBlob;
import io.sluice.codec.sbe.PresenceDecoder;
import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.codec.sbe.StringArrayBlob;
import io.sluice.codec.sbe.UserStackBlob;
import io.sluice.codec.sbe.ValueTypes;
import io.sluice.codec.text.InetText;
import io.sluice.codec.wire.StructuredValue;
import io.sluice.codec.wire.WireCanonical;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Int32Array;
import io.sluice.proto.v1beta1.Policies;
import io.sluice.proto.v1beta1.SockAddr;
import io.sluice.proto.v1beta1.StackAddress;
import io.sluice.proto.v1beta1.StringArray;
import io.sluice.proto.v1beta1.UInt64Array;
import io.sluice.proto.v1beta1.UserStackTrace;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an enriched event record (SBE {@code Event}) into its {@code v1beta1.Event}: the reference reading of a
 * record, for gRPC, protobuf output, tests and anything else that wants the message tree. It allocates freely; the
 * JSON hot path is {@code EventJsonWriter}, which must print exactly what protobuf's printer prints for the message
 * built here.
 * <p>
 * How a record maps to the message (see {@code sluice-sbe.xml}):
 * <ul>
 *   <li>sub-messages exist when their presence bit is set and their parent exists;</li>
 *   <li>an empty {@code name} is the catalog's name for the id (same for {@code detected_from}), unless presence
 *       says the name is as stored;</li>
 *   <li>bit i of {@code policiesMatched} is policy {@code namesByBit[i]}, skipped when it has no name;</li>
 *   <li>an ancestor's {@code executable} exists when its path is not empty;</li>
 *   <li>strings are {@code new String(bytes, UTF_8)}, malformed sequences becoming U+FFFD;</li>
 *   <li>a data entry whose value type is NONE or unknown has a name and no value;</li>
 *   <li>{@code thread.user_stack_trace} holds the frames of {@code userStack} ({@link UserStackBlob}).</li>
 * </ul>
 * Not thread-safe: one decoder per thread.
 */
public final class EventProtoDecoder
{
    private final EventCatalog catalog;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventDecoder decoder = new EventDecoder();
    private final StringArrayBlob strings = new StringArrayBlob();
    private final UserStackBlob frames = new UserStackBlob();
    private final UnsafeBuffer value = new UnsafeBuffer(0, 0);
    private final WireCanonical canonical = new WireCanonical();
    private final byte[] addressText = new byte[InetText.MAX_IPV6_LENGTH];
    private String[] policyNames = new String[0];

    /**
     * @param catalog the event catalog: names of ids for records that leave {@code name} empty.
     */
    public EventProtoDecoder(final EventCatalog catalog)
    {
        this.catalog = catalog;
    }

    /**
     * @param namesByBit bit i of {@code policiesMatched} decodes as {@code namesByBit[i]}; bits beyond the array or
     *                   with a null entry are skipped.
     */
    public void policyNames(final String[] namesByBit)
    {
        policyNames = namesByBit.clone();
    }

    /**
     * @param record the buffer holding the record.
     * @param offset where the record (SBE message header, then an {@code Event}) starts.
     * @param length the record's length.
     * @return the event.
     */
    public Event decode(final DirectBuffer record, final int offset, final int length)
    {
        final EventDecoder d = decoder.wrapAndApplyHeader(record, offset, header);
        final int presence = (int)d.presence().getRaw();
        // the groups, the texts and the user stack in the schema's order; the message in its own
        final List<Ancestor> ancestors = ancestors(d.ancestors());
        final List<EventValue> data = data(d.data());
        final List<EventValue> detectedFromData = detectedFromData(d.detectedFromData());
        final List<String> propertyKeys = new ArrayList<>();
        final List<String> propertyValues = new ArrayList<>();
        final ThreatPropertiesDecoder properties = d.threatProperties();
        while (properties.hasNext())
        {
            properties.next();
            propertyKeys.add(properties.key());
            propertyValues.add(properties.value());
        }
        final RecordTexts texts = new RecordTexts();
        texts.read(d);
        d.wrapUserStack(value);
        final UserStackTrace userStack = userStack();
        if (d.limit() > offset + length)
        {
            throw new IllegalArgumentException(
                "record truncated: decoded " + (d.limit() - offset) + " bytes of " + length);
        }

        final Event.Builder event = Event.newBuilder();
        if (PresenceDecoder.timestamp(presence))
        {
            event.setTimestamp(EventProtoParts.timestamp(d.timestampSeconds(), d.timestampNanos()));
        }
        event.setIdValue(d.eventId());
        event.setName(nameOf(d.eventId(), texts.name, PresenceDecoder.nameAsStored(presence)));
        if (PresenceDecoder.policies(presence))
        {
            event.setPolicies(policies(d.policiesMatched()));
        }
        if (PresenceDecoder.workload(presence))
        {
            event.setWorkload(EventProtoParts.workload(d, presence, texts, ancestors, userStack));
        }
        event.addAllData(data);
        if (PresenceDecoder.threat(presence))
        {
            event.setThreat(EventProtoParts.threat(d, presence, texts, propertyKeys, propertyValues));
        }
        if (PresenceDecoder.detectedFrom(presence))
        {
            event.setDetectedFrom(Event.newBuilder()
                .setIdValue(d.detectedFromId())
                .setName(nameOf(d.detectedFromId(), texts.detectedFromName,
                    PresenceDecoder.detectedFromNameAsStored(presence)))
                .addAllData(detectedFromData));
        }
        return event.build();
    }

    private List<EventValue> data(final DataDecoder dataDecoder)
    {
        final List<EventValue> data = new ArrayList<>();
        while (dataDecoder.hasNext())
        {
            dataDecoder.next();
            final short type = dataDecoder.valueTypeRaw();
            final long intValue = dataDecoder.intValue();
            final String name = dataDecoder.name();
            dataDecoder.wrapValue(value);
            data.add(eventValue(name, type, intValue));
        }
        return data;
    }

    private List<EventValue> detectedFromData(final DetectedFromDataDecoder detectedFromDecoder)
    {
        final List<EventValue> data = new ArrayList<>();
        while (detectedFromDecoder.hasNext())
        {
            detectedFromDecoder.next();
            final short type = detectedFromDecoder.valueTypeRaw();
            final long intValue = detectedFromDecoder.intValue();
            final String name = detectedFromDecoder.name();
            detectedFromDecoder.wrapValue(value);
            data.add(eventValue(name, type, intValue));
        }
        return data;
    }

    private static List<Ancestor> ancestors(final AncestorsDecoder ancestorsDecoder)
    {
        final List<Ancestor> ancestors = new ArrayList<>();
        while (ancestorsDecoder.hasNext())
        {
            ancestorsDecoder.next();
            final Ancestor.Builder ancestor = Ancestor.newBuilder()
                .setUniqueId(ancestorsDecoder.uniqueId())
                .setHostPid((int)ancestorsDecoder.hostPid())
                .setPid((int)ancestorsDecoder.pid());
            final String path = ancestorsDecoder.executablePath();
            if (!path.isEmpty())
            {
                ancestor.setExecutable(Executable.newBuilder().setPath(path));
            }
            ancestors.add(ancestor.build());
        }
        return ancestors;
    }

    private String nameOf(final int id, final String name, final boolean asStored)
    {
        if (!name.isEmpty() || asStored)
        {
            return name;
        }
        final EventDefinition definition = catalog.byId(id);
        return definition == null ? "" : definition.name();
    }

    /** The frames in {@link #value}. */
    private UserStackTrace userStack()
    {
        final UserStackTrace.Builder stack = UserStackTrace.newBuilder();
        frames.wrap(value, 0, value.capacity());
        while (frames.next())
        {
            stack.addAddresses(StackAddress.newBuilder()
                .setAddress(frames.address())
                .setSymbol(utf8(value, frames.symbolOffset(), frames.symbolLength())));
        }
        return stack.build();
    }

    private Policies policies(final long matched)
    {
        final Policies.Builder policies = Policies.newBuilder();
        for (int bit = 0; bit < Math.min(policyNames.length, Long.SIZE); bit++)
        {
            if ((matched & (1L << bit)) != 0 && policyNames[bit] != null)
            {
                policies.addMatched(policyNames[bit]);
            }
        }
        return policies.build();
    }

    /**
     * One data entry, its value bytes wrapped by {@link #value}.
     */
    private EventValue eventValue(final String name, final short type, final long intValue)
    {
        final EventValue.Builder builder = EventValue.newBuilder().setName(name);
        final int length = value.capacity();
        switch (ValueTypes.of(type))
        {
            case INT32:
                return builder.setInt32((int)intValue).build();
            case INT64:
                return builder.setInt64(intValue).build();
            case UINT32:
                return builder.setUInt32((int)intValue).build();
            case UINT64:
                return builder.setUInt64(intValue).build();
            case STR:
                return builder.setStr(utf8(value, 0, length)).build();
            case BYTES:
                return builder.setBytes(ByteString.copyFrom(bytes(value, 0, length))).build();
            case BOOL:
                return builder.setBool(intValue != 0).build();
            case STR_ARRAY:
            {
                final StringArray.Builder array = StringArray.newBuilder();
                strings.wrap(value, 0, length);
                while (strings.next())
                {
                    array.addValue(utf8(value, strings.elementOffset(), strings.elementLength()));
                }
                return builder.setStrArray(array).build();
            }
            case INT32_ARRAY:
            {
                final Int32Array.Builder array = Int32Array.newBuilder();
                for (int i = 0; i < length / PackedArrayBlob.INT32_SIZE; i++)
                {
                    array.addValue(PackedArrayBlob.int32(value, 0, i));
                }
                return builder.setInt32Array(array).build();
            }
            case UINT64_ARRAY:
            {
                final UInt64Array.Builder array = UInt64Array.newBuilder();
                for (int i = 0; i < length / PackedArrayBlob.UINT64_SIZE; i++)
                {
                    array.addValue(PackedArrayBlob.uint64(value, 0, i));
                }
                return builder.setUInt64Array(array).build();
            }
            case SOCKADDR:
                return builder.setSockaddr(sockaddr(length)).build();
            case POINTER:
                return builder.setPointer(intValue).build();
            default:
                return structured(builder, StructuredValue.of(ValueTypes.of(type)), length);
        }
    }

    /**
     * A structured member: its canonical wire bytes parsed, or the empty message when they are not canonical.
     */
    private EventValue structured(final EventValue.Builder builder, final StructuredValue kind, final int length)
    {
        if (kind == null)
        {
            return builder.build();
        }
        final FieldDescriptor member = EventValue.getDescriptor().findFieldByNumber(kind.memberNumber());
        final Message.Builder message = builder.newBuilderForField(member);
        if (canonical.check(kind.shape(), value, 0, length))
        {
            try
            {
                message.mergeFrom(bytes(value, 0, length));
            }
            catch (final InvalidProtocolBufferException ex)
            {
                throw new IllegalStateException("canonical " + kind.memberName() + " value does not parse", ex);
            }
        }
        return builder.setField(member, message.build()).build();
    }

    private SockAddr sockaddr(final int length)
    {
        final SockAddr.Builder sockaddr = SockAddr.newBuilder()
            .setSaFamilyValue(SockaddrBlob.family(value, 0, length));
        switch (SockaddrBlob.layout(value, 0, length))
        {
            case SockaddrBlob.AF_UNIX:
                sockaddr.setSunPath(utf8(value, SockaddrBlob.UNIX_PATH_OFFSET, length - SockaddrBlob.UNIX_PATH_OFFSET));
                break;
            case SockaddrBlob.AF_INET:
                sockaddr.setSinAddr(new String(
                    addressText, 0, InetText.formatIpv4(value, SockaddrBlob.INET_ADDRESS_OFFSET, addressText, 0),
                    StandardCharsets.US_ASCII));
                sockaddr.setSinPort(SockaddrBlob.port(value, 0));
                break;
            case SockaddrBlob.AF_INET6:
                sockaddr.setSin6Addr(new String(
                    addressText, 0, InetText.formatIpv6(value, SockaddrBlob.INET6_ADDRESS_OFFSET, addressText, 0),
                    StandardCharsets.US_ASCII));
                sockaddr.setSin6Port(SockaddrBlob.port(value, 0));
                sockaddr.setSin6Flowinfo((int)SockaddrBlob.flowInfo(value, 0));
                sockaddr.setSin6Scopeid((int)SockaddrBlob.scopeId(value, 0));
                break;
            default:
                break;
        }
        return sockaddr.build();
    }

    private static byte[] bytes(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }

    private static String utf8(final DirectBuffer buffer, final int offset, final int length)
    {
        return new String(bytes(buffer, offset, length), StandardCharsets.UTF_8);
    }
}
