package io.sluice.format.gotemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * Every field name of the event's message tree ({@code v1beta1.Event} and what it holds, proto names), each with a
 * small id: a template's {@code .workload.process.pid.value} is compiled once into the ids of its names, and the
 * record's {@link TemplateData} switches on ids instead of comparing strings per event. A name no message has gets
 * {@link #UNKNOWN}: still a valid map key, and an execution error on a message, as in Go.
 */
final class FieldNames
{
    /** A name that is not a field of any message of the event. */
    static final int UNKNOWN = -1;

    static final int TIMESTAMP = 0;
    static final int ID = 1;
    static final int NAME = 2;
    static final int POLICIES = 3;
    static final int WORKLOAD = 4;
    static final int DATA = 5;
    static final int THREAT = 6;
    static final int DETECTED_FROM = 7;
    static final int SECONDS = 8;
    static final int NANOS = 9;
    static final int VALUE = 10;
    static final int MATCHED = 11;
    static final int PROCESS = 12;
    static final int CONTAINER = 13;
    static final int POD = 14;
    static final int THREAD = 15;
    static final int PID = 16;
    static final int REAL_USER = 17;
    static final int EXECUTABLE = 18;
    static final int ANCESTORS = 19;
    static final int UNIQUE_ID = 20;
    static final int HOST_PID = 21;
    static final int USER = 22;
    static final int START_TIME = 23;
    static final int HOST_TID = 24;
    static final int TID = 25;
    static final int SYSCALL = 26;
    static final int COMPAT = 27;
    static final int PATH = 28;
    static final int IMAGE = 29;
    static final int IS_RUNNING = 30;
    static final int UID = 31;
    static final int NAMESPACE = 32;
    static final int DESCRIPTION = 33;
    static final int MITRE = 34;
    static final int SEVERITY = 35;
    static final int PROPERTIES = 36;
    static final int TACTIC = 37;
    static final int TECHNIQUE = 38;
    static final int EXTERNAL_ID = 39;
    static final int INT32 = 40;
    static final int INT64 = 41;
    static final int U_INT32 = 42;
    static final int U_INT64 = 43;
    static final int STR = 44;
    static final int BYTES = 45;
    static final int BOOL = 46;
    static final int STR_ARRAY = 47;
    static final int INT32_ARRAY = 48;
    static final int U_INT64_ARRAY = 49;
    static final int SOCKADDR = 50;
    static final int SA_FAMILY = 51;
    static final int SUN_PATH = 52;
    static final int SIN_ADDR = 53;
    static final int SIN_PORT = 54;
    static final int SIN6_ADDR = 55;
    static final int SIN6_PORT = 56;
    static final int SIN6_FLOWINFO = 57;
    static final int SIN6_SCOPEID = 58;
    static final int USER_STACK_TRACE = 59;
    static final int ADDRESSES = 60;
    static final int ADDRESS = 61;
    static final int SYMBOL = 62;
    /** How many field names there are. */
    static final int COUNT = 63;

    private static final String[] NAMES = {
        "timestamp", "id", "name", "policies", "workload", "data", "threat", "detected_from", "seconds", "nanos",
        "value", "matched", "process", "container", "pod", "thread", "pid", "real_user", "executable", "ancestors",
        "unique_id", "host_pid", "user", "start_time", "host_tid", "tid", "syscall", "compat", "path", "image",
        "is_running", "uid", "namespace", "description", "mitre", "severity", "properties", "tactic", "technique",
        "external_id", "int32", "int64", "u_int32", "u_int64", "str", "bytes", "bool", "str_array", "int32_array",
        "u_int64_array", "sockaddr", "sa_family", "sun_path", "sin_addr", "sin_port", "sin6_addr", "sin6_port",
        "sin6_flowinfo", "sin6_scopeid", "user_stack_trace", "addresses", "address", "symbol"};

    private static final Map<String, Integer> IDS = new HashMap<>();

    static
    {
        for (int i = 0; i < NAMES.length; i++)
        {
            IDS.put(NAMES[i], i);
        }
    }

    private FieldNames()
    {
    }

    /**
     * @param name a field name as written after a dot.
     * @return its id, or {@link #UNKNOWN}.
     */
    static int idOf(final String name)
    {
        final Integer id = IDS.get(name);
        return id == null ? UNKNOWN : id;
    }

    /**
     * @param id a field id.
     * @return its name.
     */
    static String nameOf(final int id)
    {
        return NAMES[id];
    }
}
