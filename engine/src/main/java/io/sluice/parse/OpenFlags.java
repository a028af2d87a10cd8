package io.sluice.parse;

import org.agrona.MutableDirectBuffer;

/**
 * {@code open}/{@code openat} flags as Tracee's {@code ParseOpenFlagArgument} prints them: the access mode first
 * ({@code O_WRONLY} when bit 0 is set, else {@code O_RDWR} when bit 1 is, else {@code O_RDONLY}), then every creation
 * and status flag present, {@code |}-joined, in the architecture's order ({@code O_SYNC} includes {@code O_DSYNC}'s
 * bit, so it prints as {@code O_DSYNC|O_SYNC}, as in Tracee).
 */
final class OpenFlags implements ArgumentParser
{
    private static final Flag O_RDONLY = Flag.of(0, "O_RDONLY");
    private static final Flag O_WRONLY = Flag.of(1, "O_WRONLY");
    private static final Flag O_RDWR = Flag.of(2, "O_RDWR");

    /** asm-generic/fcntl.h, x86_64's order in Tracee. */
    static final OpenFlags X86_64 = new OpenFlags(
        Flag.of(0100, "O_CREAT"), Flag.of(0200, "O_EXCL"), Flag.of(0400, "O_NOCTTY"), Flag.of(01000, "O_TRUNC"),
        Flag.of(02000, "O_APPEND"), Flag.of(04000, "O_NONBLOCK"), Flag.of(010000, "O_DSYNC"), Flag.of(04010000, "O_SYNC"),
        Flag.of(020000, "FASYNC"), Flag.of(040000, "O_DIRECT"), Flag.of(0100000, "O_LARGEFILE"),
        Flag.of(0200000, "O_DIRECTORY"), Flag.of(0400000, "O_NOFOLLOW"), Flag.of(01000000, "O_NOATIME"),
        Flag.of(02000000, "O_CLOEXEC"), Flag.of(040000000, "O_PATH"), Flag.of(020000000, "O_TMPFILE"));

    /** arm64/include/uapi/asm/fcntl.h: O_DIRECTORY, O_NOFOLLOW, O_DIRECT and O_LARGEFILE differ; Tracee's arm64 order. */
    static final OpenFlags ARM64 = new OpenFlags(
        Flag.of(0100, "O_CREAT"), Flag.of(0200, "O_EXCL"), Flag.of(0400, "O_NOCTTY"), Flag.of(01000, "O_TRUNC"),
        Flag.of(02000, "O_APPEND"), Flag.of(04000, "O_NONBLOCK"), Flag.of(010000, "O_DSYNC"), Flag.of(04010000, "O_SYNC"),
        Flag.of(020000, "FASYNC"), Flag.of(0400000, "O_LARGEFILE"), Flag.of(040000, "O_DIRECTORY"),
        Flag.of(0100000, "O_NOFOLLOW"), Flag.of(0200000, "O_DIRECT"), Flag.of(01000000, "O_NOATIME"),
        Flag.of(02000000, "O_CLOEXEC"), Flag.of(040000000, "O_PATH"), Flag.of(020000000, "O_TMPFILE"));

    private final Flag[] flags;

    private OpenFlags(final Flag... flags)
    {
        this.flags = flags;
    }

    @Override
    public int parse(final long raw, final MutableDirectBuffer out, final int offset)
    {
        final Flag access = O_WRONLY.in(raw) ? O_WRONLY : O_RDWR.in(raw) ? O_RDWR : O_RDONLY;
        int at = offset + Text.put(out, offset, access.name);
        if (raw == 0)
        {
            return at - offset;
        }
        for (final Flag flag : flags)
        {
            if (flag.in(raw))
            {
                at += Text.join(out, offset, at, flag.name);
            }
        }
        return at - offset;
    }
}
