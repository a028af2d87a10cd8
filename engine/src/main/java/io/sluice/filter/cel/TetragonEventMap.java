package io.sluice.filter.cel;

import com.google.common.primitives.UnsignedLong;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.policy.EventView;
import io.sluice.process.ProcessEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Sluice event as Tetragon's {@code GetEventsResponse} would carry it, for {@code cel_expression}: which event field
 * it fills ({@code sched_process_exec} is {@code process_exec}, {@code sched_process_exit} {@code process_exit}, a
 * syscall both {@code process_kprobe} and {@code process_tracepoint}, another sensor event {@code process_tracepoint},
 * as {@code event_set} maps them), and that message's fields from what the event carries: {@code process} and
 * {@code parent} (pid, uid, tid as unsigned, binary, arguments, docker, pod, in_init_tree ...), a kprobe's
 * {@code function_name} (the syscall's name) and {@code args} (each data field as the {@code KprobeArgument} member of
 * its type, with its name as {@code label}), a tracepoint's {@code subsys} and {@code event}, an exit's {@code status}.
 * Built per evaluated event: it allocates.
 */
final class TetragonEventMap
{
    private static final String EXEC = "sched_process_exec";
    private static final String EXIT = "sched_process_exit";

    /** Per event id: the variables it fills (none for a detector's event, which Tetragon has no type for). */
    private final String[][] variables;
    /** Per event id: true for a syscall (its tracepoint subsystem is {@code syscalls}, else {@code sched}). */
    private final boolean[] syscalls;

    TetragonEventMap(final EventCatalog catalog)
    {
        variables = new String[catalog.maxId() + 1][];
        syscalls = new boolean[catalog.maxId() + 1];
        for (final EventDefinition event : catalog.events())
        {
            final String[] names;
            if (event.id() >= EventCatalog.FIRST_DETECTOR_ID)
            {
                names = new String[0];
            }
            else if (event.name().equals(EXEC))
            {
                names = new String[] {"process_exec"};
            }
            else if (event.name().equals(EXIT))
            {
                names = new String[] {"process_exit"};
            }
            else
            {
                names = event.isSyscall() ? new String[] {"process_kprobe", "process_tracepoint"} : new String[] {"process_tracepoint"};
            }
            variables[event.id()] = names;
            syscalls[event.id()] = event.isSyscall();
        }
    }

    /**
     * @param eventId an event's id.
     * @return the event fields it fills.
     */
    String[] variables(final int eventId)
    {
        return eventId > 0 && eventId < variables.length && variables[eventId] != null ? variables[eventId] : new String[0];
    }

    /**
     * @param variable one of {@link #variables(int)}.
     * @param event    the decoded event.
     * @param name     its catalog name.
     * @return the message.
     */
    Map<String, Object> message(final String variable, final EventView event, final String name)
    {
        final Map<String, Object> message = new HashMap<>();
        message.put("process", process(event));
        final Map<String, Object> parent = parent(event);
        if (parent != null)
        {
            message.put("parent", parent);
        }
        switch (variable)
        {
            case "process_kprobe" ->
            {
                message.put("function_name", name);
                message.put("args", args(event));
            }
            case "process_tracepoint" ->
            {
                message.put("subsys", syscalls[event.eventId()] ? "syscalls" : "sched");
                message.put("event", name);
                message.put("args", args(event));
            }
            case "process_exit" ->
            {
                final int code = event.dataIndex("exit_code".getBytes(StandardCharsets.UTF_8));
                message.put("status", UnsignedLong.fromLongBits(code < 0 ? 0 : event.dataInt(code) & 0xFFFFFFFFL));
            }
            default ->
            {
            }
        }
        return message;
    }

    private static Map<String, Object> process(final EventView event)
    {
        final Map<String, Object> process = new HashMap<>();
        process.put("pid", unsigned(event.pid()));
        process.put("tid", unsigned(event.nsTid()));
        process.put("uid", unsigned(event.uid()));
        process.put("binary", text(event.executable(), event.executableLength()));
        process.put("in_init_tree", InitTree.contains(event));
        final ProcessEntry entry = event.processEntry();
        if (entry != null)
        {
            process.put("arguments", text(entry.argumentsBytes(), entry.argumentsLength()));
            process.put("exec_id", Long.toString(entry.uniqueId()));
        }
        if (event.containerIdLength() > 0)
        {
            process.put("docker", text(event.containerId(), Math.min(31, event.containerIdLength())));
            final Map<String, Object> container = Map.of("id", text(event.containerId(), event.containerIdLength()),
                "name", text(event.containerName(), event.containerNameLength()),
                "image", Map.of("name", text(event.containerImage(), event.containerImageLength())));
            process.put("pod", Map.of("namespace", text(event.podNamespace(), event.podNamespaceLength()),
                "name", text(event.podName(), event.podNameLength()), "uid", text(event.podUid(), event.podUidLength()),
                "container", container));
        }
        return process;
    }

    private static Map<String, Object> parent(final EventView event)
    {
        final ProcessEntry entry = event.processEntry();
        final ProcessEntry parent = entry == null ? null : entry.parent();
        if (parent != null)
        {
            return Map.of("pid", unsigned(parent.nsPid()), "binary", text(parent.exeBytes(), parent.exeLength()),
                "arguments", text(parent.argumentsBytes(), parent.argumentsLength()), "exec_id", Long.toString(parent.uniqueId()));
        }
        if (event.ancestorCount() > 0)
        {
            return Map.of("pid", unsigned(event.ancestorNsPid(0)), "binary", text(event.ancestorExe(0), event.ancestorExeLength(0)));
        }
        return null;
    }

    private static List<Object> args(final EventView event)
    {
        final List<Object> args = new ArrayList<>(event.dataCount());
        for (int i = 0; i < event.dataCount(); i++)
        {
            final Map<String, Object> arg = new HashMap<>();
            arg.put("label", text(event.dataName(i), event.dataNameLength(i)));
            switch (event.dataType(i))
            {
                case INT32 -> arg.put("int_arg", event.dataInt(i));
                case INT64 -> arg.put("long_arg", event.dataInt(i));
                case UINT32 -> arg.put("uint_arg", UnsignedLong.fromLongBits(event.dataInt(i)));
                case UINT64 -> arg.put("size_arg", UnsignedLong.fromLongBits(event.dataInt(i)));
                case STR -> arg.put("string_arg", text(event.dataValue(i), event.dataValueLength(i)));
                case BYTES -> arg.put("bytes_arg", com.google.protobuf.ByteString.copyFrom(event.dataValue(i), 0, event.dataValueLength(i)));
                default ->
                {
                }
            }
            args.add(arg);
        }
        return args;
    }

    private static UnsignedLong unsigned(final int value)
    {
        return UnsignedLong.fromLongBits(value & 0xFFFFFFFFL);
    }

    private static String text(final byte[] bytes, final int length)
    {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
