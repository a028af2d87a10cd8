package io.sluice.parse;

import org.agrona.MutableDirectBuffer;

/**
 * An inode mode ({@code chmod} modes, {@code stdin_type}) as Tracee's {@code ParseInodeMode} prints it: the first file
 * type whose bits are all set, checked in Tracee's order ({@code S_IFSOCK} before {@code S_IFLNK}, {@code S_IFREG} ...),
 * then for owner, group and others either the whole {@code S_IRWX?} or each of read, write and execute, all
 * {@code |}-joined; 0 is the empty string.
 */
final class InodeMode implements ArgumentParser
{
    private static final Flag[] TYPES = {
        Flag.of(0140000, "S_IFSOCK"), Flag.of(0120000, "S_IFLNK"), Flag.of(0100000, "S_IFREG"), Flag.of(060000, "S_IFBLK"),
        Flag.of(040000, "S_IFDIR"), Flag.of(020000, "S_IFCHR"), Flag.of(010000, "S_IFIFO")};
    /** Per class (owner, group, others): all three bits, then read, write, execute. */
    private static final Flag[][] PERMISSIONS = {
        {Flag.of(00700, "S_IRWXU"), Flag.of(00400, "S_IRUSR"), Flag.of(00200, "S_IWUSR"), Flag.of(00100, "S_IXUSR")},
        {Flag.of(00070, "S_IRWXG"), Flag.of(00040, "S_IRGRP"), Flag.of(00020, "S_IWGRP"), Flag.of(00010, "S_IXGRP")},
        {Flag.of(00007, "S_IRWXO"), Flag.of(00004, "S_IROTH"), Flag.of(00002, "S_IWOTH"), Flag.of(00001, "S_IXOTH")}};

    @Override
    public int parse(final long raw, final MutableDirectBuffer out, final int offset)
    {
        int at = offset;
        for (final Flag type : TYPES)
        {
            if (type.in(raw))
            {
                at += Text.put(out, at, type.name);
                break;
            }
        }
        for (final Flag[] group : PERMISSIONS)
        {
            if (group[0].in(raw))
            {
                at += Text.join(out, offset, at, group[0].name);
                continue;
            }
            for (int p = 1; p < group.length; p++)
            {
                if (group[p].in(raw))
                {
                    at += Text.join(out, offset, at, group[p].name);
                }
            }
        }
        return at - offset;
    }
}
