package io.sluice.codec.proto;

import io.sluice.codec.sbe.EventValueCursor;
import io.sluice.codec.sbe.PackedArrayBlob;
import io.sluice.codec.sbe.SockaddrBlob;
import io.sluice.codec.sbe.StringArrayBlob;
import io.sluice.codec.sbe.ValueTypes;
import io.sluice.codec.text.InetText;
import io.sluice.codec.wire.StructuredValue;
import io.sluice.codec.wire.WireCanonical;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Int32Array;
import io.sluice.proto.v1beta1.SockAddr;
import io.sluice.proto.v1beta1.StringArray;
import io.sluice.proto.v1beta1.UInt64Array;
import org.agrona.DirectBuffer;

/**
 * The {@code EventValue}s of {@link EventProtoWriter}: an entry's name, then its oneof member, written even when it
 * holds a default (an empty string, a zero); an entry whose value type is NONE or unknown has a name and no member.
 * Strings arrays, packed arrays and sockaddrs (the fields of its family) are read from the record's value blobs as
 * {@code EventProtoDecoder} reads them. Not thread-safe.
 */
final class ProtoValueWriter
{
    private final ProtoSink sink;
    private final StringArrayBlob strings = new StringArrayBlob();
    private final WireCanonical canonical = new WireCanonical();
    private final byte[] addressText = new byte[InetText.MAX_IPV6_LENGTH];

    ProtoValueWriter(final ProtoSink sink)
    {
        this.sink = sink;
    }

    /**
     * @param field  the repeated {@code EventValue} field of the message being written.
     * @param record the record's buffer.
     * @param values the entries, before the first.
     */
    void writeAll(final int field, final DirectBuffer record, final EventValueCursor values)
    {
        while (values.next())
        {
            final int value = sink.beginMessage(field);
            sink.string(EventValue.NAME_FIELD_NUMBER, record, values.nameOffset(), values.nameLength());
            writeMember(record, values.typeRaw(), values.intValue(), values.valueOffset(), values.valueLength());
            sink.endMessage(value);
        }
    }

    private void writeMember(final DirectBuffer record, final short type, final long intValue, final int offset, final int length)
    {
        final ProtoSink sink = this.sink;
        switch (ValueTypes.of(type))
        {
            case INT32 -> sink.int32Always(EventValue.INT32_FIELD_NUMBER, (int)intValue);
            case INT64 -> sink.int64Always(EventValue.INT64_FIELD_NUMBER, intValue);
            case UINT32 -> sink.uint32Always(EventValue.U_INT32_FIELD_NUMBER, (int)intValue);
            case UINT64 -> sink.int64Always(EventValue.U_INT64_FIELD_NUMBER, intValue);
            case STR -> sink.stringAlways(EventValue.STR_FIELD_NUMBER, record, offset, length);
            case BYTES -> sink.bytesAlways(EventValue.BYTES_FIELD_NUMBER, record, offset, length);
            case BOOL -> sink.boolAlways(EventValue.BOOL_FIELD_NUMBER, intValue != 0);
            case STR_ARRAY -> writeStringArray(record, offset, length);
            case INT32_ARRAY ->
            {
                final int array = sink.beginMessage(EventValue.INT32_ARRAY_FIELD_NUMBER);
                sink.packedInt32(Int32Array.VALUE_FIELD_NUMBER, record, offset, length / PackedArrayBlob.INT32_SIZE);
                sink.endMessage(array);
            }
            case UINT64_ARRAY ->
            {
                final int array = sink.beginMessage(EventValue.U_INT64_ARRAY_FIELD_NUMBER);
                sink.packedUint64(UInt64Array.VALUE_FIELD_NUMBER, record, offset, length / PackedArrayBlob.UINT64_SIZE);
                sink.endMessage(array);
            }
            case SOCKADDR -> writeSockaddr(record, offset, length);
            case POINTER -> sink.int64Always(EventValue.POINTER_FIELD_NUMBER, intValue);
            default ->
            {
                final StructuredValue kind = StructuredValue.of(ValueTypes.of(type));
                if (kind != null)
                {
                    // the record holds the message in canonical wire form: copied as it is, or empty when it is not
                    final boolean canonical = this.canonical.check(kind.shape(), record, offset, length);
                    sink.bytesAlways(kind.memberNumber(), record, offset, canonical ? length : 0);
                }
                // NONE or a type this schema does not know: the name alone
            }
        }
    }

    private void writeStringArray(final DirectBuffer record, final int offset, final int length)
    {
        final int array = sink.beginMessage(EventValue.STR_ARRAY_FIELD_NUMBER);
        final StringArrayBlob strings = this.strings.wrap(record, offset, length);
        while (strings.next())
        {
            sink.stringAlways(StringArray.VALUE_FIELD_NUMBER, record, strings.elementOffset(), strings.elementLength());
        }
        sink.endMessage(array);
    }

    private void writeSockaddr(final DirectBuffer record, final int offset, final int length)
    {
        final ProtoSink sink = this.sink;
        final int sockaddr = sink.beginMessage(EventValue.SOCKADDR_FIELD_NUMBER);
        sink.int32(SockAddr.SA_FAMILY_FIELD_NUMBER, SockaddrBlob.family(record, offset, length));
        switch (SockaddrBlob.layout(record, offset, length))
        {
            case SockaddrBlob.AF_UNIX -> sink.string(SockAddr.SUN_PATH_FIELD_NUMBER, record,
                offset + SockaddrBlob.UNIX_PATH_OFFSET, length - SockaddrBlob.UNIX_PATH_OFFSET);
            case SockaddrBlob.AF_INET ->
            {
                final int text = InetText.formatIpv4(record, offset + SockaddrBlob.INET_ADDRESS_OFFSET, addressText, 0);
                sink.utf8Always(SockAddr.SIN_ADDR_FIELD_NUMBER, addressText, 0, text);
                sink.uint32(SockAddr.SIN_PORT_FIELD_NUMBER, SockaddrBlob.port(record, offset));
            }
            case SockaddrBlob.AF_INET6 ->
            {
                final int text = InetText.formatIpv6(record, offset + SockaddrBlob.INET6_ADDRESS_OFFSET, addressText, 0);
                sink.utf8Always(SockAddr.SIN6_ADDR_FIELD_NUMBER, addressText, 0, text);
                sink.uint32(SockAddr.SIN6_PORT_FIELD_NUMBER, SockaddrBlob.port(record, offset));
                sink.uint32(SockAddr.SIN6_FLOWINFO_FIELD_NUMBER, (int)SockaddrBlob.flowInfo(record, offset));
                sink.uint32(SockAddr.SIN6_SCOPEID_FIELD_NUMBER, (int)SockaddrBlob.scopeId(record, offset));
            }
            default ->
            {
                // a family without a layout here: the family alone
            }
        }
        sink.endMessage(sockaddr);
    }
}
