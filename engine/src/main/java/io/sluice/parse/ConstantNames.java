package io.sluice.parse;

/**
 * The arguments that hold one constant, with Tracee's names and values ({@code common/parsers/data_parsers*.go}):
 * capabilities, {@code bpf} commands, socket domains, {@code prctl} options and {@code ptrace} requests (whose set
 * differs by architecture). A value Tracee cannot name prints as its unsigned decimal.
 */
final class ConstantNames
{
    /** linux/capability.h, 0 .. 40. */
    static final ArgumentParser CAPABILITY = NamedValues.sequential(
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",
        "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
        "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
        "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
        "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND",
        "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE");

    /** linux/bpf.h, 0 .. 36. */
    static final ArgumentParser BPF_COMMAND = NamedValues.sequential(
        "BPF_MAP_CREATE", "BPF_MAP_LOOKUP_ELEM", "BPF_MAP_UPDATE_ELEM", "BPF_MAP_DELETE_ELEM", "BPF_MAP_GET_NEXT_KEY",
        "BPF_PROG_LOAD", "BPF_OBJ_PIN", "BPF_OBJ_GET", "BPF_PROG_ATTACH", "BPF_PROG_DETACH", "BPF_PROG_TEST_RUN",
        "BPF_PROG_GET_NEXT_ID", "BPF_MAP_GET_NEXT_ID", "BPF_PROG_GET_FD_BY_ID", "BPF_MAP_GET_FD_BY_ID",
        "BPF_OBJ_GET_INFO_BY_FD", "BPF_PROG_QUERY", "BPF_RAW_TRACEPOINT_OPEN", "BPF_BTF_LOAD", "BPF_BTF_GET_FD_BY_ID",
        "BPF_TASK_FD_QUERY", "BPF_MAP_LOOKUP_AND_DELETE_ELEM", "BPF_MAP_FREEZE", "BPF_BTF_GET_NEXT_ID",
        "BPF_MAP_LOOKUP_BATCH", "BPF_MAP_LOOKUP_AND_DELETE_BATCH", "BPF_MAP_UPDATE_BATCH", "BPF_MAP_DELETE_BATCH",
        "BPF_LINK_CREATE", "BPF_LINK_UPDATE", "BPF_LINK_GET_FD_BY_ID", "BPF_LINK_GET_NEXT_ID", "BPF_ENABLE_STATS",
        "BPF_ITER_CREATE", "BPF_LINK_DETACH", "BPF_PROG_BIND_MAP", "BPF_TOKEN_CREATE");

    /** bits/socket.h, 0 .. 45. */
    static final ArgumentParser SOCKET_DOMAIN = NamedValues.sequential(
        "AF_UNSPEC", "AF_UNIX", "AF_INET", "AF_AX25", "AF_IPX", "AF_APPLETALK", "AF_NETROM", "AF_BRIDGE", "AF_ATMPVC",
        "AF_X25", "AF_INET6", "AF_ROSE", "AF_DECnet", "AF_NETBEUI", "AF_SECURITY", "AF_KEY", "AF_NETLINK", "AF_PACKET",
        "AF_ASH", "AF_ECONET", "AF_ATMSVC", "AF_RDS", "AF_SNA", "AF_IRDA", "AF_PPPOX", "AF_WANPIPE", "AF_LLC", "AF_IB",
        "AF_MPLS", "AF_CAN", "AF_TIPC", "AF_BLUETOOTH", "AF_IUCV", "AF_RXRPC", "AF_ISDN", "AF_PHONET", "AF_IEEE802154",
        "AF_CAIF", "AF_ALG", "AF_NFC", "AF_VSOCK", "AF_KCM", "AF_QIPCRTR", "AF_SMC", "AF_XDP", "AF_MCTP");

    /** linux/prctl.h: 1 .. 16, 19 .. 47, 50 .. 68, and four magic numbers. */
    static final ArgumentParser PRCTL_OPTION = NamedValues.of(
        Flag.of(1, "PR_SET_PDEATHSIG"), Flag.of(2, "PR_GET_PDEATHSIG"), Flag.of(3, "PR_GET_DUMPABLE"),
        Flag.of(4, "PR_SET_DUMPABLE"), Flag.of(5, "PR_GET_UNALIGN"), Flag.of(6, "PR_SET_UNALIGN"),
        Flag.of(7, "PR_GET_KEEPCAPS"), Flag.of(8, "PR_SET_KEEPCAPS"), Flag.of(9, "PR_GET_FPEMU"), Flag.of(10, "PR_SET_FPEMU"),
        Flag.of(11, "PR_GET_FPEXC"), Flag.of(12, "PR_SET_FPEXC"), Flag.of(13, "PR_GET_TIMING"), Flag.of(14, "PR_SET_TIMING"),
        Flag.of(15, "PR_SET_NAME"), Flag.of(16, "PR_GET_NAME"), Flag.of(19, "PR_GET_ENDIAN"), Flag.of(20, "PR_SET_ENDIAN"),
        Flag.of(21, "PR_GET_SECCOMP"), Flag.of(22, "PR_SET_SECCOMP"), Flag.of(23, "PR_CAPBSET_READ"),
        Flag.of(24, "PR_CAPBSET_DROP"), Flag.of(25, "PR_GET_TSC"), Flag.of(26, "PR_SET_TSC"),
        Flag.of(27, "PR_GET_SECUREBITS"), Flag.of(28, "PR_SET_SECUREBITS"), Flag.of(29, "PR_SET_TIMERSLACK"),
        Flag.of(30, "PR_GET_TIMERSLACK"), Flag.of(31, "PR_TASK_PERF_EVENTS_DISABLE"),
        Flag.of(32, "PR_TASK_PERF_EVENTS_ENABLE"), Flag.of(33, "PR_MCE_KILL"), Flag.of(34, "PR_MCE_KILL_GET"),
        Flag.of(35, "PR_SET_MM"), Flag.of(0x59616d61, "PR_SET_PTRACER"), Flag.of(36, "PR_SET_CHILD_SUBREAPER"),
        Flag.of(37, "PR_GET_CHILD_SUBREAPER"), Flag.of(38, "PR_SET_NO_NEW_PRIVS"), Flag.of(39, "PR_GET_NO_NEW_PRIVS"),
        Flag.of(40, "PR_GET_TID_ADDRESS"), Flag.of(41, "PR_SET_THP_DISABLE"), Flag.of(42, "PR_GET_THP_DISABLE"),
        Flag.of(43, "PR_MPX_ENABLE_MANAGEMENT"), Flag.of(44, "PR_MPX_DISABLE_MANAGEMENT"), Flag.of(45, "PR_SET_FP_MODE"),
        Flag.of(46, "PR_GET_FP_MODE"), Flag.of(47, "PR_CAP_AMBIENT"), Flag.of(50, "PR_SVE_SET_VL"),
        Flag.of(51, "PR_SVE_GET_VL"), Flag.of(52, "PR_GET_SPECULATION_CTRL"), Flag.of(53, "PR_SET_SPECULATION_CTRL"),
        Flag.of(54, "PR_PAC_RESET_KEYS"), Flag.of(55, "PR_SET_TAGGED_ADDR_CTRL"), Flag.of(56, "PR_GET_TAGGED_ADDR_CTRL"),
        Flag.of(57, "PR_SET_IO_FLUSHER"), Flag.of(58, "PR_GET_IO_FLUSHER"), Flag.of(59, "PR_SET_SYSCALL_USER_DISPATCH"),
        Flag.of(60, "PR_PAC_SET_ENABLED_KEYS"), Flag.of(61, "PR_PAC_GET_ENABLED_KEYS"), Flag.of(62, "PR_SCHED_CORE"),
        Flag.of(63, "PR_SME_SET_VL"), Flag.of(64, "PR_SME_GET_VL"), Flag.of(65, "PR_SET_MDWE"), Flag.of(66, "PR_GET_MDWE"),
        Flag.of(0x53564d41, "PR_SET_VMA"), Flag.of(0x41555856, "PR_GET_AUXV"), Flag.of(67, "PR_SET_MEMORY_MERGE"),
        Flag.of(68, "PR_GET_MEMORY_MERGE"));

    /** linux/ptrace.h: the requests every architecture has (Tracee names PEEKUSR and POKEUSR PEEKUSER, POKEUSER). */
    private static final Flag[] PTRACE_COMMON = {
        Flag.of(0, "PTRACE_TRACEME"), Flag.of(1, "PTRACE_PEEKTEXT"), Flag.of(2, "PTRACE_PEEKDATA"),
        Flag.of(3, "PTRACE_PEEKUSER"), Flag.of(4, "PTRACE_POKETEXT"), Flag.of(5, "PTRACE_POKEDATA"),
        Flag.of(6, "PTRACE_POKEUSER"), Flag.of(7, "PTRACE_CONT"), Flag.of(8, "PTRACE_KILL"), Flag.of(9, "PTRACE_SINGLESTEP"),
        Flag.of(16, "PTRACE_ATTACH"), Flag.of(17, "PTRACE_DETACH"), Flag.of(24, "PTRACE_SYSCALL"), Flag.of(31, "PTRACE_SYSEMU"),
        Flag.of(32, "PTRACE_SYSEMU_SINGLESTEP"), Flag.of(0x4200, "PTRACE_SETOPTIONS"), Flag.of(0x4201, "PTRACE_GETEVENTMSG"),
        Flag.of(0x4202, "PTRACE_GETSIGINFO"), Flag.of(0x4203, "PTRACE_SETSIGINFO"), Flag.of(0x4204, "PTRACE_GETREGSET"),
        Flag.of(0x4205, "PTRACE_SETREGSET"), Flag.of(0x4206, "PTRACE_SEIZE"), Flag.of(0x4207, "PTRACE_INTERRUPT"),
        Flag.of(0x4208, "PTRACE_LISTEN"), Flag.of(0x4209, "PTRACE_PEEKSIGINFO"), Flag.of(0x420a, "PTRACE_GETSIGMASK"),
        Flag.of(0x420b, "PTRACE_SETSIGMASK"), Flag.of(0x420c, "PTRACE_SECCOMP_GET_FILTER"),
        Flag.of(0x420d, "PTRACE_SECCOMP_GET_METADATA"), Flag.of(0x420e, "PTRACE_GET_SYSCALL_INFO"),
        Flag.of(0x420f, "PTRACE_GET_RSEQ_CONFIGURATION")};

    /** x86_64 adds register, thread-area and dispatch requests. */
    static final ArgumentParser PTRACE_REQUEST_X86_64 = NamedValues.of(with(PTRACE_COMMON,
        Flag.of(12, "PTRACE_GETREGS"), Flag.of(13, "PTRACE_SETREGS"), Flag.of(14, "PTRACE_GETFPREGS"),
        Flag.of(15, "PTRACE_SETFPREGS"), Flag.of(18, "PTRACE_GETFPXREGS"), Flag.of(19, "PTRACE_SETFPXREGS"),
        Flag.of(25, "PTRACE_GET_THREAD_AREA"), Flag.of(26, "PTRACE_SET_THREAD_AREA"), Flag.of(30, "PTRACE_ARCH_PRCTL"),
        Flag.of(33, "PTRACE_SINGLEBLOCK"), Flag.of(0x4210, "PTRACE_SET_SYSCALL_USER_DISPATCH_CONFIG"),
        Flag.of(0x4211, "PTRACE_GET_SYSCALL_USER_DISPATCH_CONFIG")));

    /** arm64 adds the memory-tag requests (33 and 34, which are other requests on x86_64). */
    static final ArgumentParser PTRACE_REQUEST_ARM64 = NamedValues.of(with(PTRACE_COMMON,
        Flag.of(33, "PTRACE_PEEKMTETAGS"), Flag.of(34, "PTRACE_POKEMTETAGS")));

    private ConstantNames()
    {
    }

    private static Flag[] with(final Flag[] common, final Flag... more)
    {
        final Flag[] all = java.util.Arrays.copyOf(common, common.length + more.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }
}
