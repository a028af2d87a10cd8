package io.sluice.source;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.Capture;
import io.sluice.codec.catalog.EventDefinition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the kernel sensor is asked to trace: the selected events (only their programs are attached), the simple
 * scopes pushed into kernel maps, and the sensor's buffers. {@link #loaderArguments} is the loader's command line
 * (see docs/sensor.md).
 *
 * @param loader       the {@code sluice-loader} binary.
 * @param events       the selected events.
 * @param execEnv      capture the environment of exec events.
 * @param userStack    capture the user stack of the thread behind each event (output option {@code stack-addresses}).
 * @param pids         only these host pids (empty = all).
 * @param comms        only these command names (empty = all).
 * @param uids         only these uids (empty = all).
 * @param ringbufBytes the kernel ringbuf size, 0 = the loader's default.
 * @param arch         this machine's architecture (syscall numbers differ).
 */
public record KernelSpec(
    Path loader,
    List<EventDefinition> events,
    boolean execEnv,
    boolean userStack,
    List<Integer> pids,
    List<String> comms,
    List<Integer> uids,
    int ringbufBytes,
    String arch)
{
    /**
     * @param ringFile the shared ring's file.
     * @return the loader's command line.
     */
    public List<String> loaderArguments(final Path ringFile)
    {
        final List<String> command = new ArrayList<>();
        command.add(loader.toString());
        command.add("--ring");
        command.add(ringFile.toString());
        command.add("--events");
        command.add(selection());
        // fork/exec/exit of every process keep the engine's process tree true even when they are not selected
        command.add("--track-processes");
        // ... and with the arguments of every exec, for export filters on arguments and parent arguments
        command.add("--tree-argv");
        pids.forEach(pid -> add(command, "--pid", pid.toString()));
        comms.forEach(comm -> add(command, "--comm", comm));
        uids.forEach(uid -> add(command, "--uid", uid.toString()));
        if (execEnv)
        {
            command.add("--exec-env");
        }
        if (userStack)
        {
            command.add("--user-stack");
        }
        if (ringbufBytes > 0)
        {
            add(command, "--ringbuf-bytes", Integer.toString(ringbufBytes));
        }
        return command;
    }

    /**
     * @return the {@code --events} value: {@code ID} for scheduler and network events, {@code ID:NR:TYPES} for syscall events; a
     *         syscall the architecture does not have and an event the sensor does not capture are left out.
     */
    public String selection()
    {
        final StringBuilder text = new StringBuilder();
        for (final EventDefinition event : events)
        {
            final int nr = event.isSyscall() ? event.syscallNumber(arch) : -1;
            if (event.isSyscall() && nr < 0 || event.capture().kind() == Capture.Kind.SYNTHETIC)
            {
                // a syscall this architecture does not have (i386's waitpid on x86_64): it never happens here; an
                // event only the synthetic source makes: no program
                continue;
            }
            if (text.length() > 0)
            {
                text.append(',');
            }
            text.append(event.id());
            if (event.isSyscall())
            {
                text.append(':').append(nr).append(':');
                for (final ArgDefinition arg : event.args())
                {
                    text.append(typeLetter(arg));
                }
            }
        }
        return text.toString();
    }

    private static char typeLetter(final ArgDefinition arg)
    {
        return switch (arg.type())
        {
            case INT32 -> 'i';
            case INT64 -> 'l';
            case U_INT32 -> 'u';
            case U_INT64 -> 'U';
            case STR -> 's';
            case STR_ARRAY -> 'a';
            case SOCKADDR -> 'k';
            case INT32_ARRAY -> 'A';
            case BOOL -> 'b';
            default -> 'x';
        };
    }

    private static void add(final List<String> command, final String flag, final String value)
    {
        command.add(flag);
        command.add(value);
    }
}
