package io.sluice.perf.ingest;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.MatchedPoliciesWriter;
import io.sluice.codec.sbe.KernelEventEncoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.codec.sbe.ValueType;
import io.sluice.process.KernelEventEnricher;
import io.sluice.process.ProcessTree;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Raw {@code openat} KernelEvent records as {@code sluice-loader} writes them into the shared ring (its
 * {@code deliver_event}: the sensor's header fields, the four catalog arguments, the return value as a last INT64
 * argument, no user stack), made by this JVM's own process so the seeded process tree knows it, as it knows a traced
 * program after its fork. The paths cycle through a few of different lengths. {@link #enriched} gives the Event
 * records the ingest makes of them, for the renderer benchmarks.
 */
public final class KernelRecords
{
    /** {@code openat}'s catalog id. */
    static final int OPENAT = 258;

    private static final String[] PATHS = {"/dev/null", "/etc/hostname", "/usr/lib/x86_64-linux-gnu/libc.so.6",
        "/proc/self/status", "/tmp/sluice-ingest-benchmark/some/deeper/file.txt"};
    private static final int SYSCALL_NR = 257;

    private final ExpandableArrayBuffer[] records = new ExpandableArrayBuffer[PATHS.length];
    private final int[] lengths = new int[PATHS.length];

    KernelRecords()
    {
        final int pid = (int)ProcessHandle.current().pid();
        final int ppid = (int)ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L).longValue();
        final long start = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli() * 1_000_000L).orElse(0L);
        final long now = System.currentTimeMillis() * 1_000_000L;
        for (int i = 0; i < PATHS.length; i++)
        {
            records[i] = new ExpandableArrayBuffer(512);
            final KernelEventEncoder encoder = new KernelEventEncoder()
                .wrapAndApplyHeader(records[i], 0, new MessageHeaderEncoder())
                .timestampNanos(now + i).eventId(OPENAT).hostPid(pid).hostTid(pid + 1).hostPpid(ppid)
                .pid(pid).tid(pid + 1).ppid(ppid).uid(0).gid(0).euid(0).cgroupId(4242).mntNsId(4026531841L)
                .pidNsId(4026531836L).threadStartNanos(start + 1000).processStartNanos(start).parentStartNanos(start - 1000)
                .syscallNr(SYSCALL_NR).retval(3).compat((short)0).comm("openloop").treeOnly((short)0)
                .capEffective(0x1ffffffffffL).capPermitted(0x1ffffffffffL).capInheritable(0).utsName("bench-host");
            final byte[] path = PATHS[i].getBytes(StandardCharsets.UTF_8);
            final KernelEventEncoder.ArgsEncoder args = encoder.argsCount(5);
            args.next().valueType(ValueType.INT32).intValue(-100).putValue(path, 0, 0);
            args.next().valueType(ValueType.STR).intValue(0).putValue(path, 0, path.length);
            args.next().valueType(ValueType.INT32).intValue(0).putValue(path, 0, 0);
            args.next().valueType(ValueType.UINT32).intValue(0).putValue(path, 0, 0);
            args.next().valueType(ValueType.INT64).intValue(3).putValue(path, 0, 0);
            encoder.putUserStack(path, 0, 0);
            lengths[i] = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        }
    }

    /**
     * The Event records the enricher makes of these records over a seeded process tree, as the ingest renders them
     * when the {@code openat} loop is traced: matched by the first policy, the paths in turn.
     *
     * @param catalog the event catalog.
     * @param count   how many records.
     * @return each in its own buffer.
     */
    public static UnsafeBuffer[] enriched(final EventCatalog catalog, final int count)
    {
        final KernelEventEnricher enricher = enricher(catalog);
        final KernelRecords raw = new KernelRecords();
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(4096);
        final MatchedPoliciesWriter matched = new MatchedPoliciesWriter();
        final UnsafeBuffer[] records = new UnsafeBuffer[count];
        for (int i = 0; i < count; i++)
        {
            final int length = enricher.enrich(raw.record(i % raw.count()), 0, out);
            matchFirstPolicy(matched, out);
            final byte[] bytes = new byte[length];
            out.getBytes(0, bytes);
            records[i] = new UnsafeBuffer(bytes);
        }
        return records;
    }

    /**
     * @param catalog the event catalog.
     * @return an enricher over this machine's process tree, seeded as the ingest seeds it, so that it knows the process
     *         these records come from.
     */
    static KernelEventEnricher enricher(final EventCatalog catalog)
    {
        final ProcessTree tree = ProcessTree.system();
        tree.seed();
        return new KernelEventEnricher(catalog, tree, "x86_64");
    }

    /**
     * What the ingest's judging leaves in an Event record the implicit policy of {@code --events openat} matched: the
     * first bit of the matched-policies bitmap and its presence bit, so that {@code policies.matched} prints.
     *
     * @param writer  the writer to write with.
     * @param event   an Event record (SBE header + message) from index 0.
     */
    static void matchFirstPolicy(final MatchedPoliciesWriter writer, final MutableDirectBuffer event)
    {
        writer.write(event, 0, 1L);
    }

    /** @return how many distinct records. */
    int count()
    {
        return records.length;
    }

    /** @return the i-th record (SBE header + KernelEvent, from index 0). */
    ExpandableArrayBuffer record(final int i)
    {
        return records[i];
    }

    /** @return the i-th record's length. */
    int length(final int i)
    {
        return lengths[i];
    }
}
