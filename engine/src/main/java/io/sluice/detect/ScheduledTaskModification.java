package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.util.List;

/**
 * Tracee's TRC-1027 {@code scheduled_task_mod}: a cron file is opened for writing or renamed into place, or a
 * scheduling command ({@code crontab}, {@code at}, {@code batch}, {@code launchd}) runs: ways to persist across a
 * reboot. The syscalls carry the path as the caller wrote it (Tracee's hook sees it resolved), so a relative path
 * does not match.
 */
public final class ScheduledTaskModification implements Detector
{
    private static final TextPattern[] CRON = FileAccess.patterns("/etc/crontab", "/etc/anacrontab", "/etc/cron.deny", "/etc/cron.allow",
        "/etc/cron.hourly/*", "/etc/cron.daily/*", "/etc/cron.weekly/*", "/etc/cron.monthly/*", "/etc/cron.d/*",
        "/var/spool/cron/crontabs/*", "var/spool/anacron/*");
    private static final byte[][] COMMANDS = FileAccess.utf8("crontab", "at", "batch", "launchd");
    private static final Threat THREAT = Threat.of("TRC-1027",
        "Scheduled tasks modification detected",
        "The task scheduling functionality or files were modified. Crontab schedules task execution or enables task " +
        "execution at boot time. Adversaries may add or modify scheduled tasks in order to persist a reboot, thus " +
        "maintaining malicious execution on the affected host.",
        Threat.MEDIUM, "Persistence", "T1053.003", "Cron", "persistence");

    @Override
    public String eventName()
    {
        return "scheduled_task_mod";
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
            return Execs.executableNamed(event, COMMANDS);
        }
        return FileAccess.matches(event, FileAccess.written(event), CRON);
    }
}
