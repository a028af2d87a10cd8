package io.sluice.codec.json;

/**
 * The proto field names of {@code v1beta1.Event} and its parts, pre-encoded as the printer writes them
 * ({@code "name":}), so that writing a key is three word stores ({@link JsonKey}).
 */
final class JsonKeys
{
    // Event
    static final JsonKey TIMESTAMP = JsonKey.of("timestamp");
    static final JsonKey ID = JsonKey.of("id");
    static final JsonKey NAME = JsonKey.of("name");
    static final JsonKey POLICIES = JsonKey.of("policies");
    static final JsonKey WORKLOAD = JsonKey.of("workload");
    static final JsonKey DATA = JsonKey.of("data");
    static final JsonKey THREAT = JsonKey.of("threat");
    static final JsonKey DETECTED_FROM = JsonKey.of("detected_from");

    // Timestamp
    static final JsonKey SECONDS = JsonKey.of("seconds");
    static final JsonKey NANOS = JsonKey.of("nanos");

    // Policies
    static final JsonKey MATCHED = JsonKey.of("matched");

    // Workload, Process, Thread, User, Executable, Ancestor
    static final JsonKey PROCESS = JsonKey.of("process");
    static final JsonKey CONTAINER = JsonKey.of("container");
    static final JsonKey POD = JsonKey.of("pod");
    static final JsonKey THREAD = JsonKey.of("thread");
    static final JsonKey PID = JsonKey.of("pid");
    static final JsonKey REAL_USER = JsonKey.of("real_user");
    static final JsonKey EXECUTABLE = JsonKey.of("executable");
    static final JsonKey ANCESTORS = JsonKey.of("ancestors");
    static final JsonKey UNIQUE_ID = JsonKey.of("unique_id");
    static final JsonKey HOST_PID = JsonKey.of("host_pid");
    static final JsonKey USER = JsonKey.of("user");
    static final JsonKey START_TIME = JsonKey.of("start_time");
    static final JsonKey HOST_TID = JsonKey.of("host_tid");
    static final JsonKey TID = JsonKey.of("tid");
    static final JsonKey SYSCALL = JsonKey.of("syscall");
    static final JsonKey COMPAT = JsonKey.of("compat");
    static final JsonKey USER_STACK_TRACE = JsonKey.of("user_stack_trace");
    static final JsonKey VALUE = JsonKey.of("value");
    static final JsonKey PATH = JsonKey.of("path");

    // UserStackTrace, StackAddress
    static final JsonKey ADDRESSES = JsonKey.of("addresses");
    static final JsonKey ADDRESS = JsonKey.of("address");
    static final JsonKey SYMBOL = JsonKey.of("symbol");

    // Container, ContainerImage, Pod
    static final JsonKey IMAGE = JsonKey.of("image");
    static final JsonKey IS_RUNNING = JsonKey.of("is_running");
    static final JsonKey UID = JsonKey.of("uid");
    static final JsonKey NAMESPACE = JsonKey.of("namespace");

    // Threat, Mitre
    static final JsonKey DESCRIPTION = JsonKey.of("description");
    static final JsonKey MITRE = JsonKey.of("mitre");
    static final JsonKey SEVERITY = JsonKey.of("severity");
    static final JsonKey PROPERTIES = JsonKey.of("properties");
    static final JsonKey TACTIC = JsonKey.of("tactic");
    static final JsonKey TECHNIQUE = JsonKey.of("technique");
    static final JsonKey EXTERNAL_ID = JsonKey.of("external_id");

    // EventValue members
    static final JsonKey INT32 = JsonKey.of("int32");
    static final JsonKey INT64 = JsonKey.of("int64");
    static final JsonKey U_INT32 = JsonKey.of("u_int32");
    static final JsonKey U_INT64 = JsonKey.of("u_int64");
    static final JsonKey STR = JsonKey.of("str");
    static final JsonKey BYTES = JsonKey.of("bytes");
    static final JsonKey BOOL = JsonKey.of("bool");
    static final JsonKey STR_ARRAY = JsonKey.of("str_array");
    static final JsonKey INT32_ARRAY = JsonKey.of("int32_array");
    static final JsonKey U_INT64_ARRAY = JsonKey.of("u_int64_array");
    static final JsonKey SOCKADDR = JsonKey.of("sockaddr");
    static final JsonKey POINTER = JsonKey.of("pointer");

    // SockAddr
    static final JsonKey SA_FAMILY = JsonKey.of("sa_family");
    static final JsonKey SUN_PATH = JsonKey.of("sun_path");
    static final JsonKey SIN_ADDR = JsonKey.of("sin_addr");
    static final JsonKey SIN_PORT = JsonKey.of("sin_port");
    static final JsonKey SIN6_ADDR = JsonKey.of("sin6_addr");
    static final JsonKey SIN6_PORT = JsonKey.of("sin6_port");
    static final JsonKey SIN6_FLOWINFO = JsonKey.of("sin6_flowinfo");
    static final JsonKey SIN6_SCOPEID = JsonKey.of("sin6_scopeid");

    // Keys that open an object as their value: "name":{
    static final JsonKey CONTAINER_OPEN = JsonKey.objectOf("container");
    static final JsonKey DETECTED_FROM_OPEN = JsonKey.objectOf("detected_from");
    static final JsonKey EXECUTABLE_OPEN = JsonKey.objectOf("executable");
    static final JsonKey HOST_PID_OPEN = JsonKey.objectOf("host_pid");
    static final JsonKey ID_OPEN = JsonKey.objectOf("id");
    static final JsonKey IMAGE_OPEN = JsonKey.objectOf("image");
    static final JsonKey INT32_ARRAY_OPEN = JsonKey.objectOf("int32_array");
    static final JsonKey MITRE_OPEN = JsonKey.objectOf("mitre");
    static final JsonKey PID_OPEN = JsonKey.objectOf("pid");
    static final JsonKey POD_OPEN = JsonKey.objectOf("pod");
    static final JsonKey POLICIES_OPEN = JsonKey.objectOf("policies");
    static final JsonKey PROCESS_OPEN = JsonKey.objectOf("process");
    static final JsonKey PROPERTIES_OPEN = JsonKey.objectOf("properties");
    static final JsonKey REAL_USER_OPEN = JsonKey.objectOf("real_user");
    static final JsonKey SOCKADDR_OPEN = JsonKey.objectOf("sockaddr");
    static final JsonKey START_TIME_OPEN = JsonKey.objectOf("start_time");
    static final JsonKey STR_ARRAY_OPEN = JsonKey.objectOf("str_array");
    static final JsonKey TACTIC_OPEN = JsonKey.objectOf("tactic");
    static final JsonKey TECHNIQUE_OPEN = JsonKey.objectOf("technique");
    static final JsonKey THREAD_OPEN = JsonKey.objectOf("thread");
    static final JsonKey THREAT_OPEN = JsonKey.objectOf("threat");
    static final JsonKey TIMESTAMP_OPEN = JsonKey.objectOf("timestamp");
    static final JsonKey USER_OPEN = JsonKey.objectOf("user");
    static final JsonKey USER_STACK_TRACE_OPEN = JsonKey.objectOf("user_stack_trace");
    static final JsonKey U_INT64_ARRAY_OPEN = JsonKey.objectOf("u_int64_array");
    static final JsonKey WORKLOAD_OPEN = JsonKey.objectOf("workload");

    private JsonKeys()
    {
    }
}
