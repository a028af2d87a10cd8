package io.sluice.detect.yaml;

import io.sluice.codec.catalog.ArgType;
import io.sluice.policy.EventView;

/**
 * An output expression that is one field of {@code workload} ({@code workload.container.id}), copied from the decoded
 * event without allocating, when the field's declared type is the workload field's own.
 */
enum WorkloadField
{
    EXECUTABLE_PATH("workload.process.executable.path", true),
    HOST_PID("workload.process.host_pid", false),
    PID("workload.process.pid", false),
    USER_ID("workload.process.real_user.id", false),
    THREAD_NAME("workload.process.thread.name", true),
    HOST_TID("workload.process.thread.host_tid", false),
    TID("workload.process.thread.tid", false),
    SYSCALL("workload.process.thread.syscall", true),
    CONTAINER_ID("workload.container.id", true),
    CONTAINER_NAME("workload.container.name", true),
    CONTAINER_IMAGE("workload.container.image.name", true),
    POD_NAME("workload.k8s.pod.name", true),
    POD_UID("workload.k8s.pod.uid", true),
    POD_NAMESPACE("workload.k8s.namespace.name", true);

    private final String path;
    private final boolean text;

    WorkloadField(final String path, final boolean text)
    {
        this.path = path;
        this.text = text;
    }

    /**
     * @param expression an output expression.
     * @return the workload field it is, or null.
     */
    static WorkloadField of(final String expression)
    {
        for (final WorkloadField field : values())
        {
            if (field.path.equals(expression))
            {
                return field;
            }
        }
        return null;
    }

    /**
     * @param event the trigger.
     * @param out   where the value goes.
     * @return false when the declared type is not the field's own (the CEL program answers then).
     */
    boolean copy(final EventView event, final OutputField out)
    {
        if (text != (out.type == ArgType.STR))
        {
            return false;
        }
        if (!text && out.type != ArgType.U_INT32 && out.type != ArgType.U_INT64 && out.type != ArgType.INT64)
        {
            return false;
        }
        switch (this)
        {
            case EXECUTABLE_PATH -> out.bytes(event.executable(), event.executableLength());
            case THREAD_NAME -> out.bytes(event.comm(), event.commLength());
            case SYSCALL -> out.bytes(event.syscall(), event.syscallLength());
            case CONTAINER_ID -> out.bytes(event.containerId(), event.containerIdLength());
            case CONTAINER_NAME -> out.bytes(event.containerName(), event.containerNameLength());
            case CONTAINER_IMAGE -> out.bytes(event.containerImage(), event.containerImageLength());
            case POD_NAME -> out.bytes(event.podName(), event.podNameLength());
            case POD_UID -> out.bytes(event.podUid(), event.podUidLength());
            case POD_NAMESPACE -> out.bytes(event.podNamespace(), event.podNamespaceLength());
            case HOST_PID -> out.intValue = event.hostPid() & 0xFFFFFFFFL;
            case PID -> out.intValue = event.pid() & 0xFFFFFFFFL;
            case USER_ID -> out.intValue = event.uid() & 0xFFFFFFFFL;
            case HOST_TID -> out.intValue = event.hostTid() & 0xFFFFFFFFL;
            default -> out.intValue = event.nsTid() & 0xFFFFFFFFL;
        }
        return true;
    }
}
