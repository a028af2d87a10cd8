package io.sluice.policy;

/**
 * A string filter on a process field: {@code comm=bash,zsh}, {@code executable!=/usr/bin/*},
 * {@code containerId=abc*}, {@code uts=web*}. {@code =} passes when any pattern matches, {@code !=} when none does.
 */
public final class TextCondition implements Condition
{
    /** The string fields a filter can name. */
    public enum Field
    {
        /** The thread's command name ({@code comm}). */
        COMM,
        /** The executable's path ({@code executable}, {@code binary}). */
        EXECUTABLE,
        /** The container id ({@code containerId}). */
        CONTAINER_ID,
        /** The UTS namespace's host name ({@code uts}, {@code hostName}; the sensor keeps its first 15 characters). */
        UTS,
        /** The container's image name ({@code containerImage}). */
        CONTAINER_IMAGE,
        /** The container's name ({@code containerName}). */
        CONTAINER_NAME,
        /** The pod's name ({@code podName}). */
        POD_NAME,
        /** The pod's namespace ({@code podNamespace}). */
        POD_NAMESPACE,
        /** The pod's uid ({@code podUid}). */
        POD_UID,
        /** The syscall the event happened in ({@code syscall}). */
        SYSCALL
    }

    private final Field field;
    private final boolean negated;
    private final TextPattern[] patterns;

    /**
     * @param field    the field.
     * @param negated  true for {@code !=}.
     * @param patterns the values.
     */
    public TextCondition(final Field field, final boolean negated, final TextPattern[] patterns)
    {
        this.field = field;
        this.negated = negated;
        this.patterns = patterns.clone();
    }

    /** Tracee counts any container id filter, {@code !=} included. */
    @Override
    public boolean selectsContainers()
    {
        return field == Field.CONTAINER_ID;
    }

    /**
     * @return true for the container and pod fields: as in Tracee, a filter on one passes only events of processes in
     *         a container, {@code !=} included ({@code containerName!=web} is "in a container not named web").
     */
    private boolean requiresContainer()
    {
        return field.ordinal() >= Field.CONTAINER_IMAGE.ordinal() && field != Field.SYSCALL;
    }

    @Override
    public boolean test(final EventView event)
    {
        final byte[] bytes;
        final int length;
        switch (field)
        {
            case COMM:
                bytes = event.comm();
                length = event.commLength();
                break;
            case EXECUTABLE:
                bytes = event.executable();
                length = event.executableLength();
                break;
            case UTS:
                bytes = event.utsName();
                length = event.utsNameLength();
                break;
            case CONTAINER_IMAGE:
                bytes = event.containerImage();
                length = event.containerImageLength();
                break;
            case CONTAINER_NAME:
                bytes = event.containerName();
                length = event.containerNameLength();
                break;
            case POD_NAME:
                bytes = event.podName();
                length = event.podNameLength();
                break;
            case POD_NAMESPACE:
                bytes = event.podNamespace();
                length = event.podNamespaceLength();
                break;
            case POD_UID:
                bytes = event.podUid();
                length = event.podUidLength();
                break;
            case SYSCALL:
                bytes = event.syscall();
                length = event.syscallLength();
                break;
            default:
                bytes = event.containerId();
                length = event.containerIdLength();
                break;
        }
        if (requiresContainer() && event.containerIdLength() == 0)
        {
            return false;
        }
        for (final TextPattern pattern : patterns)
        {
            if (pattern.matches(bytes, length))
            {
                return !negated;
            }
        }
        return negated;
    }

    /** @return the field. */
    public Field field()
    {
        return field;
    }

    /** @return true for {@code !=}. */
    public boolean negated()
    {
        return negated;
    }

    /** @return a copy of the patterns. */
    public TextPattern[] patterns()
    {
        return patterns.clone();
    }
}
