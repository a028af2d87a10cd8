package io.sluice.detect;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.policy.EventView;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tracee's TRC-104 {@code dynamic_code_loading}: memory that was writable is made executable and no longer writable
 * ({@code mprotect} with {@code PROT_EXEC} and without {@code PROT_WRITE} of a writable region: Tracee's
 * {@code mem_prot_alert} with alert 4, {@code ALERT_MPROT_W_REM}), the step after writing code into memory to run it.
 * <p>
 * Differs from Tracee: Tracee reads the region's previous protection in the kernel; Sluice learns it from the
 * process's own {@code mmap}s and {@code mprotect}s with {@code PROT_WRITE} that succeeded, by the region's start
 * address, per process (host pid) in a fixed table of {@value #SLOTS} regions where a collision forgets the older
 * one ({@code munmap} forgets too). A region mapped before Sluice started, or made executable from an address other
 * than the one it was made writable at, is not known.
 */
public final class DynamicCodeLoading implements Detector
{
    static final int SLOTS = 4096;

    private static final long PROT_WRITE = 2;
    private static final long PROT_EXEC = 4;
    private static final int MMAP = EventCatalog.standard().byName("mmap").id();
    private static final int MUNMAP = EventCatalog.standard().byName("munmap").id();
    private static final byte[] ADDR = "addr".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PROT = "prot".getBytes(StandardCharsets.UTF_8);
    private static final Threat THREAT = Threat.of("TRC-104",
        "Dynamic code loading detected",
        "Possible dynamic code loading was detected as the binary's memory is both writable and executable. Writing to " +
        "an executable allocated memory region could be a technique used by adversaries to run code undetected and " +
        "without dropping executables.",
        Threat.MEDIUM, "Defense Evasion", "T1027.002", "Software Packing", "defense-evasion");

    /** Per slot: the host pid of a writable region, and its start address. */
    private final int[] pids = new int[SLOTS];
    private final long[] starts = new long[SLOTS];
    private final boolean[] used = new boolean[SLOTS];

    @Override
    public String eventName()
    {
        return "dynamic_code_loading";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("mmap", "mprotect", "munmap");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        // mmap returns the address or -errno; mprotect and munmap 0 or -errno
        if (event.hasRetval() && event.retval() < 0 && event.retval() > -4096)
        {
            return false;
        }
        final int addr = event.dataIndex(ADDR);
        final int prot = event.dataIndex(PROT);
        final int id = event.eventId();
        if (id == MUNMAP)
        {
            if (addr >= 0)
            {
                forget(event.hostPid(), event.dataInt(addr));
            }
            return false;
        }
        if (prot < 0 || addr < 0 && id != MMAP)
        {
            return false;
        }
        final long protection = event.dataInt(prot);
        final long start = id == MMAP ? (event.hasRetval() ? event.retval() : 0) : event.dataInt(addr);
        if ((protection & PROT_WRITE) != 0)
        {
            if (start != 0)
            {
                remember(event.hostPid(), start);
            }
            return false;
        }
        final boolean wasWritable = id != MMAP && forget(event.hostPid(), start);
        return wasWritable && (protection & PROT_EXEC) != 0;
    }

    private static int slot(final int hostPid, final long start)
    {
        final long mixed = (start ^ (long) hostPid << 40) * 0x9E37_79B9_7F4A_7C15L;
        return (int) (mixed >>> 52) & (SLOTS - 1);
    }

    private void remember(final int hostPid, final long start)
    {
        final int slot = slot(hostPid, start);
        pids[slot] = hostPid;
        starts[slot] = start;
        used[slot] = true;
    }

    /** @return true when the region was known writable (it is forgotten now). */
    private boolean forget(final int hostPid, final long start)
    {
        final int slot = slot(hostPid, start);
        if (used[slot] && pids[slot] == hostPid && starts[slot] == start)
        {
            used[slot] = false;
            return true;
        }
        return false;
    }
}
