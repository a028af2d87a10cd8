package io.sluice.source.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.EventRecordUpgrade;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.destination.kafka.KafkaDestination;
import io.sluice.proto.v1beta1.Event;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A kafka record's value as an enriched event record, ready for the ring: an {@code sbe} value is the record itself
 * (upgraded when an older Sluice wrote it), a {@code protobuf} or {@code json} value is parsed into its
 * {@code v1beta1.Event} and encoded ({@link EventProtoEncoder}: what the message cannot carry, such as the filter-only
 * fields, is zero). The format is the topic's when given, else each record's {@code format} header. The matched-policies
 * bitmap is cleared: the replay's own policies decide. A value that cannot be read leaves {@link #problem()} saying why.
 * An sbe value is wrapped where the client put it (nothing allocated here); protobuf and JSON values are parsed into
 * messages, which allocates (protobuf's JSON parser most: JSON topics replay several times slower than sbe ones).
 * Used by the replay's thread only.
 */
final class KafkaValueReader
{
    private static final byte[][] HEADER_VALUES = new byte[TopicFormat.values().length][];

    static
    {
        for (final TopicFormat format : TopicFormat.values())
        {
            HEADER_VALUES[format.ordinal()] = format.key().getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final TopicFormat topicFormat;
    private final EventProtoEncoder encoder;
    private final JsonFormat.Parser json = JsonFormat.parser().ignoringUnknownFields();
    private final EventRecordUpgrade upgrade = new EventRecordUpgrade();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventDecoder event = new EventDecoder();
    private final EventEncoder rewrite = new EventEncoder();
    private final UnsafeBuffer value = new UnsafeBuffer(0, 0);
    private final ExpandableArrayBuffer converted = new ExpandableArrayBuffer(4096);
    private MutableDirectBuffer record;
    private String problem;

    /**
     * @param topicFormat the format of every value, or null to read each record's {@code format} header.
     * @param catalog     the event catalog, for the names of protobuf and JSON events.
     */
    KafkaValueReader(final TopicFormat topicFormat, final EventCatalog catalog)
    {
        this.topicFormat = topicFormat;
        this.encoder = new EventProtoEncoder(catalog);
    }

    /**
     * @param consumed a record read from the topic.
     * @return the event record's length, from index 0 of {@link #record()}, or -1 when the value cannot be read.
     */
    int read(final ConsumerRecord<byte[], byte[]> consumed)
    {
        final TopicFormat format = topicFormat != null ? topicFormat : formatOf(consumed.headers().lastHeader(
            KafkaDestination.FORMAT_HEADER));
        final byte[] bytes = consumed.value();
        if (format == null)
        {
            return -1;
        }
        if (bytes == null)
        {
            problem = "no value";
            return -1;
        }
        final int length = switch (format)
        {
            case SBE -> sbe(bytes);
            case PROTOBUF, JSON -> converted(format, bytes);
        };
        if (length > 0)
        {
            header.wrap(record, 0);
            event.wrap(record, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            if (event.policiesMatched() != 0 || event.presence().policies())
            {
                rewrite.wrap(record, MessageHeaderDecoder.ENCODED_LENGTH);
                rewrite.policiesMatched(0);
                rewrite.presence().policies(false);
            }
        }
        return length;
    }

    /**
     * @return the buffer of the record {@link #read} read last.
     */
    MutableDirectBuffer record()
    {
        return record;
    }

    /**
     * @return the time of the event read last, in nanoseconds since the epoch.
     */
    long eventNanos()
    {
        return event.timestampSeconds() * 1_000_000_000L + event.timestampNanos();
    }

    /**
     * @return why the last value could not be read.
     */
    String problem()
    {
        return problem;
    }

    private TopicFormat formatOf(final Header named)
    {
        if (named == null)
        {
            problem = "no " + KafkaDestination.FORMAT_HEADER + " header (not written by a Sluice kafka destination? give"
                + " the topic's format=" + String.join("|", TopicFormat.NAMES) + ")";
            return null;
        }
        for (final TopicFormat format : TopicFormat.values())
        {
            if (Arrays.equals(HEADER_VALUES[format.ordinal()], named.value()))
            {
                return format;
            }
        }
        problem = KafkaDestination.FORMAT_HEADER + " header '" + new String(named.value(), StandardCharsets.UTF_8)
            + "' is none of " + String.join(", ", TopicFormat.NAMES);
        return null;
    }

    private int sbe(final byte[] bytes)
    {
        value.wrap(bytes);
        if (bytes.length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            problem = "an sbe value of " + bytes.length + " bytes is shorter than its message header";
            return -1;
        }
        header.wrap(value, 0);
        if (header.templateId() != EventDecoder.TEMPLATE_ID || header.schemaId() != EventDecoder.SCHEMA_ID)
        {
            problem = "not a Sluice event record (SBE template " + header.templateId() + ", schema " + header.schemaId()
                + ")";
            return -1;
        }
        final int upgraded = upgrade.upgrade(value, 0, bytes.length, converted);
        record = upgraded > 0 ? converted : value;
        return upgraded > 0 ? upgraded : bytes.length;
    }

    private int converted(final TopicFormat format, final byte[] bytes)
    {
        try
        {
            final Event.Builder parsed = Event.newBuilder();
            if (format == TopicFormat.PROTOBUF)
            {
                parsed.mergeFrom(bytes);
            }
            else
            {
                json.merge(new String(bytes, StandardCharsets.UTF_8), parsed);
            }
            record = converted;
            return encoder.encode(parsed.clearPolicies().build(), converted, 0);
        }
        catch (final InvalidProtocolBufferException | IllegalArgumentException ex)
        {
            problem = "not a " + format.key() + " event: " + ex.getMessage();
            return -1;
        }
    }
}
