package io.sluice.detect;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.policy.EventView;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tracee's TRC-101 {@code stdio_over_socket}: a process's standard input, output or error (fd 0, 1 or 2) becomes an
 * internet socket, the base of a reverse shell: either the socket connected is itself fd 0-2, or a connected socket is
 * duplicated onto fd 0-2 ({@code dup2}, {@code dup3}). A port of 0 is not one, as in Tracee.
 * <p>
 * Differs from Tracee: Tracee's {@code socket_dup} event knows in the kernel that the duplicated fd is a socket and
 * its peer; Sluice learns it from the process's own {@code connect}s (done or in progress) and follows it through its
 * {@code dup2}/{@code dup3}s and {@code close}s, per process (host pid) in a fixed table of {@value #SLOTS} fds where
 * a collision forgets the older one. A socket connected before Sluice started, by another process (a parent before
 * a fork) or duplicated by {@code dup} or {@code fcntl} is not known; a failed connect raises nothing.
 */
public final class StdioOverSocket implements Detector
{
    static final int SLOTS = 4096;

    private static final long EINPROGRESS = 115;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int CONNECT = EventCatalog.standard().byName("connect").id();
    private static final int CLOSE = EventCatalog.standard().byName("close").id();
    private static final byte[] SOCKFD = "sockfd".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ADDR = "addr".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OLDFD = "oldfd".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEWFD = "newfd".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FD = "fd".getBytes(StandardCharsets.UTF_8);
    private static final Threat THREAT = Threat.of("TRC-101",
        "Process standard input/output over socket detected",
        "A process has its standard input/output redirected to a socket. This behavior is the base of a Reverse Shell " +
        "attack, which is when an interactive shell being invoked from a target machine back to the attacker's machine, " +
        "giving it interactive control over the target. Adversaries may use a Reverse Shell to retain control over a " +
        "compromised target while bypassing security measures like network firewalls.",
        Threat.HIGH, "Execution", "T1059.004", "Unix Shell", "execution");

    /** Per slot: the (host pid, fd) of a connected internet socket, or 0. */
    private final long[] sockets = new long[SLOTS];

    @Override
    public String eventName()
    {
        return "stdio_over_socket";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("connect", "dup2", "dup3", "close");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        final int id = event.eventId();
        if (id == CONNECT)
        {
            return connected(event);
        }
        if (id == CLOSE)
        {
            final int fd = event.dataIndex(FD);
            if (fd >= 0)
            {
                forget(event.hostPid(), (int) event.dataInt(fd));
            }
            return false;
        }
        final int oldfd = event.dataIndex(OLDFD);
        final int newfd = event.dataIndex(NEWFD);
        if (oldfd < 0 || newfd < 0 || event.hasRetval() && event.retval() < 0)
        {
            return false;
        }
        final int to = (int) event.dataInt(newfd);
        if (!known(event.hostPid(), (int) event.dataInt(oldfd)))
        {
            forget(event.hostPid(), to);
            return false;
        }
        remember(event.hostPid(), to);
        return to >= 0 && to <= 2;
    }

    private boolean connected(final EventView event)
    {
        final int sockfd = event.dataIndex(SOCKFD);
        final int address = event.dataIndex(ADDR);
        if (sockfd < 0 || address < 0 || event.hasRetval() && event.retval() < 0 && event.retval() != -EINPROGRESS)
        {
            return false;
        }
        // a SOCKADDR value: [u16 family][u16 port]... (little-endian)
        final byte[] value = event.dataValue(address);
        if (event.dataValueLength(address) < 4)
        {
            return false;
        }
        final int family = (value[0] & 0xff) | (value[1] & 0xff) << 8;
        final int port = (value[2] & 0xff) | (value[3] & 0xff) << 8;
        if (family != AF_INET && family != AF_INET6 || port == 0)
        {
            return false;
        }
        final int fd = (int) event.dataInt(sockfd);
        remember(event.hostPid(), fd);
        return fd >= 0 && fd <= 2;
    }

    private static long key(final int hostPid, final int fd)
    {
        return (long) hostPid << 32 | (fd & 0xFFFF_FFFFL) | 1L << 63;
    }

    private static int slot(final long key)
    {
        final long mixed = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (mixed >>> 52) & (SLOTS - 1);
    }

    private boolean known(final int hostPid, final int fd)
    {
        final long key = key(hostPid, fd);
        return sockets[slot(key)] == key;
    }

    private void remember(final int hostPid, final int fd)
    {
        final long key = key(hostPid, fd);
        sockets[slot(key)] = key;
    }

    private void forget(final int hostPid, final int fd)
    {
        final long key = key(hostPid, fd);
        final int slot = slot(key);
        if (sockets[slot] == key)
        {
            sockets[slot] = 0;
        }
    }
}
