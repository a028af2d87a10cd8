package io.sluice.format.gotemplate;

import static io.sluice.format.gotemplate.FieldNames.ADDRESS;
import static io.sluice.format.gotemplate.FieldNames.ADDRESSES;
import static io.sluice.format.gotemplate.FieldNames.ANCESTORS;
import static io.sluice.format.gotemplate.FieldNames.BOOL;
import static io.sluice.format.gotemplate.FieldNames.BYTES;
import static io.sluice.format.gotemplate.FieldNames.COMPAT;
import static io.sluice.format.gotemplate.FieldNames.CONTAINER;
import static io.sluice.format.gotemplate.FieldNames.DATA;
import static io.sluice.format.gotemplate.FieldNames.DESCRIPTION;
import static io.sluice.format.gotemplate.FieldNames.DETECTED_FROM;
import static io.sluice.format.gotemplate.FieldNames.EXECUTABLE;
import static io.sluice.format.gotemplate.FieldNames.EXTERNAL_ID;
import static io.sluice.format.gotemplate.FieldNames.HOST_PID;
import static io.sluice.format.gotemplate.FieldNames.HOST_TID;
import static io.sluice.format.gotemplate.FieldNames.ID;
import static io.sluice.format.gotemplate.FieldNames.IMAGE;
import static io.sluice.format.gotemplate.FieldNames.INT32;
import static io.sluice.format.gotemplate.FieldNames.INT32_ARRAY;
import static io.sluice.format.gotemplate.FieldNames.INT64;
import static io.sluice.format.gotemplate.FieldNames.IS_RUNNING;
import static io.sluice.format.gotemplate.FieldNames.MATCHED;
import static io.sluice.format.gotemplate.FieldNames.MITRE;
import static io.sluice.format.gotemplate.FieldNames.NAME;
import static io.sluice.format.gotemplate.FieldNames.NAMESPACE;
import static io.sluice.format.gotemplate.FieldNames.NANOS;
import static io.sluice.format.gotemplate.FieldNames.PATH;
import static io.sluice.format.gotemplate.FieldNames.PID;
import static io.sluice.format.gotemplate.FieldNames.POD;
import static io.sluice.format.gotemplate.FieldNames.POLICIES;
import static io.sluice.format.gotemplate.FieldNames.PROCESS;
import static io.sluice.format.gotemplate.FieldNames.PROPERTIES;
import static io.sluice.format.gotemplate.FieldNames.REAL_USER;
import static io.sluice.format.gotemplate.FieldNames.SA_FAMILY;
import static io.sluice.format.gotemplate.FieldNames.SECONDS;
import static io.sluice.format.gotemplate.FieldNames.SEVERITY;
import static io.sluice.format.gotemplate.FieldNames.SIN6_ADDR;
import static io.sluice.format.gotemplate.FieldNames.SIN6_FLOWINFO;
import static io.sluice.format.gotemplate.FieldNames.SIN6_PORT;
import static io.sluice.format.gotemplate.FieldNames.SIN6_SCOPEID;
import static io.sluice.format.gotemplate.FieldNames.SIN_ADDR;
import static io.sluice.format.gotemplate.FieldNames.SIN_PORT;
import static io.sluice.format.gotemplate.FieldNames.SOCKADDR;
import static io.sluice.format.gotemplate.FieldNames.START_TIME;
import static io.sluice.format.gotemplate.FieldNames.STR;
import static io.sluice.format.gotemplate.FieldNames.STR_ARRAY;
import static io.sluice.format.gotemplate.FieldNames.SUN_PATH;
import static io.sluice.format.gotemplate.FieldNames.SYMBOL;
import static io.sluice.format.gotemplate.FieldNames.SYSCALL;
import static io.sluice.format.gotemplate.FieldNames.TACTIC;
import static io.sluice.format.gotemplate.FieldNames.TECHNIQUE;
import static io.sluice.format.gotemplate.FieldNames.THREAD;
import static io.sluice.format.gotemplate.FieldNames.THREAT;
import static io.sluice.format.gotemplate.FieldNames.TID;
import static io.sluice.format.gotemplate.FieldNames.TIMESTAMP;
import static io.sluice.format.gotemplate.FieldNames.UID;
import static io.sluice.format.gotemplate.FieldNames.UNIQUE_ID;
import static io.sluice.format.gotemplate.FieldNames.USER;
import static io.sluice.format.gotemplate.FieldNames.USER_STACK_TRACE;
import static io.sluice.format.gotemplate.FieldNames.U_INT32;
import static io.sluice.format.gotemplate.FieldNames.U_INT64;
import static io.sluice.format.gotemplate.FieldNames.U_INT64_ARRAY;
import static io.sluice.format.gotemplate.FieldNames.VALUE;
import static io.sluice.format.gotemplate.FieldNames.WORKLOAD;

/**
 * The shape of the event's message tree as templates see it (the {@code v1beta1.Event} protos, proto field names):
 * each message type's Go type name and fields in field-number order, and how {@link EventData} packs a handle (a
 * type in the high 32 bits, an index such as the data entry's in the low ones).
 */
final class EventSchema
{
    static final int EVENT = 1;
    static final int TIMESTAMP_MESSAGE = 2;
    static final int POLICIES_MESSAGE = 3;
    static final int WORKLOAD_MESSAGE = 4;
    static final int PROCESS_MESSAGE = 5;
    static final int THREAD_MESSAGE = 6;
    static final int START_TIME_MESSAGE = 7;
    static final int PID_MESSAGE = 8;
    static final int REAL_USER_MESSAGE = 9;
    static final int REAL_USER_ID_MESSAGE = 10;
    static final int EXECUTABLE_MESSAGE = 11;
    static final int HOST_PID_MESSAGE = 12;
    static final int USER_MESSAGE = 13;
    static final int USER_ID_MESSAGE = 14;
    static final int CONTAINER_MESSAGE = 15;
    static final int IMAGE_MESSAGE = 16;
    static final int POD_MESSAGE = 17;
    static final int THREAT_MESSAGE = 18;
    static final int MITRE_MESSAGE = 19;
    static final int TACTIC_MESSAGE = 20;
    static final int TECHNIQUE_MESSAGE = 21;
    static final int DETECTED_FROM_MESSAGE = 22;
    static final int ANCESTOR_MESSAGE = 23;
    static final int ANCESTOR_EXECUTABLE_MESSAGE = 24;
    static final int EVENT_VALUE_MESSAGE = 25;
    static final int STR_ARRAY_MESSAGE = 26;
    static final int INT32_ARRAY_MESSAGE = 27;
    static final int UINT64_ARRAY_MESSAGE = 28;
    static final int SOCKADDR_MESSAGE = 29;
    static final int USER_STACK_MESSAGE = 30;
    static final int STACK_ADDRESS_MESSAGE = 31;
    static final int MATCHED_LIST = 40;
    static final int ANCESTOR_LIST = 41;
    static final int DATA_LIST = 42;
    static final int DETECTED_DATA_LIST = 43;
    static final int STRING_LIST = 44;
    static final int INT32_LIST = 45;
    static final int UINT64_LIST = 46;
    static final int STACK_ADDRESS_LIST = 47;
    static final int PROPERTIES_MAP = 50;
    static final int EVENT_ID_ENUM = 60;
    static final int SEVERITY_ENUM = 61;
    static final int FAMILY_ENUM = 62;

    private static final String[] TYPE_NAMES = new String[63];
    private static final int[][] FIELDS = new int[32][];
    /** HAS[type][field]: the message type has that field (a table, so a lookup is one load). */
    private static final boolean[][] HAS = new boolean[32][FieldNames.COUNT];

    static
    {
        final int[] event = {TIMESTAMP, ID, NAME, POLICIES, WORKLOAD, DATA, THREAT, DETECTED_FROM};
        final int[] timestamp = {SECONDS, NANOS};
        final int[] wrapper = {VALUE};
        message(EVENT, "*v1beta1.Event", event);
        message(DETECTED_FROM_MESSAGE, "*v1beta1.Event", event);
        message(TIMESTAMP_MESSAGE, "*timestamppb.Timestamp", timestamp);
        message(START_TIME_MESSAGE, "*timestamppb.Timestamp", timestamp);
        message(POLICIES_MESSAGE, "*v1beta1.Policies", new int[] {MATCHED});
        message(WORKLOAD_MESSAGE, "*v1beta1.Workload", new int[] {PROCESS, CONTAINER, POD});
        message(PROCESS_MESSAGE, "*v1beta1.Process",
            new int[] {THREAD, PID, REAL_USER, EXECUTABLE, ANCESTORS, UNIQUE_ID, HOST_PID, USER});
        message(THREAD_MESSAGE, "*v1beta1.Thread", new int[] {NAME, START_TIME, UNIQUE_ID, HOST_TID, TID, SYSCALL, COMPAT,
            USER_STACK_TRACE});
        message(USER_STACK_MESSAGE, "*v1beta1.UserStackTrace", new int[] {ADDRESSES});
        message(STACK_ADDRESS_MESSAGE, "*v1beta1.StackAddress", new int[] {ADDRESS, SYMBOL});
        message(PID_MESSAGE, "*wrapperspb.UInt32Value", wrapper);
        message(HOST_PID_MESSAGE, "*wrapperspb.UInt32Value", wrapper);
        message(REAL_USER_ID_MESSAGE, "*wrapperspb.UInt32Value", wrapper);
        message(USER_ID_MESSAGE, "*wrapperspb.UInt32Value", wrapper);
        message(REAL_USER_MESSAGE, "*v1beta1.User", new int[] {ID});
        message(USER_MESSAGE, "*v1beta1.User", new int[] {ID});
        message(EXECUTABLE_MESSAGE, "*v1beta1.Executable", new int[] {PATH});
        message(ANCESTOR_EXECUTABLE_MESSAGE, "*v1beta1.Executable", new int[] {PATH});
        message(CONTAINER_MESSAGE, "*v1beta1.Container", new int[] {ID, NAME, IMAGE, IS_RUNNING});
        message(IMAGE_MESSAGE, "*v1beta1.ContainerImage", new int[] {ID, NAME});
        message(POD_MESSAGE, "*v1beta1.Pod", new int[] {NAME, UID, NAMESPACE});
        message(THREAT_MESSAGE, "*v1beta1.Threat", new int[] {NAME, DESCRIPTION, MITRE, SEVERITY, PROPERTIES});
        message(MITRE_MESSAGE, "*v1beta1.Mitre", new int[] {TACTIC, TECHNIQUE});
        message(TACTIC_MESSAGE, "*v1beta1.MitreTactic", new int[] {NAME});
        message(TECHNIQUE_MESSAGE, "*v1beta1.MitreTechnique", new int[] {ID, EXTERNAL_ID, NAME});
        message(ANCESTOR_MESSAGE, "*v1beta1.Ancestor", new int[] {UNIQUE_ID, HOST_PID, PID, EXECUTABLE});
        message(EVENT_VALUE_MESSAGE, "*v1beta1.EventValue", new int[] {NAME, INT32, INT64, U_INT32, U_INT64, STR, BYTES, BOOL,
            STR_ARRAY, INT32_ARRAY, U_INT64_ARRAY, SOCKADDR});
        message(STR_ARRAY_MESSAGE, "*v1beta1.StringArray", wrapper);
        message(INT32_ARRAY_MESSAGE, "*v1beta1.Int32Array", wrapper);
        message(UINT64_ARRAY_MESSAGE, "*v1beta1.UInt64Array", wrapper);
        message(SOCKADDR_MESSAGE, "*v1beta1.SockAddr",
            new int[] {SA_FAMILY, SUN_PATH, SIN_ADDR, SIN_PORT, SIN6_ADDR, SIN6_PORT, SIN6_FLOWINFO, SIN6_SCOPEID});
        TYPE_NAMES[MATCHED_LIST] = "[]string";
        TYPE_NAMES[ANCESTOR_LIST] = "[]*v1beta1.Ancestor";
        TYPE_NAMES[DATA_LIST] = "[]*v1beta1.EventValue";
        TYPE_NAMES[DETECTED_DATA_LIST] = "[]*v1beta1.EventValue";
        TYPE_NAMES[STRING_LIST] = "[]string";
        TYPE_NAMES[INT32_LIST] = "[]int32";
        TYPE_NAMES[UINT64_LIST] = "[]uint64";
        TYPE_NAMES[STACK_ADDRESS_LIST] = "[]*v1beta1.StackAddress";
        TYPE_NAMES[PROPERTIES_MAP] = "map[string]string";
        TYPE_NAMES[EVENT_ID_ENUM] = "v1beta1.EventId";
        TYPE_NAMES[SEVERITY_ENUM] = "v1beta1.Severity";
        TYPE_NAMES[FAMILY_ENUM] = "v1beta1.SaFamilyT";
    }

    private EventSchema()
    {
    }

    private static void message(final int type, final String name, final int[] fields)
    {
        TYPE_NAMES[type] = name;
        FIELDS[type] = fields;
        for (final int field : fields)
        {
            HAS[type][field] = true;
        }
    }

    static long handle(final int type, final int index)
    {
        return ((long)type << 32) | (index & 0xFFFF_FFFFL);
    }

    static int type(final long handle)
    {
        return (int)(handle >>> 32);
    }

    static int index(final long handle)
    {
        return (int)handle;
    }

    static String typeName(final long handle)
    {
        return TYPE_NAMES[type(handle)];
    }

    /**
     * @return the message's fields in field-number order.
     */
    static int[] fields(final long handle)
    {
        return FIELDS[type(handle)];
    }

    /**
     * @return true when the message type has that field ({@code value} of an {@code EventValue} included: the
     * accessor of the member that is set).
     */
    static boolean hasField(final long handle, final int field)
    {
        final int type = type(handle);
        return HAS[type][field] || (type == EVENT_VALUE_MESSAGE && field == VALUE);
    }
}
