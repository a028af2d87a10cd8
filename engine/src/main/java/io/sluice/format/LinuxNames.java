package io.sluice.format;

import java.nio.charset.StandardCharsets;

/**
 * Names of Linux numbers that the {@code compact} format prints by name: signals (x86_64 and arm64 share them; the
 * names Go's {@code unix.SignalName} gives, which Tetragon prints for an exit by signal) and {@code bpf(2)} commands
 * ({@code enum bpf_cmd} of {@code linux/bpf.h}). As UTF-8 bytes, built once.
 */
final class LinuxNames
{
    private static final byte[][] SIGNALS = bytes(null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
        "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM",
        "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS");
    private static final byte[][] BPF_COMMANDS = bytes("BPF_MAP_CREATE", "BPF_MAP_LOOKUP_ELEM", "BPF_MAP_UPDATE_ELEM",
        "BPF_MAP_DELETE_ELEM", "BPF_MAP_GET_NEXT_KEY", "BPF_PROG_LOAD", "BPF_OBJ_PIN", "BPF_OBJ_GET", "BPF_PROG_ATTACH",
        "BPF_PROG_DETACH", "BPF_PROG_TEST_RUN", "BPF_PROG_GET_NEXT_ID", "BPF_MAP_GET_NEXT_ID", "BPF_PROG_GET_FD_BY_ID",
        "BPF_MAP_GET_FD_BY_ID", "BPF_OBJ_GET_INFO_BY_FD", "BPF_PROG_QUERY", "BPF_RAW_TRACEPOINT_OPEN", "BPF_BTF_LOAD",
        "BPF_BTF_GET_FD_BY_ID", "BPF_TASK_FD_QUERY", "BPF_MAP_LOOKUP_AND_DELETE_ELEM", "BPF_MAP_FREEZE",
        "BPF_BTF_GET_NEXT_ID", "BPF_MAP_LOOKUP_BATCH", "BPF_MAP_LOOKUP_AND_DELETE_BATCH", "BPF_MAP_UPDATE_BATCH",
        "BPF_MAP_DELETE_BATCH", "BPF_LINK_CREATE", "BPF_LINK_UPDATE", "BPF_LINK_GET_FD_BY_ID", "BPF_LINK_GET_NEXT_ID",
        "BPF_ENABLE_STATS", "BPF_ITER_CREATE", "BPF_LINK_DETACH", "BPF_PROG_BIND_MAP", "BPF_TOKEN_CREATE");

    private LinuxNames()
    {
    }

    /**
     * @param number a signal number.
     * @return its name ({@code SIGKILL}), or null for 0, a real-time signal or a number Linux does not define.
     */
    static byte[] signal(final long number)
    {
        return number > 0 && number < SIGNALS.length ? SIGNALS[(int)number] : null;
    }

    /**
     * @param number a {@code bpf(2)} command.
     * @return its name ({@code BPF_PROG_LOAD}), or null for a number this table does not know.
     */
    static byte[] bpfCommand(final long number)
    {
        return number >= 0 && number < BPF_COMMANDS.length ? BPF_COMMANDS[(int)number] : null;
    }

    private static byte[][] bytes(final String... names)
    {
        final byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++)
        {
            bytes[i] = names[i] == null ? null : names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }
}
