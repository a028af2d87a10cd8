package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.util.List;

/**
 * Tracee's TRC-1019 {@code docker_abuse}: in a started container, the Docker socket ({@code *docker.sock}) is opened
 * for writing or connected to (a Unix socket address ending in {@code docker.sock}), to drive the host's Docker
 * daemon.
 * <p>
 * Differs from Tracee: Tracee watches the {@code security_file_open} and {@code security_socket_connect} hooks;
 * Sluice watches the open syscalls and {@code connect}, and a call that failed raises nothing. The syscalls carry
 * the path as the caller wrote it (Tracee's hook sees it resolved), so a relative path does not match.
 */
public final class DockerAbuse implements Detector
{
    private static final int AF_UNIX = 1;
    private static final TextPattern[] DOCKER_SOCKET = FileAccess.patterns("*docker.sock");
    private static final byte[] SOCKET_NAME = "docker.sock".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] ADDR = "addr".getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
        return List.of("open", "openat", "openat2", "creat", "connect");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        if (!event.containerRunning())
        {
            return false;
        }
        final int address = event.dataIndex(ADDR);
        if (address < 0)
        {
            return FileAccess.matches(event, FileAccess.openedForWrite(event), DOCKER_SOCKET);
        }
        if (event.hasRetval() && event.retval() < 0)
        {
            return false;
        }
        // a SOCKADDR value: [u16 family][path bytes] for AF_UNIX
        final byte[] value = event.dataValue(address);
        int end = event.dataValueLength(address);
        if (end < 2 || ((value[0] & 0xff) | (value[1] & 0xff) << 8) != AF_UNIX)
        {
            return false;
        }
        while (end > 2 && value[end - 1] == 0)
        {
            end--;
        }
        return end - SOCKET_NAME.length >= 2 && ByteSearch.regionEquals(value, end, end - SOCKET_NAME.length, SOCKET_NAME);
    }
}
