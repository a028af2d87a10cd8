package io.sluice.process.packet;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.ArgType;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.KernelEventDecoder;
import io.sluice.codec.wire.WireCanonical;
import io.sluice.proto.v1beta1.DNS;
import io.sluice.proto.v1beta1.HTTP;
import io.sluice.proto.v1beta1.HTTPRequest;
import io.sluice.proto.v1beta1.HTTPResponse;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The arguments of a {@code net_packet_*} event from the sensor's packet record (length, direction, interface, the
 * first bytes from the IP header on): the catalog's arguments of the event, each decoded from the packet and written
 * in the canonical wire form. Owned by the ingest thread.
 */
public final class PacketArguments
{
    /** The first and last ids of the network events (schemas/events.yaml). */
    public static final int FIRST = 2000;
    private static final int LAST = 2011;
    private static final int SNAP = 1024;
    private static final int DNS_REQUEST = 2007;
    private static final int DNS_RESPONSE = 2008;
    private static final int HTTP_REQUEST = 2010;
    private static final int HTTP_RESPONSE = 2011;
    /** Tracee's interface name for every packet; here for those whose interface the kernel did not give. */
    private static final byte[] ANY = "any".getBytes(StandardCharsets.US_ASCII);

    private final ArgDefinition[][] args = new ArgDefinition[LAST - FIRST + 1][];
    private final byte[][][] names = new byte[LAST - FIRST + 1][][];
    private final PacketView packet = new PacketView(SNAP);
    private final DnsDecoder dns = new DnsDecoder();
    private final HttpDecoder http = new HttpDecoder();
    private final UnsafeBuffer name = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer value = new UnsafeBuffer(0, 0);
    private final HeaderWire headers = new HeaderWire();
    private final byte[] iface = new byte[16];

    /**
     * @param catalog the event catalog (the network events' arguments).
     */
    public PacketArguments(final EventCatalog catalog)
    {
        for (int id = FIRST; id <= LAST; id++)
        {
            final EventDefinition definition = catalog.byId(id);
            if (definition != null)
            {
                args[id - FIRST] = definition.args().toArray(new ArgDefinition[0]);
                names[id - FIRST] = new byte[args[id - FIRST].length][];
                for (int i = 0; i < args[id - FIRST].length; i++)
                {
                    names[id - FIRST][i] = args[id - FIRST][i].name().getBytes(StandardCharsets.UTF_8);
                }
            }
        }
    }

    /**
     * @param eventId an event id.
     * @return how many arguments its event has when it is a network event the catalog knows, -1 otherwise.
     */
    public int count(final int eventId)
    {
        return eventId >= FIRST && eventId <= LAST && args[eventId - FIRST] != null ? args[eventId - FIRST].length : -1;
    }

    /**
     * Writes the event's arguments (as many as {@link #count} says) from the packet record's.
     *
     * @param kernel the packet record, its arguments not yet read.
     * @param event  the event being written, its data group open.
     * @param eventId a network event id ({@link #count} not -1).
     */
    public void write(final KernelEventDecoder kernel, final EventRecordWriter event, final int eventId)
    {
        long length = 0;
        int direction = 0;
        int ifaceLength = 0;
        int captured = 0;
        int index = 0;
        for (final KernelEventDecoder.ArgsDecoder arg : kernel.args())
        {
            // every value read or skipped: SBE's variable-length fields are read in order
            switch (index++)
            {
                case 0 ->
                {
                    length = arg.intValue();
                    arg.skipValue();
                }
                case 1 ->
                {
                    direction = (int)arg.intValue();
                    arg.skipValue();
                }
                case 2 -> ifaceLength = nameLength(arg.getValue(iface, 0, Math.min(arg.valueLength(), iface.length)));
                case 3 -> captured = arg.getValue(packet.bytes(), 0, Math.min(arg.valueLength(), SNAP));
                default -> arg.skipValue();
            }
        }
        final boolean decoded = packet.wrap(captured);
        final byte[] ifaceName = ifaceLength > 0 ? iface : ANY;
        final int ifaceNameLength = ifaceLength > 0 ? ifaceLength : ANY.length;
        final ArgDefinition[] definitions = args[eventId - FIRST];
        for (int i = 0; i < definitions.length; i++)
        {
            final ArgDefinition definition = definitions[i];
            final byte[] argName = names[eventId - FIRST][i];
            name.wrap(argName);
            final ArgType type = definition.type();
            final boolean source = definition.name().startsWith("src");
            long number = 0;
            if (!decoded)
            {
                value.wrap(iface, 0, 0);
            }
            else if (type == ArgType.U_INT32)
            {
                number = source ? packet.sourcePort() : packet.destinationPort();
                value.wrap(iface, 0, 0);
            }
            else if (type == ArgType.STR)
            {
                value.wrap(headers.text(), 0, headers.addressText(packet, source));
            }
            else if (type == ArgType.PACKET_METADATA)
            {
                // as Tracee: the request and response events carry the packet's addresses, the others its direction
                value.wrap(headers.buffer(), 0, eventId == DNS_REQUEST || eventId == DNS_RESPONSE || eventId == HTTP_REQUEST
                    || eventId == HTTP_RESPONSE ? headers.packetMetadata(packet, ifaceName, ifaceNameLength)
                    : headers.directionMetadata(direction));
            }
            else
            {
                message(type);
            }
            event.dataEntry(type.valueType().value(), number, name, 0, argName.length, value, 0, value.capacity());
        }
    }

    /** A header message into the reused buffer, DNS and HTTP messages through protobuf's builders; wraps {@link #value}. */
    private void message(final ArgType type)
    {
        final int payload = packet.payload();
        final int length = switch (type)
        {
            case IPV4 -> headers.ipv4(packet);
            case IPV6 -> headers.ipv6(packet);
            case TCP -> headers.tcp(packet);
            case UDP -> headers.udp(packet);
            case ICMP -> headers.icmp(packet);
            case ICMPV6 -> headers.icmpv6(packet);
            default -> -1;
        };
        if (length >= 0)
        {
            value.wrap(headers.buffer(), 0, length);
            return;
        }
        final byte[] bytes = switch (type)
        {
            case DNS, DNS_QUESTIONS, DNS_RESPONSES -> dnsMessage(type, payload);
            case HTTP, HTTP_REQUEST, HTTP_RESPONSE -> httpMessage(type, payload);
            default -> new byte[0];
        };
        value.wrap(bytes);
    }

    /** The interface name's length: up to its first NUL (the sensor pads it to 16 bytes). */
    private int nameLength(final int copied)
    {
        for (int i = 0; i < copied; i++)
        {
            if (iface[i] == 0)
            {
                return i;
            }
        }
        return copied;
    }

    private byte[] dnsMessage(final ArgType type, final int payload)
    {
        final DNS message = dns.decode(packet.bytes(), payload, packet.length());
        if (message == null)
        {
            return new byte[0];
        }
        return WireCanonical.bytes(type == ArgType.DNS ? message :
            type == ArgType.DNS_QUESTIONS ? DnsDecoder.questions(message) : DnsDecoder.responses(message));
    }

    private byte[] httpMessage(final ArgType type, final int payload)
    {
        final HTTP message = http.decode(packet.bytes(), payload, packet.length());
        if (message == null)
        {
            return new byte[0];
        }
        if (type == ArgType.HTTP_REQUEST)
        {
            return WireCanonical.bytes(HTTPRequest.newBuilder().setMethod(message.getMethod()).setProtocol(message.getProtocol())
                .setHost(message.getHost()).setUriPath(message.getUriPath()).putAllHeaders(message.getHeadersMap())
                .setContentLength(message.getContentLength()).build());
        }
        if (type == ArgType.HTTP_RESPONSE)
        {
            return WireCanonical.bytes(HTTPResponse.newBuilder().setStatus(message.getStatus())
                .setStatusCode(message.getStatusCode()).setProtocol(message.getProtocol())
                .putAllHeaders(message.getHeadersMap()).setContentLength(message.getContentLength()).build());
        }
        return WireCanonical.bytes(message);
    }
}
