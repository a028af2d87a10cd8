package io.sluice.destination.kafka;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.PresenceDecoder;
import org.agrona.DirectBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * What a kafka record carries beside its value, read from the event's enriched record: its key ({@link PartitionKey})
 * and its headers, {@code event} (the event's name), {@code host} (the host Sluice runs on) and
 * {@code schema-version} (the version of the SBE schema the event was recorded with). Catalog names, the host and the
 * schema versions are encoded once; only a stored name, a container id and a pid key are copied per event (Kafka's
 * producer takes arrays it may keep). Used by the stream's writer thread only.
 */
final class EventKeys
{
    /** The header of the event's name. */
    static final String EVENT = "event";
    /** The header of the host's name. */
    static final String HOST = "host";
    /** The header of the record's SBE schema version. */
    static final String SCHEMA_VERSION = "schema-version";

    private static final int VERSIONS = 256;

    private final EventRecordView view = new EventRecordView();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventCatalog catalog;
    private final PartitionKey keyBy;
    private final byte[] host;
    private final byte[] hostSlash;
    private final RecordHeader hostHeader;
    private final RecordHeader[] versionHeaders = new RecordHeader[VERSIONS];
    private byte[] name;

    /**
     * @param catalog the event catalog, for the names of events recorded by id.
     * @param keyBy   what records are keyed by.
     * @param host    the host's name.
     */
    EventKeys(final EventCatalog catalog, final PartitionKey keyBy, final String host)
    {
        this.catalog = catalog;
        this.keyBy = keyBy;
        this.host = host.getBytes(StandardCharsets.UTF_8);
        this.hostSlash = (host + "/").getBytes(StandardCharsets.UTF_8);
        this.hostHeader = new RecordHeader(HOST, this.host);
    }

    /**
     * Read an event's record; {@link #key} and {@link #headers} then describe it.
     *
     * @param record the buffer holding the record (SBE message header first).
     * @param length its length.
     */
    void read(final DirectBuffer record, final int length)
    {
        view.wrap(record, 0, length);
        header.wrap(record, 0);
        name = nameOf();
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
        return new RecordHeaders(new Header[] {new RecordHeader(EVENT, name), hostHeader, versionHeader});
    }

    private byte[] nameOf()
    {
        final int stored = view.stringLength(EventVarData.NAME);
        if (stored > 0 || PresenceDecoder.nameAsStored(view.presence()))
        {
            final byte[] bytes = new byte[stored];
            view.buffer().getBytes(view.stringOffset(EventVarData.NAME), bytes);
            return bytes;
        }
        final int eventId = view.event().eventId();
        final byte[] known = catalog.nameBytes(eventId);
        return known != null ? known : Integer.toString(eventId).getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] pidKey()
    {
        final long pid = view.event().hostPid();
        final byte[] digits = Long.toString(pid).getBytes(StandardCharsets.US_ASCII);
        final byte[] key = new byte[hostSlash.length + digits.length];
        System.arraycopy(hostSlash, 0, key, 0, hostSlash.length);
        System.arraycopy(digits, 0, key, hostSlash.length, digits.length);
        return key;
    }

    private byte[] containerKey()
    {
        final int length = view.stringLength(EventVarData.CONTAINER_ID);
        if (length == 0)
        {
            return host;
        }
        final byte[] key = new byte[length];
        view.buffer().getBytes(view.stringOffset(EventVarData.CONTAINER_ID), key);
        return key;
    }
}
