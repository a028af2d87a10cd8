package io.sluice.codec.json;

import java.nio.charset.StandardCharsets;

/**
 * The proto field names of {@code v1beta1.Event} and its parts, pre-encoded as the printer writes them
 * ({@code "name":}), so that writing a key is one array copy.
 */
final class JsonKeys
{
    // Event
    static final byte[] TIMESTAMP = key("timestamp");
    static final byte[] ID = key("id");
    static final byte[] NAME = key("name");
    static final byte[] POLICIES = key("policies");
    static final byte[] WORKLOAD = key("workload");
    static final byte[] DATA = key("data");
    static final byte[] THREAT = key("threat");
    static final byte[] DETECTED_FROM = key("detected_from");

    // Timestamp
    static final byte[] SECONDS = key("seconds");
    static final byte[] NANOS = key("nanos");

    // Policies
    static final byte[] MATCHED = key("matched");

    // Workload, Process, Thread, User, Executable, Ancestor
    static final byte[] PROCESS = key("process");
    static final byte[] CONTAINER = key("container");
    static final byte[] POD = key("pod");
    static final byte[] THREAD = key("thread");
    static final byte[] PID = key("pid");
    static final byte[] REAL_USER = key("real_user");
    static final byte[] EXECUTABLE = key("executable");
    static final byte[] ANCESTORS = key("ancestors");
    static final byte[] UNIQUE_ID = key("unique_id");
    static final byte[] HOST_PID = key("host_pid");
    static final byte[] USER = key("user");
    static final byte[] START_TIME = key("start_time");
    static final byte[] HOST_TID = key("host_tid");
    static final byte[] TID = key("tid");
    static final byte[] SYSCALL = key("syscall");
    static final byte[] COMPAT = key("compat");
    static final byte[] USER_STACK_TRACE = key("user_stack_trace");
    static final byte[] VALUE = key("value");
    static final byte[] PATH = key("path");

    // UserStackTrace, StackAddress
    static final byte[] ADDRESSES = key("addresses");
    static final byte[] ADDRESS = key("address");
    static final byte[] SYMBOL = key("symbol");

    // Container, ContainerImage, Pod
    static final byte[] IMAGE = key("image");
    static final byte[] IS_RUNNING = key("is_running");
    static final byte[] UID = key("uid");
    static final byte[] NAMESPACE = key("namespace");

    // Threat, Mitre
    static final byte[] DESCRIPTION = key("description");
    static final byte[] MITRE = key("mitre");
    static final byte[] SEVERITY = key("severity");
    static final byte[] PROPERTIES = key("properties");
    static final byte[] TACTIC = key("tactic");
    static final byte[] TECHNIQUE = key("technique");
    static final byte[] EXTERNAL_ID = key("external_id");

    // EventValue members
    static final byte[] INT32 = key("int32");
    static final byte[] INT64 = key("int64");
    static final byte[] U_INT32 = key("u_int32");
    static final byte[] U_INT64 = key("u_int64");
    static final byte[] STR = key("str");
    static final byte[] BYTES = key("bytes");
    static final byte[] BOOL = key("bool");
    static final byte[] STR_ARRAY = key("str_array");
    static final byte[] INT32_ARRAY = key("int32_array");
    static final byte[] U_INT64_ARRAY = key("u_int64_array");
    static final byte[] SOCKADDR = key("sockaddr");
    static final byte[] POINTER = key("pointer");

    // SockAddr
    static final byte[] SA_FAMILY = key("sa_family");
    static final byte[] SUN_PATH = key("sun_path");
    static final byte[] SIN_ADDR = key("sin_addr");
    static final byte[] SIN_PORT = key("sin_port");
    static final byte[] SIN6_ADDR = key("sin6_addr");
    static final byte[] SIN6_PORT = key("sin6_port");
    static final byte[] SIN6_FLOWINFO = key("sin6_flowinfo");
    static final byte[] SIN6_SCOPEID = key("sin6_scopeid");

    private JsonKeys()
    {
    }

    private static byte[] key(final String name)
    {
        return ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
    }
}
