package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.util.List;

/**
 * Tracee's TRC-107 {@code ld_preload}: a program runs with {@code LD_PRELOAD} or {@code LD_LIBRARY_PATH} in its
 * environment, or {@code /etc/ld.so.preload} is opened for writing or renamed into place: ways to load a library
 * before any other and hook a process's functions.
 * <p>
 * Differs from Tracee: the environment is read from {@code sched_process_exec}'s {@code env}, captured only with
 * {@code --output exec-env} (Tracee needs its environment enrichment the same way); Tracee adds the variable as
 * data, Sluice's detections carry no data of their own (the trigger's {@code env} is in {@code detected_from}). The
 * syscalls carry the path as the caller wrote it (Tracee's hook sees it resolved), so a relative path does not
 * match.
 */
public final class LdPreload implements Detector
{
    private static final byte[][] PRELOAD_VARIABLES = FileAccess.utf8("LD_PRELOAD=", "LD_LIBRARY_PATH=");
    private static final TextPattern[] PRELOAD_FILE = FileAccess.patterns("*/etc/ld.so.preload");
    private static final Threat THREAT = Threat.of("TRC-107",
        "LD_PRELOAD code injection detected",
        "LD_PRELOAD usage was detected. LD_PRELOAD lets you load your library before any other library, allowing you to " +
        "hook functions in a process. Adversaries may use this technique to change your applications' behavior or load " +
        "their own programs.",
        Threat.MEDIUM, "Persistence", "T1574", "Hijack Execution Flow", "persistence");

    @Override
    public String eventName()
    {
        return "ld_preload";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("sched_process_exec", "open", "openat", "openat2", "creat", "rename", "renameat", "renameat2");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        if (event.eventId() == Execs.EXEC)
        {
            return Execs.environmentHas(event, PRELOAD_VARIABLES);
        }
        return FileAccess.matches(event, FileAccess.written(event), PRELOAD_FILE);
    }
}
