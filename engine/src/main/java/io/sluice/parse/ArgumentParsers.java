package io.sluice.parse;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;

import java.util.List;

/**
 * Which event arguments {@code parse-arguments} renders, and how: one line per (event, argument), as Tracee's
 * {@code ParseDataFields} ({@code pkg/events/parse_args.go}) lists them, for the events Sluice's catalog has. Tracee
 * also parses, among others, {@code open}'s flags, {@code mmap}/{@code mprotect}'s {@code prot} ({@link
 * MaskNames#MMAP_PROT}), {@code access}/{@code faccessat}'s mode and flags ({@link MaskNames#ACCESS_MODE},
 * {@link MaskNames#FACCESSAT_FLAGS}), {@code chmod}/{@code mknod} modes and {@code cap_capable}'s {@code cap}
 * ({@link ConstantNames#CAPABILITY}): when the catalog gains those events, each is one more line here. Tracee prints
 * every pointer argument in hexadecimal; Sluice's catalog has no pointer type, so each pointer argument is a line too.
 * <p>
 * Tracee leaves alone what its list does not name: {@code openat}'s {@code mode}, {@code socket}'s {@code protocol},
 * {@code kill}'s {@code sig}, {@code mount}'s flags, and return values (no errno names). Two differ in type: Tracee's
 * {@code openat2} has the pointer {@code how} where Sluice decodes {@code flags}, {@code mode} and {@code resolve}, and
 * its {@code accept4} {@code addrlen} is a pointer where Sluice's catalog has an {@code int32}; neither is parsed.
 * Open flags and {@code ptrace} requests differ by architecture: the tables of the machine Sluice runs on apply.
 */
public final class ArgumentParsers
{
    private static final ArgumentParser SOCKET_TYPE = new SocketType();
    private static final ArgumentParser INODE_MODE = new InodeMode();
    private static final ArgumentParser POINTER = new Pointer();

    private ArgumentParsers()
    {
    }

    /**
     * One line of the table.
     *
     * @param event    the event's catalog name.
     * @param argument the argument's name.
     * @param parser   how its value is rendered.
     */
    public record Entry(String event, String argument, ArgumentParser parser)
    {
    }

    /**
     * @param osArch the machine's architecture ({@code os.arch}: {@code aarch64} or {@code arm64} for arm64, any
     *               other for x86_64, the only two the sensor runs on).
     * @return the table for it.
     */
    public static List<Entry> table(final String osArch)
    {
        final boolean arm64 = "aarch64".equals(osArch) || "arm64".equals(osArch);
        return List.of(
            new Entry("socket", "domain", ConstantNames.SOCKET_DOMAIN),
            new Entry("socket", "type", SOCKET_TYPE),
            new Entry("ptrace", "request", arm64 ? ConstantNames.PTRACE_REQUEST_ARM64 : ConstantNames.PTRACE_REQUEST_X86_64),
            new Entry("prctl", "option", ConstantNames.PRCTL_OPTION),
            new Entry("openat", "flags", arm64 ? OpenFlags.ARM64 : OpenFlags.X86_64),
            new Entry("fchmodat", "mode", INODE_MODE),
            new Entry("fchmodat", "flags", MaskNames.FCHMODAT_FLAGS),
            new Entry("bpf", "cmd", ConstantNames.BPF_COMMAND),
            new Entry("execveat", "flags", MaskNames.EXECVEAT_FLAGS),
            new Entry("sched_process_exec", "stdin_type", INODE_MODE),
            // Tracee's pointers (trace.Pointer), which Sluice's catalog carries as u_int64
            new Entry("ptrace", "addr", POINTER),
            new Entry("ptrace", "data", POINTER),
            new Entry("mount", "data", POINTER),
            new Entry("init_module", "module_image", POINTER),
            new Entry("bpf", "attr", POINTER));
    }

    /**
     * Bind a table to a catalog: per event id, the arguments to parse with their catalog types (Tracee parses a value
     * only when it has the type it expects).
     *
     * @param catalog the event catalog.
     * @param table   the entries.
     * @return by event id, its arguments to parse, or null for an event with none.
     * @throws IllegalArgumentException for an entry naming an event or argument the catalog does not have.
     */
    static EventArguments[] bind(final EventCatalog catalog, final List<Entry> table)
    {
        final EventArguments[] byId = new EventArguments[catalog.maxId() + 1];
        for (final Entry entry : table)
        {
            final EventDefinition event = catalog.byName(entry.event());
            if (event == null)
            {
                throw new IllegalArgumentException("parse-arguments: no event " + entry.event() + " in the catalog");
            }
            final ArgDefinition argument = event.args().stream().filter(arg -> arg.name().equals(entry.argument()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "parse-arguments: event " + entry.event() + " has no argument " + entry.argument()));
            final EventArguments previous = byId[event.id()];
            byId[event.id()] = (previous == null ? new EventArguments() : previous)
                .with(argument.name(), argument.type().valueType(), entry.parser());
        }
        return byId;
    }
}
