package io.sluice.detect.yaml;

import io.sluice.cel.CelPaths;
import io.sluice.policy.EventView;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code workload} variable of Tracee's YAML detector CEL ({@code tracee.v1beta1.Workload}), built from the decoded
 * event: the fields Sluice's events carry, under Tracee's names. Built only when an expression needs it (a condition,
 * or an output field that is not a plain copy); it allocates.
 */
final class TraceeWorkload
{
    /** Tracee's {@code Workload} fields Sluice knows: an expression selecting another one is refused. */
    static final Map<String, Object> TYPE = CelPaths.type(
        "process", CelPaths.type(
            "executable", CelPaths.type("path", CelPaths.LEAF),
            "unique_id", CelPaths.LEAF,
            "host_pid", CelPaths.LEAF,
            "pid", CelPaths.LEAF,
            "real_user", CelPaths.type("id", CelPaths.LEAF),
            "thread", CelPaths.type("name", CelPaths.LEAF, "host_tid", CelPaths.LEAF, "tid", CelPaths.LEAF,
                "syscall", CelPaths.LEAF)),
        "container", CelPaths.type("id", CelPaths.LEAF, "name", CelPaths.LEAF, "image", CelPaths.type("name", CelPaths.LEAF),
            "started", CelPaths.LEAF),
        "k8s", CelPaths.type("pod", CelPaths.type("name", CelPaths.LEAF, "uid", CelPaths.LEAF),
            "namespace", CelPaths.type("name", CelPaths.LEAF)));

    private TraceeWorkload()
    {
    }

    /**
     * @param event the decoded event.
     * @return its workload as CEL reads it (ids as unsigned, as Tracee's {@code UInt32Value}s).
     */
    static Map<String, Object> of(final EventView event)
    {
        final Map<String, Object> process = new HashMap<>();
        process.put("executable", Map.of("path", text(event.executable(), event.executableLength())));
        final io.sluice.process.ProcessEntry entry = event.processEntry();
        process.put("unique_id", com.google.common.primitives.UnsignedLong.valueOf(entry == null ? 0 : entry.uniqueId() & 0xFFFFFFFFL));
        process.put("host_pid", unsigned(event.hostPid()));
        process.put("pid", unsigned(event.pid()));
        process.put("real_user", Map.of("id", unsigned(event.uid())));
        process.put("thread", Map.of("name", text(event.comm(), event.commLength()), "host_tid", unsigned(event.hostTid()),
            "tid", unsigned(event.nsTid()), "syscall", text(event.syscall(), event.syscallLength())));
        return Map.of("process", process,
            "container", Map.of("id", text(event.containerId(), event.containerIdLength()),
                "name", text(event.containerName(), event.containerNameLength()),
                "image", Map.of("name", text(event.containerImage(), event.containerImageLength())),
                "started", event.containerRunning()),
            "k8s", Map.of("pod", Map.of("name", text(event.podName(), event.podNameLength()),
                    "uid", text(event.podUid(), event.podUidLength())),
                "namespace", Map.of("name", text(event.podNamespace(), event.podNamespaceLength()))));
    }

    static String text(final byte[] bytes, final int length)
    {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static com.google.common.primitives.UnsignedLong unsigned(final int value)
    {
        return com.google.common.primitives.UnsignedLong.fromLongBits(value & 0xFFFFFFFFL);
    }
}
