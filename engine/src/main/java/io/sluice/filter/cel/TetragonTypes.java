package io.sluice.filter.cel;

import io.sluice.cel.CelPaths;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of Tetragon's event messages ({@code api/v1/tetragon/tetragon.proto}) that a {@code cel_expression} may
 * select: the variables are {@code GetEventsResponse}'s event fields ({@code process_exec}, {@code process_kprobe} ...),
 * each of its message type; a path no such message has is refused when the filter is compiled, as Tetragon's type
 * checker refuses it.
 */
final class TetragonTypes
{
    private static final Map<String, Object> LEAF = CelPaths.LEAF;
    private static final Map<String, Object> IMAGE = CelPaths.type("id", LEAF, "name", LEAF);
    private static final Map<String, Object> CONTAINER = CelPaths.type("id", LEAF, "name", LEAF, "image", IMAGE, "start_time", LEAF,
        "maybe_exec_probe", LEAF, "security_context", LEAF);
    private static final Map<String, Object> POD = CelPaths.type("namespace", LEAF, "name", LEAF, "uid", LEAF, "container", CONTAINER,
        "pod_labels", LEAF, "workload", LEAF, "workload_kind", LEAF, "pod_annotations", LEAF);
    /** {@code tetragon.Process}. */
    static final Map<String, Object> PROCESS = process();

    /** Every variable (a {@code GetEventsResponse} event field) and its message's fields. */
    static final Map<String, Map<String, Object>> EVENTS = events();

    private TetragonTypes()
    {
    }

    private static Map<String, Object> process()
    {
        final Map<String, Object> process = new LinkedHashMap<>();
        for (final String field : List.of("exec_id", "pid", "uid", "cwd", "binary", "arguments", "flags", "start_time", "auid",
            "docker", "parent_exec_id", "refcnt", "cap", "ns", "tid", "process_credentials", "binary_properties", "user",
            "in_init_tree", "environment_variables"))
        {
            process.put(field, LEAF);
        }
        process.put("pod", POD);
        return java.util.Collections.unmodifiableMap(process);
    }

    private static Map<String, Map<String, Object>> events()
    {
        final Map<String, Map<String, Object>> events = new LinkedHashMap<>();
        events.put("process_exec", CelPaths.type("process", PROCESS, "parent", PROCESS, "ancestors", LEAF));
        events.put("process_exit", CelPaths.type("process", PROCESS, "parent", PROCESS, "signal", LEAF, "status", LEAF, "time", LEAF,
            "ancestors", LEAF));
        events.put("process_kprobe", CelPaths.type("process", PROCESS, "parent", PROCESS, "function_name", LEAF, "args", LEAF,
            "return", LEAF, "action", LEAF, "kernel_stack_trace", LEAF, "policy_name", LEAF, "return_action", LEAF, "message", LEAF,
            "tags", LEAF, "user_stack_trace", LEAF, "ancestors", LEAF, "data", LEAF));
        events.put("process_tracepoint", CelPaths.type("process", PROCESS, "parent", PROCESS, "subsys", LEAF, "event", LEAF,
            "args", LEAF, "policy_name", LEAF, "action", LEAF, "message", LEAF, "tags", LEAF, "ancestors", LEAF));
        events.put("process_uprobe", CelPaths.type("process", PROCESS, "parent", PROCESS, "path", LEAF, "symbol", LEAF,
            "policy_name", LEAF, "message", LEAF, "args", LEAF, "tags", LEAF, "ancestors", LEAF, "offset", LEAF,
            "ref_ctr_offset", LEAF, "action", LEAF, "data", LEAF));
        events.put("process_lsm", CelPaths.type("process", PROCESS, "parent", PROCESS, "function_name", LEAF, "policy_name", LEAF,
            "message", LEAF, "args", LEAF, "action", LEAF, "tags", LEAF, "ima_hash", LEAF, "ancestors", LEAF));
        events.put("process_usdt", CelPaths.type("process", PROCESS, "parent", PROCESS, "path", LEAF, "provider", LEAF,
            "name", LEAF, "policy_name", LEAF, "message", LEAF, "args", LEAF, "tags", LEAF, "ancestors", LEAF, "action", LEAF,
            "flags", LEAF));
        events.put("process_loader", CelPaths.type("process", PROCESS, "path", LEAF, "buildid", LEAF, "parent", PROCESS,
            "ancestors", LEAF));
        events.put("process_throttle", CelPaths.type("type", LEAF, "cgroup", LEAF));
        return java.util.Collections.unmodifiableMap(events);
    }
}
