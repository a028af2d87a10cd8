package io.sluice.codec.json;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.sbe.AncestorCursor;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.testing.RandomEvents;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Timestamp;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.User;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.codec.testing.ReferenceJson.assertSameJson;
import static io.sluice.codec.testing.ReferenceJson.bytes;
import static io.sluice.codec.testing.ReferenceJson.printUtf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EventJsonWriter} copies a thread's identity and its process from the last event of the same thread only when
 * the record's bytes they are written from are the same: the next event of a thread costs two copies, and no change to
 * any byte of a record ever brings back text written for another.
 */
class JsonWorkloadMemoTest
{
    private final EventCatalog catalog = EventCatalog.standard();
    private final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
    private final EventProtoDecoder decoder = new EventProtoDecoder(catalog);
    private final EventJsonWriter writer = new EventJsonWriter(catalog);
    private final ExpandableArrayBuffer record = new ExpandableArrayBuffer(256);
    private final ExpandableArrayBuffer changed = new ExpandableArrayBuffer(256);
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(256);

    @BeforeEach
    void namePolicies()
    {
        encoder.policyNames(RandomEvents.POLICY_NAMES);
        decoder.policyNames(RandomEvents.POLICY_NAMES);
        writer.policyNames(RandomEvents.POLICY_NAMES);
    }

    @Test
    void theNextEventOfAThreadCopiesItsThreadAndProcessAndStillPrintsWhatThePrinterPrints()
    {
        final Event first = openBy(threadNamed("cat"), "/usr/bin/cat");
        final Event next = first.toBuilder().setName("close").setIdValue(0).build();

        assertPrintsAsThePrinter(first, "first");
        final long copied = writer.workloadsCopied();
        assertPrintsAsThePrinter(next, "the thread's next event");
        assertEquals(copied + 1, writer.workloadsCopied(), "the second event of the thread is copied");

        // another syscall, compat mode: the thread's live fields are written for each event
        final Event other = next.toBuilder().setWorkload(next.getWorkload().toBuilder().setProcess(
            next.getWorkload().getProcess().toBuilder().setThread(
                next.getWorkload().getProcess().getThread().toBuilder().setSyscall("read").setCompat(true)))).build();
        assertPrintsAsThePrinter(other, "the same thread in another syscall");
        assertEquals(copied + 2, writer.workloadsCopied());
    }

    @Test
    void anEventWhoseThreadOrProcessDiffersInOneFieldIsWrittenAfresh()
    {
        final Event base = openBy(threadNamed("cat"), "/usr/bin/cat");
        final Process process = base.getWorkload().getProcess();
        final Thread thread = process.getThread();
        final Process[] variants = {
            process.toBuilder().setThread(thread.toBuilder().setName("dog")).build(),
            process.toBuilder().setThread(thread.toBuilder().setTid(thread.getTid() + 1)).build(),
            process.toBuilder().setThread(thread.toBuilder().setUniqueId(thread.getUniqueId() + 1)).build(),
            process.toBuilder().setThread(thread.toBuilder().clearStartTime()).build(),
            process.toBuilder().clearThread().build(),
            process.toBuilder().setExecutable(Executable.newBuilder().setPath("/usr/bin/cau")).build(),
            process.toBuilder().clearExecutable().build(),
            process.toBuilder().setUniqueId(process.getUniqueId() ^ 1).build(),
            process.toBuilder().clearRealUser().build(),
            process.toBuilder().setUser(process.getUser().toBuilder().clearId()).build(),
            process.toBuilder().setAncestors(0, process.getAncestors(0).toBuilder().setPid(7)).build(),
            process.toBuilder().removeAncestors(1).build(),
            // a byte moved from the thread's name to the executable's path: the same bytes but for the length prefixes
            process.toBuilder().setThread(thread.toBuilder().setName("ca"))
                .setExecutable(Executable.newBuilder().setPath("t/usr/bin/cat")).build(),
        };
        for (int i = 0; i < variants.length; i++)
        {
            final Event variant = base.toBuilder().setWorkload(Workload.newBuilder().setProcess(variants[i])).build();
            assertPrintsAsThePrinter(base, "base before variant " + i);
            assertPrintsAsThePrinter(variant, "variant " + i);
            assertPrintsAsThePrinter(variant, "variant " + i + " again");
            assertPrintsAsThePrinter(base, "base after variant " + i);
        }
    }

    @Test
    void noSingleBitChangedInWhatTheFragmentsAreWrittenFromBringsBackTextWrittenBefore()
    {
        // every bit of the fixed block, the thread name, the executable path and each ancestor's fields and path; a
        // change of a length or a count is a variant of the test above (a change of layout)
        final RandomEvents events = new RandomEvents(20261130L);
        final EventRecordView view = new EventRecordView();
        long checked = 0;
        for (int e = 0; e < 60; e++)
        {
            final Event event = events.nextEvent();
            if (!event.getWorkload().hasProcess())
            {
                continue;
            }
            final int length = encoder.encode(event, record, 0);
            view.wrap(record, 0, length);
            final List<int[]> ranges = new ArrayList<>();
            ranges.add(new int[] {MessageHeaderDecoder.ENCODED_LENGTH, view.event().offset() + EventDecoder.BLOCK_LENGTH});
            for (final int string : new int[] {EventVarData.THREAD_NAME, EventVarData.EXECUTABLE_PATH})
            {
                ranges.add(new int[] {view.stringOffset(string), view.stringOffset(string) + view.stringLength(string)});
            }
            final AncestorCursor ancestors = view.ancestorCursor();
            while (ancestors.next())
            {
                final int entry = ancestors.pathOffset() - Integer.BYTES - EventDecoder.AncestorsDecoder.sbeBlockLength();
                ranges.add(new int[] {entry, entry + EventDecoder.AncestorsDecoder.sbeBlockLength()});
                ranges.add(new int[] {ancestors.pathOffset(), ancestors.pathOffset() + ancestors.pathLength()});
            }
            for (final int[] range : ranges)
            {
                for (int bit = range[0] * 8; bit < range[1] * 8; bit++)
                {
                    checked += checkChanged(length, bit, e);
                }
            }
        }
        assertTrue(checked > 20_000, "records changed and checked: " + checked);
        assertTrue(writer.workloadsCopied() > checked / 2, "most renderings of the unchanged record were copies");
    }

    /** Write the record (its entry now holds its text), then the record with one bit changed: as the printer prints it. */
    private int checkChanged(final int length, final int bit, final int event)
    {
        changed.putBytes(0, record, 0, length);
        changed.putByte(bit / 8, (byte)(record.getByte(bit / 8) ^ (1 << (bit % 8))));
        final byte[] expected = printUtf8(decoder.decode(changed, 0, length));
        writer.write(record, 0, length, out, 0);
        final int written = writer.write(changed, 0, length, out, 0);
        assertSameJson(expected, bytes(out, 0, written), () -> "event " + event + ", bit " + bit + " changed");
        return 1;
    }

    @Test
    void aRecordTooLargeToKeepIsWrittenEveryTime()
    {
        final Event longPath = openBy(threadNamed("cat"), "/" + "d/".repeat(JsonWorkloadMemo.MAX_KEY) + "cat");
        assertPrintsAsThePrinter(longPath, "first");
        final long copied = writer.workloadsCopied();
        assertPrintsAsThePrinter(longPath, "again");
        assertEquals(copied, writer.workloadsCopied(), "not kept: written again");
    }

    @Test
    void aThreadOrProcessWhoseTextExceedsAnEntrysRoomIsWrittenEveryTimeAndLeavesNoStaleText()
    {
        final String controls = "\u0001".repeat(100);
        final Event plain = openBy(threadNamed("cat"), "/usr/bin/cat");
        final Event longThread = openBy(threadNamed(controls), "/usr/bin/cat");   // 600 bytes escaped: over MAX_THREAD
        final Event longProcess = openBy(threadNamed("cat"), "/" + controls.repeat(4));   // over MAX_PROCESS
        for (final Event tooLong : new Event[] {longThread, longProcess})
        {
            assertPrintsAsThePrinter(plain, "kept");
            final long copied = writer.workloadsCopied();
            assertPrintsAsThePrinter(tooLong, "too long, same thread");
            assertPrintsAsThePrinter(tooLong, "too long again");
            assertEquals(copied, writer.workloadsCopied(), "text over an entry's room is not kept");
            assertPrintsAsThePrinter(plain, "the thread's usual text, written again");
            assertPrintsAsThePrinter(plain, "and copied");
            assertEquals(copied + 1, writer.workloadsCopied());
        }
    }

    @Test
    void recordsOutsideTheHeapAndAtAnyOffsetAreComparedAsOnTheHeap()
    {
        final Event event = openBy(threadNamed("cat"), "/usr/bin/cat");
        final int length = encoder.encode(event, record, 0);
        final byte[] expected = printUtf8(decoder.decode(record, 0, length));
        final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(length + 64));
        final UnsafeBuffer slice = new UnsafeBuffer(new byte[length + 64], 11, length + 20);
        final UnsafeBuffer[] buffers = {direct, slice};
        for (int b = 0; b < buffers.length; b++)
        {
            final UnsafeBuffer buffer = buffers[b];
            buffer.putBytes(13, record, 0, length);
            final long copied = writer.workloadsCopied();
            for (int i = 0; i < 2; i++)
            {
                final int written = writer.write(buffer, 13, length, out, 0);
                assertSameJson(expected, bytes(out, 0, written), () -> "at 13 of " + buffer);
            }
            // the direct buffer's first write keeps the text, its second copies it; the slice's copy both times
            assertEquals(copied + 1 + b, writer.workloadsCopied(), "copies from buffer " + b);
        }
    }

    @Test
    void theKeysBlockRangeHoldsEveryFieldOfTheBlockTheFragmentsPrint()
    {
        final int from = JsonWorkloadMemo.BLOCK_FROM;
        final int to = from + JsonWorkloadMemo.BLOCK_LENGTH;
        final int[][] fields = {
            {EventDecoder.pidEncodingOffset(), EventDecoder.pidEncodingLength()},
            {EventDecoder.hostPidEncodingOffset(), EventDecoder.hostPidEncodingLength()},
            {EventDecoder.tidEncodingOffset(), EventDecoder.tidEncodingLength()},
            {EventDecoder.hostTidEncodingOffset(), EventDecoder.hostTidEncodingLength()},
            {EventDecoder.processUniqueIdEncodingOffset(), EventDecoder.processUniqueIdEncodingLength()},
            {EventDecoder.threadUniqueIdEncodingOffset(), EventDecoder.threadUniqueIdEncodingLength()},
            {EventDecoder.threadStartSecondsEncodingOffset(), EventDecoder.threadStartSecondsEncodingLength()},
            {EventDecoder.threadStartNanosEncodingOffset(), EventDecoder.threadStartNanosEncodingLength()},
            {EventDecoder.realUserIdEncodingOffset(), EventDecoder.realUserIdEncodingLength()},
            {EventDecoder.userIdEncodingOffset(), EventDecoder.userIdEncodingLength()},
        };
        for (final int[] field : fields)
        {
            assertTrue(field[0] >= from && field[0] + field[1] <= to, "field at " + field[0] + " in [" + from + ", " + to + ")");
        }
    }

    private void assertPrintsAsThePrinter(final Event event, final String what)
    {
        final int length = encoder.encode(event, record, 0);
        final byte[] expected = printUtf8(decoder.decode(record, 0, length));
        final int written = writer.write(record, 0, length, out, 0);
        assertSameJson(expected, bytes(out, 0, written), () -> what);
    }

    private static Thread.Builder threadNamed(final String name)
    {
        return Thread.newBuilder().setName(name).setUniqueId(0x1234_5678_9ABCL).setHostTid(4242).setTid(42)
            .setSyscall("openat").setStartTime(Timestamp.newBuilder().setSeconds(1_700_000_000L)
                .setNanos(123_456_789));
    }

    private static Event openBy(final Thread.Builder thread, final String path)
    {
        final Process process = Process.newBuilder()
            .setThread(thread)
            .setPid(UInt32Value.newBuilder().setValue(42))
            .setRealUser(User.newBuilder().setId(UInt32Value.newBuilder().setValue(1000)))
            .setExecutable(Executable.newBuilder().setPath(path))
            .addAncestors(Ancestor.newBuilder().setUniqueId(99).setHostPid(1).setPid(1)
                .setExecutable(Executable.newBuilder().setPath("/sbin/init")))
            .addAncestors(Ancestor.newBuilder().setUniqueId(98).setHostPid(2).setPid(2))
            .setUniqueId(0x1234_5678_9ABDL)
            .setHostPid(UInt32Value.newBuilder().setValue(4242))
            .setUser(User.newBuilder().setId(UInt32Value.newBuilder().setValue(1000)))
            .build();
        return Event.newBuilder().setIdValue(257).setName("openat")
            .setTimestamp(Timestamp.newBuilder().setSeconds(1_700_000_001L))
            .setWorkload(Workload.newBuilder().setProcess(process))
            .build();
    }
}
