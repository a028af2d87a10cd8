package io.sluice.parse;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every parser prints what Tracee's {@code common/parsers} prints for the same value (the strings below are Tracee's,
 * including its fallbacks: the unsigned decimal of an unnamed constant, the empty string for a zero mask, the signed
 * decimal of an unknown socket type). Values are given as the sensor gives them: an {@code int32} -1 is the long -1.
 */
class TraceeStringsTest
{
    private static final long ALL_BITS = -1L;
    private static final String MINUS_ONE_UNSIGNED = "18446744073709551615";

    static Stream<Arguments> cases()
    {
        return Stream.of(
            // open flags (x86_64): access mode first, then creation and status flags in Tracee's order
            arguments("openat flags", OpenFlags.X86_64, 0, "O_RDONLY"),
            arguments("openat flags", OpenFlags.X86_64, 02000000, "O_RDONLY|O_CLOEXEC"),
            arguments("openat flags", OpenFlags.X86_64, 02 | 0100, "O_RDWR|O_CREAT"),
            arguments("openat flags", OpenFlags.X86_64, 01 | 0100 | 01000, "O_WRONLY|O_CREAT|O_TRUNC"),
            arguments("openat flags", OpenFlags.X86_64, 02 | 0100 | 010000 | 0100000, "O_RDWR|O_CREAT|O_DSYNC|O_LARGEFILE"),
            arguments("openat flags", OpenFlags.X86_64, 04000 | 0200000 | 02000000, "O_RDONLY|O_NONBLOCK|O_DIRECTORY|O_CLOEXEC"),
            arguments("openat flags", OpenFlags.X86_64, 01 | 04010000, "O_WRONLY|O_DSYNC|O_SYNC"),
            arguments("openat flags", OpenFlags.X86_64, 03, "O_WRONLY"),
            arguments("openat flags", OpenFlags.X86_64, 040000000 | 02000000, "O_RDONLY|O_CLOEXEC|O_PATH"),
            arguments("openat flags", OpenFlags.X86_64, 040000, "O_RDONLY|O_DIRECT"),
            arguments("openat flags", OpenFlags.X86_64, ALL_BITS, "O_WRONLY|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK"
                + "|O_DSYNC|O_SYNC|FASYNC|O_DIRECT|O_LARGEFILE|O_DIRECTORY|O_NOFOLLOW|O_NOATIME|O_CLOEXEC|O_PATH|O_TMPFILE"),
            arguments("openat flags (arm64)", OpenFlags.ARM64, 040000, "O_RDONLY|O_DIRECTORY"),
            arguments("openat flags (arm64)", OpenFlags.ARM64, 0100000 | 02000000, "O_RDONLY|O_NOFOLLOW|O_CLOEXEC"),
            // inode modes (fchmodat mode, sched_process_exec stdin_type)
            arguments("mode", new InodeMode(), 0100644, "S_IFREG|S_IRUSR|S_IWUSR|S_IRGRP|S_IROTH"),
            arguments("mode", new InodeMode(), 0100755, "S_IFREG|S_IRWXU|S_IRGRP|S_IXGRP|S_IROTH|S_IXOTH"),
            arguments("mode", new InodeMode(), 040777, "S_IFDIR|S_IRWXU|S_IRWXG|S_IRWXO"),
            arguments("mode", new InodeMode(), 020620, "S_IFCHR|S_IRUSR|S_IWUSR|S_IWGRP"),
            arguments("mode", new InodeMode(), 010600, "S_IFIFO|S_IRUSR|S_IWUSR"),
            arguments("mode", new InodeMode(), 0140755, "S_IFSOCK|S_IRWXU|S_IRGRP|S_IXGRP|S_IROTH|S_IXOTH"),
            arguments("mode", new InodeMode(), 0120777, "S_IFLNK|S_IRWXU|S_IRWXG|S_IRWXO"),
            arguments("mode", new InodeMode(), 0644, "S_IRUSR|S_IWUSR|S_IRGRP|S_IROTH"),
            arguments("mode", new InodeMode(), 0, ""),
            // mmap/mprotect prot
            arguments("prot", MaskNames.MMAP_PROT, 0, "PROT_NONE"),
            arguments("prot", MaskNames.MMAP_PROT, 0x1 | 0x2, "PROT_READ|PROT_WRITE"),
            arguments("prot", MaskNames.MMAP_PROT, 0x1 | 0x4, "PROT_READ|PROT_EXEC"),
            arguments("prot", MaskNames.MMAP_PROT, 0x10, ""),
            // socket domain, type
            arguments("socket domain", ConstantNames.SOCKET_DOMAIN, 2, "AF_INET"),
            arguments("socket domain", ConstantNames.SOCKET_DOMAIN, 10, "AF_INET6"),
            arguments("socket domain", ConstantNames.SOCKET_DOMAIN, 1, "AF_UNIX"),
            arguments("socket domain", ConstantNames.SOCKET_DOMAIN, 16, "AF_NETLINK"),
            arguments("socket domain", ConstantNames.SOCKET_DOMAIN, 46, "46"),
            arguments("socket domain", ConstantNames.SOCKET_DOMAIN, ALL_BITS, MINUS_ONE_UNSIGNED),
            arguments("socket type", new SocketType(), 1, "SOCK_STREAM"),
            arguments("socket type", new SocketType(), 3, "SOCK_RAW"),
            arguments("socket type", new SocketType(), 2 | 04000 | 02000000, "SOCK_DGRAM|SOCK_NONBLOCK|SOCK_CLOEXEC"),
            arguments("socket type", new SocketType(), 1 | 02000000, "SOCK_STREAM|SOCK_CLOEXEC"),
            arguments("socket type", new SocketType(), 7, "7"),
            arguments("socket type", new SocketType(), 17, "SOCK_STREAM"),
            arguments("socket type", new SocketType(), ALL_BITS, "-1|SOCK_NONBLOCK|SOCK_CLOEXEC"),
            // ptrace requests
            arguments("ptrace request", ConstantNames.PTRACE_REQUEST_X86_64, 0, "PTRACE_TRACEME"),
            arguments("ptrace request", ConstantNames.PTRACE_REQUEST_X86_64, 3, "PTRACE_PEEKUSER"),
            arguments("ptrace request", ConstantNames.PTRACE_REQUEST_X86_64, 16, "PTRACE_ATTACH"),
            arguments("ptrace request", ConstantNames.PTRACE_REQUEST_X86_64, 12, "PTRACE_GETREGS"),
            arguments("ptrace request", ConstantNames.PTRACE_REQUEST_X86_64, 33, "PTRACE_SINGLEBLOCK"),
            arguments("ptrace request", ConstantNames.PTRACE_REQUEST_X86_64, 0x4206, "PTRACE_SEIZE"),
            arguments("ptrace request", ConstantNames.PTRACE_REQUEST_X86_64, 100, "100"),
            arguments("ptrace request (arm64)", ConstantNames.PTRACE_REQUEST_ARM64, 12, "12"),
            arguments("ptrace request (arm64)", ConstantNames.PTRACE_REQUEST_ARM64, 33, "PTRACE_PEEKMTETAGS"),
            // prctl options
            arguments("prctl option", ConstantNames.PRCTL_OPTION, 1, "PR_SET_PDEATHSIG"),
            arguments("prctl option", ConstantNames.PRCTL_OPTION, 15, "PR_SET_NAME"),
            arguments("prctl option", ConstantNames.PRCTL_OPTION, 38, "PR_SET_NO_NEW_PRIVS"),
            arguments("prctl option", ConstantNames.PRCTL_OPTION, 0x59616d61, "PR_SET_PTRACER"),
            arguments("prctl option", ConstantNames.PRCTL_OPTION, 68, "PR_GET_MEMORY_MERGE"),
            arguments("prctl option", ConstantNames.PRCTL_OPTION, 17, "17"),
            arguments("prctl option", ConstantNames.PRCTL_OPTION, 0, "0"),
            // capabilities
            arguments("capability", ConstantNames.CAPABILITY, 0, "CAP_CHOWN"),
            arguments("capability", ConstantNames.CAPABILITY, 21, "CAP_SYS_ADMIN"),
            arguments("capability", ConstantNames.CAPABILITY, 40, "CAP_CHECKPOINT_RESTORE"),
            arguments("capability", ConstantNames.CAPABILITY, 41, "41"),
            // bpf commands
            arguments("bpf cmd", ConstantNames.BPF_COMMAND, 0, "BPF_MAP_CREATE"),
            arguments("bpf cmd", ConstantNames.BPF_COMMAND, 5, "BPF_PROG_LOAD"),
            arguments("bpf cmd", ConstantNames.BPF_COMMAND, 36, "BPF_TOKEN_CREATE"),
            arguments("bpf cmd", ConstantNames.BPF_COMMAND, 37, "37"),
            arguments("bpf cmd", ConstantNames.BPF_COMMAND, ALL_BITS, MINUS_ONE_UNSIGNED),
            // pointers
            arguments("pointer", new Pointer(), 0, "0x0"),
            arguments("pointer", new Pointer(), 0x1000, "0x1000"),
            arguments("pointer", new Pointer(), 0x7ffd1234abcdL, "0x7ffd1234abcd"),
            arguments("pointer", new Pointer(), ALL_BITS, "0xffffffffffffffff"),
            // access and the AT_* flags
            arguments("access mode", MaskNames.ACCESS_MODE, 0, "F_OK"),
            arguments("access mode", MaskNames.ACCESS_MODE, 4, "R_OK"),
            arguments("access mode", MaskNames.ACCESS_MODE, 2 | 4, "W_OK|R_OK"),
            arguments("access mode", MaskNames.ACCESS_MODE, 7, "X_OK|W_OK|R_OK"),
            arguments("access mode", MaskNames.ACCESS_MODE, 0xff000000L, "4278190080"),
            arguments("faccessat flags", MaskNames.FACCESSAT_FLAGS, 0, ""),
            arguments("faccessat flags", MaskNames.FACCESSAT_FLAGS, 0x200, "AT_EACCESS"),
            arguments("faccessat flags", MaskNames.FACCESSAT_FLAGS, 0x1300, "AT_EACCESS|AT_EMPTY_PATH|AT_SYMLINK_NOFOLLOW"),
            arguments("faccessat flags", MaskNames.FACCESSAT_FLAGS, 0x8000, "32768"),
            arguments("fchmodat flags", MaskNames.FCHMODAT_FLAGS, 0, ""),
            arguments("fchmodat flags", MaskNames.FCHMODAT_FLAGS, 0x100, "AT_SYMLINK_NOFOLLOW"),
            arguments("fchmodat flags", MaskNames.FCHMODAT_FLAGS, 0x1100, "AT_SYMLINK_NOFOLLOW"),
            arguments("fchmodat flags", MaskNames.FCHMODAT_FLAGS, 0x1000, "4096"),
            arguments("execveat flags", MaskNames.EXECVEAT_FLAGS, 0, ""),
            arguments("execveat flags", MaskNames.EXECVEAT_FLAGS, 0x1000, "AT_EMPTY_PATH"),
            arguments("execveat flags", MaskNames.EXECVEAT_FLAGS, 0x1100, "AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH"),
            arguments("execveat flags", MaskNames.EXECVEAT_FLAGS, 0xff000000L, "4278190080"));
    }

    @ParameterizedTest(name = "{0} {2} is \"{3}\"")
    @MethodSource("cases")
    void printsWhatTraceePrints(final String argument, final ArgumentParser parser, final long raw, final String expected)
    {
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(16);
        out.putStringWithoutLengthAscii(0, "prefix");
        final int length = parser.parse(raw, out, 6);
        assertEquals(expected, out.getStringWithoutLengthUtf8(6, length), argument);
        assertEquals("prefix", out.getStringWithoutLengthAscii(0, 6), "writes only from its offset");
        assertEquals(expected, new String(out.byteArray(), 6, length, StandardCharsets.US_ASCII));
    }
}
