package io.sluice.process;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Container ids from cgroup paths, in the forms the common runtimes use:
 * docker ({@code /docker/<id>}, {@code docker-<id>.scope}), containerd ({@code cri-containerd-<id>.scope},
 * {@code /kubepods/.../<id>}, systemd's {@code ...slice:cri-containerd:<id>}), cri-o ({@code crio-<id>.scope},
 * {@code crio-conmon-} excluded) and podman
 * ({@code libpod-<id>.scope}, {@code /libpod_parent/libpod-<id>}). An id is 64 lowercase hex characters.
 */
public final class ContainerIds
{
    /** No container: a host process. */
    public static final byte[] NONE = new byte[0];

    private static final Pattern ID = Pattern.compile(
        "(?:^|[/:])(?:docker-|cri-containerd-|crio-|libpod-)?([0-9a-f]{64})(?:\\.scope)?(?=/|$)");

    private ContainerIds()
    {
    }

    /**
     * @param cgroupPath a cgroup path such as {@code /system.slice/docker-<id>.scope}.
     * @return the container id's ASCII bytes, or {@link #NONE}.
     */
    public static byte[] fromCgroupPath(final String cgroupPath)
    {
        if (cgroupPath.contains("crio-conmon-"))
        {
            return NONE;
        }
        final Matcher matcher = ID.matcher(cgroupPath);
        String last = null;
        while (matcher.find())
        {
            last = matcher.group(1);
        }
        return last == null ? NONE : last.getBytes(StandardCharsets.US_ASCII);
    }
}
