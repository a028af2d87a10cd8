package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.util.List;

/**
 * Tracee's TRC-1019 {@code docker_abuse}: in a started container, the Docker socket ({@code *docker.sock}) is opened
 * for writing, to drive the host's Docker daemon.
 * <p>
 * Differs from Tracee: Tracee also watches {@code security_socket_connect} to a Unix socket of that name; Sluice's
 * {@code connect} records carry the address, but that half is not done yet. The syscalls carry the path as the caller wrote it (Tracee's hook sees it resolved), so a relative path does not match.
 */
public final class DockerAbuse implements Detector
{
    private static final TextPattern[] DOCKER_SOCKET = FileAccess.patterns("*docker.sock");
    private static final Threat THREAT = Threat.of("TRC-1019",
        "Docker socket abuse detected",
        "An attempt to abuse the Docker UNIX socket inside a container was detected. docker.sock is the UNIX socket " +
        "that Docker uses as the entry point to the Docker API. Adversaries may attempt to abuse this socket to " +
        "compromise the system.",
        Threat.MEDIUM, "Privilege Escalation", "T1068", "Exploitation for Privilege Escalation", "privilege-escalation");

    @Override
    public String eventName()
    {
        return "docker_abuse";
    }

    @Override
    public List<String> inputs()
    {
        return FileAccess.OPENS;
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        return event.containerRunning() && FileAccess.matches(event, FileAccess.openedForWrite(event), DOCKER_SOCKET);
    }
}
