package io.sluice.codec.sbe;

import org.agrona.DirectBuffer;

/**
 * The variable-length fields of an {@code Event}, numbered by wire position (the schema's declaration order, ids 100
 * .. 118): the names {@link EventRecordWriter#varData} writes them by, and the one place that reads any of them by
 * number, so a re-encoder can copy them in a loop. All are strings but the last, {@link #USER_STACK}
 * ({@link UserStackBlob}, schema version 3: a record of an older version reads it empty).
 */
public final class EventVarData
{
    public static final int NAME = 0;
    public static final int THREAD_NAME = 1;
    public static final int SYSCALL = 2;
    public static final int EXECUTABLE_PATH = 3;
    public static final int CONTAINER_ID = 4;
    public static final int CONTAINER_NAME = 5;
    public static final int CONTAINER_IMAGE_ID = 6;
    public static final int CONTAINER_IMAGE_NAME = 7;
    public static final int POD_NAME = 8;
    public static final int POD_UID = 9;
    public static final int POD_NAMESPACE = 10;
    public static final int THREAT_NAME = 11;
    public static final int THREAT_DESCRIPTION = 12;
    public static final int TACTIC_NAME = 13;
    public static final int TECHNIQUE_ID = 14;
    public static final int TECHNIQUE_EXTERNAL_ID = 15;
    public static final int TECHNIQUE_NAME = 16;
    public static final int DETECTED_FROM_NAME = 17;
    /** {@code thread.user_stack_trace}'s frames ({@link UserStackBlob}). */
    public static final int USER_STACK = 18;
    /** How many there are. */
    public static final int COUNT = USER_STACK + 1;

    private EventVarData()
    {
    }

    /**
     * Wrap the next variable-length field of a record being decoded (fields must be read in order).
     *
     * @param from  the record, its variable data up to {@code field} read.
     * @param field which field, {@link #NAME} .. {@link #USER_STACK}.
     * @param view  wrapped around the field's bytes.
     */
    public static void wrap(final EventDecoder from, final int field, final DirectBuffer view)
    {
        switch (field)
        {
            case NAME -> from.wrapName(view);
            case THREAD_NAME -> from.wrapThreadName(view);
            case SYSCALL -> from.wrapSyscall(view);
            case EXECUTABLE_PATH -> from.wrapExecutablePath(view);
            case CONTAINER_ID -> from.wrapContainerId(view);
            case CONTAINER_NAME -> from.wrapContainerName(view);
            case CONTAINER_IMAGE_ID -> from.wrapContainerImageId(view);
            case CONTAINER_IMAGE_NAME -> from.wrapContainerImageName(view);
            case POD_NAME -> from.wrapPodName(view);
            case POD_UID -> from.wrapPodUid(view);
            case POD_NAMESPACE -> from.wrapPodNamespace(view);
            case THREAT_NAME -> from.wrapThreatName(view);
            case THREAT_DESCRIPTION -> from.wrapThreatDescription(view);
            case TACTIC_NAME -> from.wrapTacticName(view);
            case TECHNIQUE_ID -> from.wrapTechniqueId(view);
            case TECHNIQUE_EXTERNAL_ID -> from.wrapTechniqueExternalId(view);
            case TECHNIQUE_NAME -> from.wrapTechniqueName(view);
            case DETECTED_FROM_NAME -> from.wrapDetectedFromName(view);
            case USER_STACK -> from.wrapUserStack(view);
            default -> throw new IllegalArgumentException("no variable data field " + field);
        }
    }
}
