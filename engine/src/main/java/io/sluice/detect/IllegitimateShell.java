package io.sluice.detect;

import io.sluice.policy.EventView;

import java.util.List;

/**
 * Tracee's TRC-1016 {@code illegitimate_shell}: a web server ({@code nginx}, {@code httpd}, {@code lighttpd}, {@code
 * apache}, ...) executes a shell: the process is now named like a shell and was named like a web server before the
 * exec ({@code prev_comm}), the mark of command execution through an exploited web application.
 */
public final class IllegitimateShell implements Detector
{
    private static final byte[][] SHELLS = FileAccess.utf8("ash", "bash", "csh", "ksh", "sh", "tcsh", "zsh", "dash");
    private static final byte[][] WEB_SERVERS = FileAccess.utf8("nginx", "httpd", "httpd-foregroun", "http-nio", "lighttpd", "apache",
        "apache2");
    private static final Threat THREAT = Threat.of("TRC-1016",
        "Web server spawned a shell",
        "A web-server program on your server spawned a shell program. Shell is the linux command-line program, web " +
        "servers usually don't run shell programs, so this alert might indicate an adversary is exploiting a web server " +
        "program to gain command execution on the server.",
        Threat.MEDIUM, "Initial Access", "T1190", "Exploit Public-Facing Application", "initial-access");

    @Override
    public String eventName()
    {
        return "illegitimate_shell";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("sched_process_exec");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        return FileAccess.equalsAny(event.comm(), 0, event.commLength(), SHELLS) && Execs.previousNameIn(event, WEB_SERVERS);
    }
}
