package io.sluice.destination.kafka;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.PresenceDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * What a kafka record carries beside its value, read from the event's enriched record: its key ({@link PartitionKey})
 * and its headers, {@code event} (the event's name), {@code host} (the host Sluice runs on), {@code schema-version}
 * (the version of the SBE schema the event was recorded with) and {@code format} (how the value is written: {@code json},
 * {@code protobuf} or {@code sbe}, so a consumer such as {@code sluice replay kafka://} knows how to read it). Catalog names, the host and the
 * schema versions are encoded once, and so are the pid keys of the most recent pids (a small cache by pid); only a
 * stored name and a container id are copied per event (Kafka's producer takes arrays it may keep). The record is
 * decoded only as far as the container id: its groups skipped, no other field located. Used by the stream's writer
 * thread only.
 */
final class EventKeys
{
    /** The header of the event's name. */
    static final String EVENT = "event";
    /** The header of the host's name. */
    static final String HOST = "host";
    /** The header of the record's SBE schema version. */
    static final String SCHEMA_VERSION = "schema-version";
    /** The header of the value's format. */
    static final String FORMAT = "format";

    private static final int VERSIONS = 256;
    private static final int PID_KEYS = 4096;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventDecoder event = new EventDecoder();
    private final UnsafeBuffer storedName = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer containerId = new UnsafeBuffer(0, 0);
    private final long[] pidKeyPids = new long[PID_KEYS];
    private final byte[][] pidKeys = new byte[PID_KEYS][];
    private final EventCatalog catalog;
    private final PartitionKey keyBy;
    private final byte[] host;
    private final byte[] hostSlash;
    private final RecordHeader hostHeader;
    private final RecordHeader formatHeader;
    private final RecordHeader[] versionHeaders = new RecordHeader[VERSIONS];
    private byte[] name;
    private long hostPid;

    /**
     * @param catalog the event catalog, for the names of events recorded by id.
     * @param keyBy   what records are keyed by.
     * @param host    the host's name.
     * @param format  the values' format: {@code json}, {@code protobuf} or {@code sbe}.
     */
    EventKeys(final EventCatalog catalog, final PartitionKey keyBy, final String host, final String format)
    {
        this.catalog = catalog;
        this.keyBy = keyBy;
        this.host = host.getBytes(StandardCharsets.UTF_8);
        this.hostSlash = (host + "/").getBytes(StandardCharsets.UTF_8);
        this.hostHeader = new RecordHeader(HOST, this.host);
        this.formatHeader = new RecordHeader(FORMAT, format.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Read an event's record; {@link #key} and {@link #headers} then describe it.
     *
     * @param record the buffer holding the record (SBE message header first).
     * @param length its length.
     */
    void read(final DirectBuffer record, final int length)
    {
        event.wrapAndApplyHeader(record, 0, header);
        final int eventId = event.eventId();
        final int presence = (int) event.presence().getRaw();
        hostPid = event.hostPid();
        skipGroups();
        event.wrapName(storedName);
        name = nameOf(eventId, presence);
        if (keyBy == PartitionKey.CONTAINER)
        {
            event.skipThreadName();
            event.skipSyscall();
            event.skipExecutablePath();
            event.wrapContainerId(containerId);
        }
        if (event.limit() > length)
        {
            throw new IllegalArgumentException("record truncated: decoded " + event.limit() + " bytes past its length");
        }
    }

    private void skipGroups()
    {
        final EventDecoder.AncestorsDecoder ancestors = event.ancestors();
        while (ancestors.hasNext())
        {
            ancestors.next().skipExecutablePath();
        }
        final EventDecoder.DataDecoder data = event.data();
        while (data.hasNext())
        {
            data.next().sbeSkip();
        }
        final EventDecoder.DetectedFromDataDecoder detectedFromData = event.detectedFromData();
        while (detectedFromData.hasNext())
        {
            detectedFromData.next().sbeSkip();
        }
        final EventDecoder.ThreatPropertiesDecoder properties = event.threatProperties();
        while (properties.hasNext())
        {
            properties.next();
            properties.skipKey();
            properties.skipValue();
        }
    }

    /**
     * @return the key of the event read last.
     */
    byte[] key()
    {
        return switch (keyBy)
        {
            case HOST -> host;
            case PID -> pidKey();
            case CONTAINER -> containerKey();
            case EVENT -> name;
        };
    }

    /**
     * @return the headers of the event read last.
     */
    RecordHeaders headers()
    {
        final int version = header.version() & (VERSIONS - 1);
        RecordHeader versionHeader = versionHeaders[version];
        if (versionHeader == null)
        {
            versionHeader = new RecordHeader(SCHEMA_VERSION, Integer.toString(version).getBytes(StandardCharsets.US_ASCII));
            versionHeaders[version] = versionHeader;
        }
        return new RecordHeaders(new Header[] {new RecordHeader(EVENT, name), hostHeader, versionHeader, formatHeader});
    }

    private byte[] nameOf(final int eventId, final int presence)
    {
        final int stored = storedName.capacity();
        if (stored > 0 || PresenceDecoder.nameAsStored(presence))
        {
            final byte[] bytes = new byte[stored];
            storedName.getBytes(0, bytes);
            return bytes;
        }
        final byte[] known = catalog.nameBytes(eventId);
        return known != null ? known : Integer.toString(eventId).getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] pidKey()
    {
        final int slot = (int) (hostPid & (PID_KEYS - 1));
        final byte[] cached = pidKeys[slot];
        if (cached != null && pidKeyPids[slot] == hostPid)
        {
            return cached;
        }
        final byte[] digits = Long.toString(hostPid).getBytes(StandardCharsets.US_ASCII);
        final byte[] key = new byte[hostSlash.length + digits.length];
        System.arraycopy(hostSlash, 0, key, 0, hostSlash.length);
        System.arraycopy(digits, 0, key, hostSlash.length, digits.length);
        pidKeys[slot] = key;
        pidKeyPids[slot] = hostPid;
        return key;
    }

    private byte[] containerKey()
    {
        final int length = containerId.capacity();
        if (length == 0)
        {
            return host;
        }
        final byte[] key = new byte[length];
        containerId.getBytes(0, key);
        return key;
    }
}
