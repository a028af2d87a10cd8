package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.util.List;

/**
 * Tracee's TRC-1028 {@code sudoers_modification}: a sudoers file is opened for writing or renamed into place, to
 * elevate privileges through sudo. The syscalls carry the path as the caller wrote it (Tracee's hook sees it
 * resolved), so a relative path does not match.
 */
public final class SudoersModification implements Detector
{
    private static final TextPattern[] SUDOERS = FileAccess.patterns("/etc/sudoers", "/private/etc/sudoers", "/etc/sudoers.d/*",
        "/private/etc/sudoers.d/*");
    private static final Threat THREAT = Threat.of("TRC-1028",
        "Sudoers file modification detected",
        "The sudoers file was modified. The sudoers file is a configuration file which controls the permissions and " +
        "options of the sudo feature. Adversaries may alter the sudoers file to elevate privileges, execute commands as " +
        "other users or spawn processes with higher privileges.",
        Threat.MEDIUM, "Privilege Escalation", "T1548.003", "Sudo and Sudo Caching", "privilege-escalation");

    @Override
    public String eventName()
    {
        return "sudoers_modification";
    }

    @Override
    public List<String> inputs()
    {
        return FileAccess.OPENS_AND_RENAMES;
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        return FileAccess.matches(event, FileAccess.written(event), SUDOERS);
    }
}
