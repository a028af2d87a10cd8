package io.sluice.ring;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Linux's {@code futex(2)} on a word of memory two processes share: the wait the engine's ingest sleeps in on the
 * shared ring's doorbell, and the wake that ends it, which the kernel sensor's loader calls on the same word from
 * its own process. A wake then costs one system call in the producer and one wake-up of the sleeper, where a line on
 * the loader's output cost a wake-up of the thread reading it as well (docs/performance-log.md, "Eighteenth pass").
 * <p>
 * The operations are the shared ones (no {@code FUTEX_PRIVATE_FLAG}): the word lies in a file both processes map. The
 * C library's {@code syscall} is bound once through JNA's direct mapping (no reflection per call). Where it cannot be
 * bound (JNA without a native part for this machine, an architecture whose futex number is not known here),
 * {@link #AVAILABLE} is false and the doorbell is not slept on ({@link RingDoorbell#isRung()}).
 * <p>
 * A {@code Futex} holds the timeout of its waits: one per waiting thread, allocation-free once it has waited;
 * {@link #wake} is static and safe from any thread.
 */
public final class Futex
{
    /** Whether futex calls can be made here. */
    public static final boolean AVAILABLE = Syscall.NUMBER > 0;

    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * A {@code struct timespec}: the relative timeout of each wait, made at the first (so that a run whose producer
     * never rings, the synthetic source or a replay, never loads JNA's native part).
     */
    private Memory timeout;

    /**
     * Sleep while the int at {@code address} holds {@code expected}, until woken or {@code nanos} passed. Returns at once
     * when the word holds another value already (the kernel compares and sleeps atomically); may return early
     * (a signal). The calling thread only; does nothing where futex calls cannot be made.
     *
     * @param address  the word's address, 4-byte aligned.
     * @param expected the value that means "asleep".
     * @param nanos    the longest sleep.
     */
    public void await(final long address, final int expected, final long nanos)
    {
        if (!AVAILABLE)
        {
            return;
        }
        if (timeout == null)
        {
            timeout = new Memory(2L * Long.BYTES);
        }
        timeout.setLong(0, nanos / NANOS_PER_SECOND);
        timeout.setLong(Long.BYTES, nanos % NANOS_PER_SECOND);
        Syscall.syscall(Syscall.NUMBER, address, FUTEX_WAIT, expected, timeout, 0L, 0);
    }

    /**
     * Wake a thread sleeping in {@link #await} on the word at {@code address}, in this process or another.
     *
     * @param address the word's address.
     */
    public static void wake(final long address)
    {
        if (!AVAILABLE)
        {
            return;
        }
        Syscall.syscall(Syscall.NUMBER, address, FUTEX_WAKE, 1, null, 0L, 0);
    }

    /** The C library's {@code syscall}, bound once; {@link #NUMBER} is {@code SYS_futex} here, or 0 when unbound. */
    private static final class Syscall
    {
        static final long NUMBER = bind();

        private Syscall()
        {
        }

        static native long syscall(long number, long address, int operation, int value, Pointer timeout, long address2,
            int value3);

        private static long bind()
        {
            final String arch = System.getProperty("os.arch", "");
            final long number = "amd64".equals(arch) || "x86_64".equals(arch) ? 202 : "aarch64".equals(arch) ? 98 : 0;
            if (number == 0 || !System.getProperty("os.name", "").startsWith("Linux"))
            {
                return 0;
            }
            try
            {
                Native.register(Syscall.class, "c");
                return number;
            }
            catch (final LinkageError | RuntimeException ex)
            {
                // no native part for this machine, or a C library JNA cannot open: the doorbell is not slept on
                return 0;
            }
        }
    }
}
