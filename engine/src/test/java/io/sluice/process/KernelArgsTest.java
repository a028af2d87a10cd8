package io.sluice.process;

import io.sluice.codec.sbe.KernelEventDecoder;
import io.sluice.codec.sbe.KernelEventEncoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.codec.sbe.ValueType;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kernel record's arguments read in place: each one's type, integer and value bytes where the record has them, the
 * count of those an event prints, and where the group ends; as many arguments as a record has.
 */
class KernelArgsTest
{
    private final ExpandableArrayBuffer raw = new ExpandableArrayBuffer();
    private final KernelEventDecoder decoder = new KernelEventDecoder();

    @Test
    void readsEachArgumentInPlaceAndWhereTheGroupEnds()
    {
        final KernelEventEncoder encoder = header();
        final byte[] path = "/etc/hostname".getBytes(StandardCharsets.UTF_8);
        final KernelEventEncoder.ArgsEncoder args = encoder.argsCount(4);
        args.next().valueType(ValueType.INT32).intValue(-100).putValue(path, 0, 0);
        args.next().valueType(ValueType.STR).intValue(0).putValue(path, 0, path.length);
        args.next().valueType(ValueType.NONE).intValue(0).putValue(path, 0, 0);
        args.next().valueType(ValueType.INT64).intValue(Long.MIN_VALUE).putValue(path, 0, 0);
        encoder.putUserStack(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0, 8);

        final KernelArgs read = new KernelArgs().read(raw, groupOffset());
        assertEquals(4, read.count());
        assertEquals(3, read.printed(), "the NONE argument is not printed");
        assertEquals(ValueType.INT32.value(), read.type(0));
        assertEquals(-100, read.intValue(0));
        assertEquals(ValueType.STR.value(), read.type(1));
        assertEquals("/etc/hostname", raw.getStringWithoutLengthUtf8(read.valueOffset(1), read.valueLength(1)));
        assertEquals(KernelArgs.NONE, read.type(2));
        assertEquals(Long.MIN_VALUE, read.intValue(3));
        assertEquals(0, read.valueLength(3));

        decoder.limit(read.limit());
        assertEquals(8, decoder.userStackLength(), "the user stack starts where the group ends");
    }

    @Test
    void readsMoreArgumentsThanItFirstHadRoomForAndCountsNullValuesOut()
    {
        final KernelEventEncoder encoder = header();
        final KernelEventEncoder.ArgsEncoder args = encoder.argsCount(40);
        for (int i = 0; i < 40; i++)
        {
            final byte[] value = new byte[i];
            args.next().valueType(i % 2 == 0 ? ValueType.UINT64 : ValueType.NULL_VAL).intValue(i).putValue(value, 0, i);
        }
        encoder.putUserStack(new byte[0], 0, 0);

        final KernelArgs read = new KernelArgs().read(raw, groupOffset());
        assertEquals(40, read.count());
        assertEquals(20, read.printed());
        assertEquals(39, read.intValue(39));
        assertEquals(39, read.valueLength(39));
        assertEquals(KernelArgs.NULL_VAL, read.type(39));
    }

    @Test
    void refusesAValueTypeThisBuildDoesNotKnowAsTheDecoderDoes()
    {
        final KernelEventEncoder encoder = header();
        final KernelEventEncoder.ArgsEncoder args = encoder.argsCount(1);
        args.next().valueType(ValueType.INT32).intValue(1).putValue(new byte[0], 0, 0);
        encoder.putUserStack(new byte[0], 0, 0);
        final int group = groupOffset();
        raw.putByte(group + 4, (byte)200);

        assertThrows(IllegalArgumentException.class, () -> new KernelArgs().read(raw, group));
    }

    @Test
    void refusesAValueLongerThanWhatIsLeftOfTheRecordBeforeReadingIt()
    {
        for (final long claimed : new long[] {0x8000_0000L, 0xFFFF_FFFFL, 1_000_000L})
        {
            final KernelEventEncoder encoder = header();
            final KernelEventEncoder.ArgsEncoder args = encoder.argsCount(1);
            args.next().valueType(ValueType.STR).intValue(0).putValue(new byte[] {'a', 'b', 'c'}, 0, 3);
            encoder.putUserStack(new byte[0], 0, 0);
            final int group = groupOffset();
            final int lengthAt = group + KernelEventEncoder.ArgsEncoder.sbeHeaderSize()
                + KernelEventEncoder.ArgsEncoder.sbeBlockLength();
            assertEquals(3, raw.getInt(lengthAt, java.nio.ByteOrder.LITTLE_ENDIAN), "where the value's length is");
            raw.putInt(lengthAt, (int)claimed, java.nio.ByteOrder.LITTLE_ENDIAN);

            final IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new KernelArgs().read(raw, group));
            assertTrue(refused.getMessage().contains("claims " + claimed + " bytes"), refused.getMessage());
        }
    }

    private KernelEventEncoder header()
    {
        return new KernelEventEncoder().wrapAndApplyHeader(raw, 0, new MessageHeaderEncoder()).eventId(258).comm("cat")
            .utsName("host");
    }

    private int groupOffset()
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(raw, 0);
        decoder.wrap(raw, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        return decoder.limit();
    }
}
