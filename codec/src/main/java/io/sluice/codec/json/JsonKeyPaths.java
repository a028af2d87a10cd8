package io.sluice.codec.json;

/**
 * Keys fused with what always follows them when the value is present: an object key and its first member's key
 * ({@code "pid":{"value":}), two object keys ({@code "workload":{"process":{}), an array key and its bracket
 * ({@code "data":[}). Each is one {@link JsonKey} write (three word stores) where the parts would be two or three
 * writes, each reading and writing the document's position; the bytes written are the same.
 */
final class JsonKeyPaths
{
    static final JsonKey BEGIN_TIMESTAMP = JsonKey.text("{\"timestamp\":{");
    static final JsonKey BEGIN_TIMESTAMP_SECONDS = JsonKey.text("{\"timestamp\":{\"seconds\":");
    static final JsonKey START_TIME_SECONDS = JsonKey.path("start_time", "seconds");
    static final JsonKey PID_VALUE = JsonKey.path("pid", "value");
    static final JsonKey HOST_PID_VALUE = JsonKey.path("host_pid", "value");
    static final JsonKey ID_VALUE = JsonKey.path("id", "value");
    static final JsonKey EXECUTABLE_PATH = JsonKey.path("executable", "path");
    static final JsonKey THREAD_NAME = JsonKey.path("thread", "name");
    static final JsonKey WORKLOAD_PROCESS = JsonKey.text("\"workload\":{\"process\":{");
    static final JsonKey DATA_ARRAY = JsonKey.text("\"data\":[");
    static final JsonKey ANCESTORS_ARRAY = JsonKey.text("\"ancestors\":[");

    private JsonKeyPaths()
    {
    }
}
