package io.sluice.source;

import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.ValueType;
import io.sluice.ring.RecordType;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Load without a kernel: enriched events drawn from a mix of catalog events, written as SBE records into the
 * shared ring at a given rate. Every event carries a {@code seq} data field ({@code u_int64}, 0, 1, 2, ...) in
 * the order written, so tests can prove order and exactly-once delivery. When the ring is full the source waits:
 * synthetic load is never lost before the engine. Nothing is allocated per event. In pool mode ({@link SyntheticSpec#pool()})
 * the records are encoded once before the run and copied in turn ({@link SyntheticPool}).
 */
public final class SyntheticSource implements EventSource
{
    /** Name of the data field numbering every synthetic event. */
    public static final String SEQ_FIELD = "seq";

    /**
     * How many of a large mix's first events get three quarters of its draws ({@link #eventIndex}): the catalog's 27
     * events written by hand, which Sluice traced before the generated syscalls, so the whole-catalog load keeps the
     * shape benchmarks and tests were built on.
     */
    public static final int HEAD = 27;
    /** Mixes of up to this many events are drawn uniformly ({@link #eventIndex}). */
    public static final int UNIFORM_UP_TO = 64;

    private static final int PROCESSES = 64;
    private static final int MAX_RECORD = 16 * 1024;
    /** How often the count of records written is published for other threads ({@link #produced()}), a power of two. */
    private static final long PRODUCED_EVERY = 1024;
    private static final byte[] SEQ_NAME = SEQ_FIELD.getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY = new byte[0];
    private static final String[] COMMS = {"bash", "sshd", "nginx", "java", "python3", "containerd", "kubelet", "curl"};

    private final SyntheticSpec spec;
    private final EventDefinition[] mix;
    private final byte[][][] argNames;
    private final byte[][] eventSyscalls;
    private final SyntheticValues values = new SyntheticValues();
    private final Proc[] processes = new Proc[PROCESSES];
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[MAX_RECORD]);
    private static final long ROOT_CAPABILITIES = (1L << 41) - 1;
    private static final byte[] UTS_NAME = Arrays.copyOf("synthetic".getBytes(StandardCharsets.US_ASCII),
        FilterOnlyFields.UTS_NAME_LENGTH);

    private final EventRecordWriter writer = new EventRecordWriter();
    private final SplittableRandom random;

    private volatile boolean stopRequested;
    private volatile boolean done;
    /**
     * Records written so far: stored every {@link #PRODUCED_EVERY} records and at the end, not per record (a volatile
     * store per record is a full fence, and its cache line is shared with whatever the heap put beside this object).
     */
    private volatile long produced;
    private volatile Throwable failure;
    private Thread thread;

    /**
     * @param spec what to produce.
     */
    public SyntheticSource(final SyntheticSpec spec)
    {
        this.spec = spec;
        this.mix = spec.events().toArray(new EventDefinition[0]);
        this.random = new SplittableRandom(spec.seed());
        this.argNames = new byte[mix.length][][];
        this.eventSyscalls = new byte[mix.length][];
        for (int i = 0; i < mix.length; i++)
        {
            argNames[i] = new byte[mix[i].args().size()][];
            for (int a = 0; a < argNames[i].length; a++)
            {
                argNames[i][a] = utf8(mix[i].args().get(a).name());
            }
            eventSyscalls[i] = mix[i].isSyscall() ? utf8(mix[i].name()) : EMPTY;
        }
        final long bootSeconds = System.currentTimeMillis() / 1000 - 86_400;
        for (int i = 0; i < PROCESSES; i++)
        {
            final String comm = COMMS[i % COMMS.length];
            processes[i] = new Proc(
                1000 + i * 7, 1000 + i * 7, i == 0 ? 1 : 1000 + (i - 1) * 7, i % 3 == 0 ? 0 : 1000,
                bootSeconds + i, utf8(comm), utf8("/usr/bin/" + comm), 0x5100_0000_0000L + i * 131L);
        }
    }

    @Override
    public String description()
    {
        return "synthetic(count=" + spec.count() + ", rate=" + spec.rate() + ", seed=" + spec.seed() + ", events=" +
            mix.length + (spec.pool() > 0 ? ", pool=" + spec.pool() : "") + ")";
    }

    @Override
    public void start(final RingBuffer ring)
    {
        thread = new Thread(() -> run(ring), "sluice-synthetic");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void requestStop()
    {
        stopRequested = true;
    }

    @Override
    public boolean isDone()
    {
        return done;
    }

    @Override
    public long produced()
    {
        return produced;
    }

    @Override
    public Throwable failure()
    {
        return failure;
    }

    private void run(final RingBuffer ring)
    {
        final IdleStrategy idle = new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
        final long count = spec.count();
        final long rate = spec.rate();
        final long startNanos = System.nanoTime();
        final long epochStartNanos = System.currentTimeMillis() * 1_000_000L;
        long seq = 0;
        try
        {
            final SyntheticPool pool = spec.pool() > 0 ? pool(spec.pool(), epochStartNanos) : null;
            while (!stopRequested && (count == 0 || seq < count))
            {
                if (rate > 0)
                {
                    final long due = startNanos + (long)(seq * (1e9 / rate));
                    long now;
                    while ((now = System.nanoTime()) < due && !stopRequested)
                    {
                        LockSupport.parkNanos(Math.min(due - now, 1_000_000L));
                    }
                }
                final long nowEpochNanos = epochStartNanos + (System.nanoTime() - startNanos);
                final int length = pool == null ? encode(seq, nowEpochNanos) : 0;
                while (pool == null ? !ring.write(RecordType.EVENT, scratch, 0, length) : !pool.write(ring, seq, nowEpochNanos))
                {
                    if (stopRequested)
                    {
                        return;
                    }
                    idle.idle();
                }
                idle.reset();
                seq++;
                if ((seq & (PRODUCED_EVERY - 1)) == 0)
                {
                    produced = seq;
                }
            }
        }
        catch (final Throwable ex)
        {
            failure = ex;
        }
        finally
        {
            produced = seq;
            done = true;
        }
    }

    /** The pool of {@code size} records, encoded as events 0 .. size - 1 would be (pool mode). */
    private SyntheticPool pool(final int size, final long epochNanos)
    {
        final SyntheticPool pool = new SyntheticPool(size);
        for (int i = 0; i < size; i++)
        {
            pool.add(scratch, encode(i, epochNanos));
        }
        return pool;
    }

    private int encode(final long seq, final long epochNanos)
    {
        final int pick = eventIndex(spec.seed(), seq, mix.length);
        final EventDefinition event = mix[pick];
        final Proc proc = processes[random.nextInt(PROCESSES)];
        final Proc parent = processes[Math.max(0, (proc.pid - 1000) / 7 - 1)];
        final long capabilities = proc.uid == 0 ? ROOT_CAPABILITIES : 0;
        writer.wrap(scratch, 0).block()
            .timestamp(epochNanos / 1_000_000_000L, (int)(epochNanos % 1_000_000_000L))
            .id(event.id(), policyBits(spec.seed(), seq, spec.policies().size()))
            .process(proc.pid, proc.pid, proc.uniqueId)
            .thread(proc.pid, proc.pid, proc.uniqueId, (short)0)
            .threadStart(proc.startSeconds, 0)
            .users(proc.uid, proc.uid)
            .kernelContext(proc.uid, 1, 4026531841L, 4026531836L)
            // root runs with every capability (CAP_CHOWN .. CAP_CHECKPOINT_RESTORE), other users with none
            .processContext(capabilities, capabilities, 0, UTS_NAME);
        writer.block().presence()
            .timestamp(true).workload(true).process(true).thread(true).threadStartTime(true).pid(true)
            .realUser(true).realUserId(true).executable(true).hostPid(true).policies(!spec.policies().isEmpty())
            .processContext(true);
        writer.ancestors(1).ancestor(parent.uniqueId, parent.pid, parent.pid, parent.exe, 0, parent.exe.length);
        final byte[][] names = argNames[pick];
        writer.data(names.length + 1);
        for (int a = 0; a < names.length; a++)
        {
            values.put(writer, event.args().get(a).type(), names[a], random);
        }
        writer.dataEntry(ValueType.UINT64.value(), seq, SEQ_NAME, EMPTY)
            .varData(EventVarData.THREAD_NAME, proc.comm, 0, proc.comm.length)
            .varData(EventVarData.SYSCALL, eventSyscalls[pick], 0, eventSyscalls[pick].length)
            .varData(EventVarData.EXECUTABLE_PATH, proc.exe, 0, proc.exe.length);
        return writer.finish();
    }

    /**
     * Which event of the mix the source writes as event number {@code seq}: a pure function of the seed and the
     * sequence number, so a test can tell exactly which events a filter should select. A mix of up to
     * {@link #UNIFORM_UP_TO} events is drawn uniformly. A larger one (the whole catalog, some 450 events) is drawn as real
     * streams are, dominated by a few kinds: three quarters of the draws go to its first {@link #HEAD} events (socket,
     * connect, execve, ptrace, mount, openat, the scheduler events, ...), the other quarter uniformly to every event, so
     * each kind still comes.
     *
     * @param seed    the source's seed.
     * @param seq     the event's sequence number.
     * @param mixSize how many events the mix has.
     * @return index into the mix.
     */
    public static int eventIndex(final long seed, final long seq, final int mixSize)
    {
        long z = seed * 0x9E3779B97F4A7C15L + seq + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        if (mixSize <= UNIFORM_UP_TO)
        {
            return (int)Long.remainderUnsigned(z, mixSize);
        }
        // the two lowest bits pick the head (3 in 4) or the whole mix; the other bits the event (a remainder, nearly uniform)
        return (int)Long.remainderUnsigned(z >>> 2, (z & 3) != 0 ? HEAD : mixSize);
    }

    /**
     * Which of {@code policyCount} policies event number {@code seq} matched: a pure function of the seed and the
     * sequence number (never empty when there are policies), so a test can tell which events a policy filter selects.
     *
     * @param seed        the source's seed.
     * @param seq         the event's sequence number.
     * @param policyCount how many policies the spec names (0 to 64).
     * @return the matched-policies bitmap.
     */
    public static long policyBits(final long seed, final long seq, final int policyCount)
    {
        if (policyCount == 0)
        {
            return 0;
        }
        long z = (seed ^ 0x5DEECE66DL) * 0xD1B54A32D192ED03L + seq * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 29)) * 0xBF58476D1CE4E5B9L;
        z ^= z >>> 32;
        final long mask = policyCount == Long.SIZE ? -1L : (1L << policyCount) - 1;
        final long bits = z & mask;
        return bits == 0 ? 1L << Long.remainderUnsigned(z >>> 7, policyCount) : bits;
    }

    private static byte[] utf8(final String s)
    {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private record Proc(int pid, int hostPid, int ppid, int uid, long startSeconds, byte[] comm, byte[] exe, long uniqueId)
    {
    }
}
