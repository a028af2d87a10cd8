package io.sluice.codec.sbe;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EventRecordWriter}: every field comes back through the generated decoder, parts left out come back empty,
 * parts out of order are refused, and once warm it allocates nothing per record.
 */
class EventRecordWriterTest
{
    private static final byte[] UTS = "web-1\0\0\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII);

    private final EventRecordWriter writer = new EventRecordWriter();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
    private final EventDecoder decoder = new EventDecoder();
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);

    @Test
    void everyFieldRoundTrips()
    {
        final int length = writeFull(writer, buffer, 8);
        final EventDecoder d = decoder.wrapAndApplyHeader(buffer, 8, new MessageHeaderDecoder());
        assertEquals(-5L, d.timestampSeconds());
        assertEquals(999_999_999, d.timestampNanos());
        assertEquals(1015, d.eventId());
        assertEquals(0x8000_0000_0000_0001L, d.policiesMatched());
        assertEquals(0xF0F0_0001, (int)d.presence().getRaw());
        assertEquals(0xFFFF_FFFEL, d.pid());
        assertEquals(7L, d.hostPid());
        assertEquals(11L, d.processUniqueId());
        assertEquals(12L, d.tid());
        assertEquals(13L, d.hostTid());
        assertEquals(14L, d.threadUniqueId());
        assertEquals((short)1, d.compat());
        assertEquals(15L, d.threadStartSeconds());
        assertEquals(16, d.threadStartNanos());
        assertEquals(17L, d.realUserId());
        assertEquals(18L, d.userId());
        assertEquals((short)1, d.containerIsRunning());
        assertEquals(3, d.threatSeverity());
        assertEquals(258, d.detectedFromId());
        assertEquals(19L, d.gid());
        assertEquals(20L, d.cgroupId());
        assertEquals(21L, d.mntNsId());
        assertEquals(22L, d.pidNsId());
        assertEquals(23L, d.capEffective());
        assertEquals(24L, d.capPermitted());
        assertEquals(25L, d.capInheritable());
        assertEquals(26L, d.lineageMarks());
        assertEquals((short)1, d.containerNew());
        final byte[] uts = new byte[FilterOnlyFields.UTS_NAME_LENGTH];
        d.getUtsName(uts, 0);
        assertArrayEquals(UTS, uts);

        final EventDecoder.AncestorsDecoder ancestors = d.ancestors();
        assertEquals(2, ancestors.count());
        ancestors.next();
        assertEquals(31L, ancestors.uniqueId());
        assertEquals(32L, ancestors.hostPid());
        assertEquals(33L, ancestors.pid());
        assertEquals("/bin/a", ancestors.executablePath());
        ancestors.next();
        assertEquals("/bin/b", ancestors.executablePath());
        final EventDecoder.DataDecoder data = d.data();
        assertEquals(2, data.count());
        data.next();
        assertEquals(ValueType.STR, data.valueType());
        assertEquals(41L, data.intValue());
        assertEquals("path", data.name());
        data.wrapValue(view);
        assertEquals("/etc/passwd", view.getStringWithoutLengthUtf8(0, view.capacity()));
        data.next();
        assertEquals((short)200, data.valueTypeRaw(), "an unknown value type is written as is");
        assertEquals("x", data.name());
        data.wrapValue(view);
        assertEquals(0, view.capacity());
        final EventDecoder.DetectedFromDataDecoder fromData = d.detectedFromData();
        assertEquals(1, fromData.count());
        fromData.next();
        assertEquals(ValueType.INT64, fromData.valueType());
        assertEquals(-42L, fromData.intValue());
        assertEquals("fd", fromData.name());
        fromData.wrapValue(view);
        assertEquals("v", view.getStringWithoutLengthUtf8(0, view.capacity()));
        final EventDecoder.ThreatPropertiesDecoder properties = d.threatProperties();
        assertEquals(1, properties.count());
        properties.next();
        assertEquals("k", properties.key());
        assertEquals("v", properties.value());

        final String[] strings = {d.name(), d.threadName(), d.syscall(), d.executablePath(), d.containerId(),
            d.containerName(), d.containerImageId(), d.containerImageName(), d.podName(), d.podUid(), d.podNamespace(),
            d.threatName(), d.threatDescription(), d.tacticName(), d.techniqueId(), d.techniqueExternalId(),
            d.techniqueName(), d.detectedFromName()};
        for (int field = 0; field < EventVarData.USER_STACK; field++)
        {
            assertEquals("f" + field, strings[field], "variable data field " + field);
        }
        d.wrapUserStack(view);
        assertEquals("f" + EventVarData.USER_STACK, view.getStringWithoutLengthUtf8(0, view.capacity()),
            "the user stack, last");
        assertEquals(length, d.limit() - 8, "the length runs from the message header to the last field");
    }

    @Test
    void partsLeftOutAreEmptyAndTheBlockIsZeroed()
    {
        buffer.setMemory(0, 512, (byte)0x5A);
        final byte[] comm = "bash".getBytes(StandardCharsets.US_ASCII);
        writer.wrap(buffer, 0).block().id(59, 0);
        final int length = writer.varData(EventVarData.THREAD_NAME, comm, 0, comm.length).finish();
        final EventDecoder d = decoder.wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
        assertEquals(59, d.eventId());
        assertEquals(0L, d.timestampSeconds());
        assertEquals(0L, d.presence().getRaw());
        assertEquals(0L, d.capEffective());
        assertEquals(0, d.ancestors().count());
        assertEquals(0, d.data().count());
        assertEquals(0, d.detectedFromData().count());
        assertEquals(0, d.threatProperties().count());
        assertEquals("", d.name());
        assertEquals("bash", d.threadName());
        for (int field = EventVarData.SYSCALL; field < EventVarData.COUNT; field++)
        {
            assertEquals(0, varLength(d, field), "field " + field);
        }
        assertEquals(length, d.limit());
        assertEquals(MessageHeaderDecoder.ENCODED_LENGTH + EventDecoder.BLOCK_LENGTH + 4 * 4 + EventVarData.COUNT * 4 + 4, length);
    }

    @Test
    void refusesPartsOutOfOrder()
    {
        final byte[] none = new byte[0];
        assertThrows(IllegalStateException.class, () -> writer.wrap(buffer, 0).data(0).ancestors(0));
        assertThrows(IllegalStateException.class, () -> writer.wrap(buffer, 0).ancestors(1).data(0));
        assertThrows(IllegalStateException.class, () -> writer.wrap(buffer, 0).ancestors(0)
            .ancestor(1, 2, 3, none, 0, 0));
        assertThrows(IllegalStateException.class, () -> writer.wrap(buffer, 0).varData(EventVarData.SYSCALL, none, 0, 0)
            .varData(EventVarData.THREAD_NAME, none, 0, 0));
        assertThrows(IllegalStateException.class, () -> writer.wrap(buffer, 0).varData(EventVarData.NAME, none, 0, 0)
            .threatProperties(0));
        assertTrue(writer.wrap(buffer, 0).finish() > 0);
    }

    @Test
    void allocatesNothingPerRecordOnceWarm()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final UnsafeBuffer out = new UnsafeBuffer(new byte[4096]);
        long checksum = 0;
        for (int i = 0; i < 100_000; i++)
        {
            checksum += writeFull(writer, out, i & 7);
        }
        final long threadId = java.lang.Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < 100_000; i++)
        {
            checksum += writeFull(writer, out, i & 7);
        }
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;
        assertTrue(checksum > 0);
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes over 100,000 records");
    }

    private static final byte[][] VAR = new byte[EventVarData.COUNT][];
    private static final byte[] PATH_A = utf8("/bin/a");
    private static final byte[] PATH_B = utf8("/bin/b");
    private static final byte[] NAME_PATH = utf8("path");
    private static final byte[] PASSWD = utf8("/etc/passwd");
    private static final byte[] X = utf8("x");
    private static final byte[] FD = utf8("fd");
    private static final byte[] K = utf8("k");
    private static final byte[] V = utf8("v");
    private static final byte[] NONE = new byte[0];

    static
    {
        for (int field = 0; field < EventVarData.COUNT; field++)
        {
            VAR[field] = utf8("f" + field);
        }
    }

    private static int writeFull(final EventRecordWriter writer, final org.agrona.MutableDirectBuffer out, final int offset)
    {
        writer.wrap(out, offset).block()
            .timestamp(-5L, 999_999_999)
            .id(1015, 0x8000_0000_0000_0001L)
            .presence(0xF0F0_0001)
            .process(0xFFFF_FFFEL, 7, 11)
            .thread(12, 13, 14, (short)1)
            .threadStart(15, 16)
            .users(17, 18)
            .containerIsRunning((short)1)
            .detection(3, 258)
            .kernelContext(19, 20, 21, 22)
            .processContext(23, 24, 25, UTS)
            .lineageMarks(26)
            .containerNew((short)1);
        writer.ancestors(2)
            .ancestor(31, 32, 33, PATH_A, 0, PATH_A.length)
            .ancestor(34, 35, 36, PATH_B, 0, PATH_B.length)
            .data(2)
            .dataEntry(ValueType.STR.value(), 41, NAME_PATH, PASSWD)
            .dataEntry(200, 0, X, NONE)
            .detectedFromData(1)
            .dataEntry(ValueType.INT64.value(), -42, FD, V)
            .threatProperties(1)
            .threatProperty(K, V);
        for (int field = 0; field < EventVarData.COUNT; field++)
        {
            writer.varData(field, VAR[field], 0, VAR[field].length);
        }
        return writer.finish();
    }

    private static int varLength(final EventDecoder d, final int field)
    {
        final UnsafeBuffer view = new UnsafeBuffer(0, 0);
        EventVarData.wrap(d, field, view);
        return view.capacity();
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
