package io.sluice.detect;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tracee's {@code security_file_open} and {@code security_inode_rename} as the syscalls Sluice traces give them: an
 * open's {@code pathname} and {@code flags} (write and read as Tracee's {@code parsers.IsFileWrite}/{@code IsFileRead}
 * read the access mode), a rename's {@code newpath}. The syscall carries the path as the caller wrote it where Tracee's
 * hooks see the resolved path, and a call that failed opened or renamed nothing, so it raises nothing.
 */
final class FileAccess
{
    /** The open syscalls. */
    static final List<String> OPENS = List.of("open", "openat", "openat2", "creat");
    /** The rename syscalls. */
    static final List<String> RENAMES = List.of("rename", "renameat", "renameat2");
    /** The opens, then the renames. */
    static final List<String> OPENS_AND_RENAMES = List.of("open", "openat", "openat2", "creat", "rename", "renameat", "renameat2");

    private static final int O_ACCMODE = 3;
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    private static final int O_RDWR = 2;
    private static final int CREAT = EventCatalog.standard().byName("creat").id();
    private static final byte[] PATHNAME = "pathname".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FLAGS = "flags".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEWPATH = "newpath".getBytes(StandardCharsets.UTF_8);

    private FileAccess()
    {
    }

    /**
     * @param patterns the paths.
     * @return them compiled.
     */
    static TextPattern[] patterns(final String... patterns)
    {
        final TextPattern[] compiled = new TextPattern[patterns.length];
        for (int i = 0; i < patterns.length; i++)
        {
            compiled[i] = TextPattern.compile(patterns[i]);
        }
        return compiled;
    }

    /**
     * @param event an open.
     * @return the index of its {@code pathname} when it succeeded and opened for writing ({@code creat} always does), else -1.
     */
    static int openedForWrite(final EventView event)
    {
        final int mode = accessMode(event);
        return mode == O_WRONLY || mode == O_RDWR ? event.dataIndex(PATHNAME) : -1;
    }

    /**
     * @param event an open.
     * @return the index of its {@code pathname} when it succeeded and opened for reading, else -1.
     */
    static int openedForRead(final EventView event)
    {
        final int mode = accessMode(event);
        return mode == O_RDONLY || mode == O_RDWR ? event.dataIndex(PATHNAME) : -1;
    }

    /**
     * @param event a rename.
     * @return the index of its {@code newpath} when it succeeded, else -1.
     */
    static int renamedTo(final EventView event)
    {
        return failed(event) ? -1 : event.dataIndex(NEWPATH);
    }

    /**
     * @param event an open or a rename.
     * @return the index of the path written: an open's for writing or a rename's new path; -1 for anything else.
     */
    static int written(final EventView event)
    {
        final int newpath = renamedTo(event);
        return newpath >= 0 ? newpath : openedForWrite(event);
    }

    /**
     * @param event    an event.
     * @param index    a data index, or -1.
     * @param patterns the paths.
     * @return true when the value at the index matches one of them.
     */
    static boolean matches(final EventView event, final int index, final TextPattern[] patterns)
    {
        if (index < 0)
        {
            return false;
        }
        for (final TextPattern pattern : patterns)
        {
            if (pattern.matches(event.dataValue(index), event.dataValueLength(index)))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param path   a path.
     * @param length its length.
     * @param names  the names wanted, as UTF-8.
     * @return true when the path's last element (after its last '/') is one of the names.
     */
    static boolean baseNameIn(final byte[] path, final int length, final byte[][] names)
    {
        int start = 0;
        for (int i = 0; i < length; i++)
        {
            if (path[i] == '/')
            {
                start = i + 1;
            }
        }
        return equalsAny(path, start, length, names);
    }

    /**
     * @param text   bytes.
     * @param from   where the part starts.
     * @param to     where it ends (exclusive).
     * @param names  the names wanted, as UTF-8.
     * @return true when the part is one of the names.
     */
    static boolean equalsAny(final byte[] text, final int from, final int to, final byte[][] names)
    {
        for (final byte[] name : names)
        {
            if (java.util.Arrays.equals(text, from, to, name, 0, name.length))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param names names.
     * @return them as UTF-8.
     */
    static byte[][] utf8(final String... names)
    {
        final byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++)
        {
            bytes[i] = names[i].getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    private static int accessMode(final EventView event)
    {
        if (failed(event))
        {
            return -1;
        }
        if (event.eventId() == CREAT)
        {
            return O_WRONLY;
        }
        final int flags = event.dataIndex(FLAGS);
        return flags < 0 ? -1 : (int) event.dataInt(flags) & O_ACCMODE;
    }

    private static boolean failed(final EventView event)
    {
        return event.hasRetval() && event.retval() < 0;
    }
}
