package io.sluice.codec.wire;

import static io.sluice.codec.wire.WireField.message;
import static io.sluice.codec.wire.WireField.scalar;

/**
 * Tracee's {@code Credentials} (ids as {@code UInt32Value}, capability sets as repeated {@code Capability}) and
 * {@code Timespec} (seconds as a {@code DoubleValue}), as {@code api/v1beta1/event_data.proto} declares them; the
 * wrappers are Sluice's wire-identical plain messages, as in {@code event.proto}.
 */
public final class CredentialShapes
{
    /** Tracee's {@code Capability} names by number (it has no name for 9, CAP_LINUX_IMMUTABLE). */
    static final String[] CAPABILITY = {
        "CAP_CHOWN", "DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETPCAP", null, "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",
        "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
        "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
        "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
        "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND",
        "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE"};

    private static final WireShape UINT32_VALUE = WireShape.of("UInt32Value", scalar(1, "value", FieldKind.UINT32));
    private static final WireShape DOUBLE_VALUE = WireShape.of("DoubleValue", scalar(1, "value", FieldKind.DOUBLE));

    /** {@code Credentials}. */
    public static final WireShape CREDENTIALS = WireShape.of("Credentials",
        message(1, "uid", UINT32_VALUE, false), message(2, "gid", UINT32_VALUE, false), message(3, "suid", UINT32_VALUE, false),
        message(4, "sgid", UINT32_VALUE, false), message(5, "euid", UINT32_VALUE, false), message(6, "egid", UINT32_VALUE, false),
        message(7, "fsuid", UINT32_VALUE, false), message(8, "fsgid", UINT32_VALUE, false), message(9, "user_namespace", UINT32_VALUE, false),
        message(10, "secure_bits", UINT32_VALUE, false),
        WireField.enumField(11, "cap_inheritable", CAPABILITY, true), WireField.enumField(12, "cap_permitted", CAPABILITY, true),
        WireField.enumField(13, "cap_effective", CAPABILITY, true), WireField.enumField(14, "cap_bounding", CAPABILITY, true),
        WireField.enumField(15, "cap_ambient", CAPABILITY, true));

    /** {@code Timespec}. */
    public static final WireShape TIMESPEC = WireShape.of("Timespec", message(1, "value", DOUBLE_VALUE, false));

    private CredentialShapes()
    {
    }
}
