package io.sluice.source;

import com.google.protobuf.Message;
import io.sluice.codec.catalog.ArgType;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.wire.StructuredValue;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The synthetic source has a plausible value for every argument type of the catalog: written into a record, each
 * reads back as its own {@code EventValue} member, and a message member (credentials, packet headers, DNS, HTTP) is
 * canonical and not empty.
 */
class SyntheticValuesTest
{
    private final EventProtoDecoder decoder = new EventProtoDecoder(EventCatalog.standard());

    @ParameterizedTest
    @EnumSource(ArgType.class)
    void everyTypeHasAValueThatReadsBackAsItsMember(final ArgType type)
    {
        final SyntheticValues values = new SyntheticValues();
        final SplittableRandom random = new SplittableRandom(type.ordinal());
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer(256);
        for (int i = 0; i < 20; i++)
        {
            final EventRecordWriter writer = new EventRecordWriter().wrap(record, 0);
            writer.block().id(1, 0);
            writer.data(1);
            values.put(writer, type, "arg".getBytes(StandardCharsets.US_ASCII), random);
            final int length = writer.finish();
            final Event event = decoder.decode(record, 0, length);
            final EventValue value = event.getData(0);
            assertEquals(type.jsonName(), value.getValueCase().name().toLowerCase(Locale.ROOT), value::toString);
            final Object member = value.getField(EventValue.getDescriptor().findFieldByNumber(value.getValueCase().getNumber()));
            if (member instanceof Message message && StructuredValue.byMember(value.getValueCase().getNumber()) != null)
            {
                assertFalse(message.getAllFields().isEmpty(), "a " + type + " with fields (its bytes are canonical)");
            }
        }
    }
}
