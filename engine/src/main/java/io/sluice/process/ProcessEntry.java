package io.sluice.process;

/**
 * What the engine knows about one live process (thread group), reused from a pool once the process exits.
 * Mutable and owned by the ingest thread only.
 */
public final class ProcessEntry
{

    /** Longest executable path kept; longer paths are cut (the event's own pathname argument is whole). */
    public static final int MAX_PATH = 4096;
    /** Longest argument text kept (Tetragon's {@code arguments}: argv after argv[0], joined by spaces). */
    public static final int MAX_ARGUMENTS = 4096;

    int hostPid;
    int nsPid;
    int hostPpid;
    long uniqueId;
    int uid;
    long cgroupId;
    final byte[] comm = new byte[16];
    int commLength;
    byte[] exe = new byte[256];
    int exeLength;
    byte[] containerId = ContainerIds.NONE;
    boolean containerNew;
    final ArgumentText args = new ArgumentText(MAX_ARGUMENTS);
    /** The entry of the process that forked this one, kept while it has live descendants even after it exits. */
    ProcessEntry parent;
    /** Live entries whose {@link #parent} this is. */
    int children;
    /** Exited, kept only as an ancestor. */
    boolean exited;

    void reset(final int hostPid, final int nsPid, final int hostPpid, final long startNanos, final int uid)
    {
        this.hostPid = hostPid;
        this.nsPid = nsPid;
        this.hostPpid = hostPpid;
        this.uniqueId = uniqueId(hostPid, startNanos);
        this.uid = uid;
        this.cgroupId = 0;
        this.commLength = 0;
        this.exeLength = 0;
        this.containerId = ContainerIds.NONE;
        this.containerNew = false;
        this.args.clear();
        this.exited = false;
    }

    void exe(final byte[] src, final int offset, final int length)
    {
        final int copy = Math.min(length, MAX_PATH);
        if (exe.length < copy)
        {
            exe = new byte[Math.min(MAX_PATH, Math.max(copy, exe.length * 2))];
        }
        System.arraycopy(src, offset, exe, 0, copy);
        exeLength = copy;
    }

    void comm(final byte[] src, final int length)
    {
        commLength = Math.min(length, comm.length);
        System.arraycopy(src, 0, comm, 0, commLength);
    }

    void copyIdentityFrom(final ProcessEntry parent)
    {
        exe(parent.exe, 0, parent.exeLength);
        comm(parent.comm, parent.commLength);
        containerId = parent.containerId;
        containerNew = parent.containerNew;
        cgroupId = parent.cgroupId;
        args.copyOf(parent.args);
    }

    /**
     * The arguments of the image a process runs, from an exec's {@code argv} (a STR_ARRAY value), as Tetragon joins
     * them ({@link ArgumentText}).
     *
     * @param strArray the STR_ARRAY bytes.
     * @param length   how many.
     */
    void arguments(final byte[] strArray, final int length)
    {
        args.ofStrArray(strArray, 0, length);
    }

    /** @return the argument text bytes (valid up to {@link #argumentsLength()}). */
    public byte[] argumentsBytes()
    {
        return args.bytes();
    }

    /** @return the argument text's length (0 when unknown or none). */
    public int argumentsLength()
    {
        return args.length();
    }

    /**
     * @return the entry of the process that forked this one (whatever its pid is now used by), or null when unknown:
     *         an ancestor that exited stays reachable while it has live descendants.
     */
    public ProcessEntry parent()
    {
        return parent;
    }

    /** @return true when the process's container was first seen after Sluice started. */
    public boolean containerNew()
    {
        return containerNew;
    }

    /** @return the command name bytes (valid up to {@link #commLength()}). */
    public byte[] commBytes()
    {
        return comm;
    }

    /** @return the command name's length. */
    public int commLength()
    {
        return commLength;
    }

    /** @return the executable path bytes (valid up to {@link #exeLength()}). */
    public byte[] exeBytes()
    {
        return exe;
    }

    /** @return the executable path's length. */
    public int exeLength()
    {
        return exeLength;
    }

    /** @return the real uid the process had when the tree learnt of it. */
    public int uid()
    {
        return uid;
    }

    /**
     * A process's unique id: its host pid and start time mixed into 64 bits, so pid reuse gives a new id.
     *
     * @param hostPid    host pid.
     * @param startNanos start time, epoch nanoseconds.
     * @return the id.
     */
    public static long uniqueId(final int hostPid, final long startNanos)
    {
        long z = startNanos * 0x9E3779B97F4A7C15L + hostPid;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    /**
     * @return host pid.
     */
    public int hostPid()
    {
        return hostPid;
    }

    /**
     * @return pid in the process's own pid namespace.
     */
    public int nsPid()
    {
        return nsPid;
    }

    /**
     * @return the parent's host pid.
     */
    public int hostPpid()
    {
        return hostPpid;
    }

    /**
     * @return unique id.
     */
    public long uniqueId()
    {
        return uniqueId;
    }

    /**
     * @return the executable path as text (allocates: for tests and diagnostics).
     */
    public String exeString()
    {
        return new String(exe, 0, exeLength, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @return the container id as text, empty for host processes (allocates).
     */
    public String containerIdString()
    {
        return new String(containerId, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
