package io.sluice.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Looks at the first bytes of a {@code .cq4} file before Chronicle Queue maps it: Chronicle waits tens of seconds
 * for a header that never completes and then reads a foreign file as empty, or throws on a garbled one without
 * naming it, so replay decides itself whether a file starts as Chronicle writes every cycle file: a complete
 * metadata header (4-byte word: metadata flag and length) holding the field {@code header} typed {@code SCQStore},
 * the whole header within the file.
 */
final class CycleFileHead
{
    /** What the check found. */
    enum Verdict
    {
        /** Starts as a Chronicle Queue cycle file. */
        INTACT,
        /** No header yet: a writer may be creating the file right now. */
        UNWRITTEN,
        /** Not readable as a cycle file. */
        DAMAGED
    }

    /**
     * @param verdict what the check found.
     * @param problem for {@link Verdict#UNWRITTEN} and {@link Verdict#DAMAGED}, what is wrong, one line.
     */
    record Result(Verdict verdict, String problem)
    {
    }

    private static final int NOT_COMPLETE = 0x80000000;
    private static final int META_DATA = 0x40000000;
    private static final int LENGTH_MASK = 0x3FFFFFFF;
    private static final int WORD = 4;
    /** Chronicle's binary wire for the field name {@code header} and the type prefix {@code SCQStore}. */
    private static final byte[] STORE_HEADER = {(byte)0xB9, 6, 'h', 'e', 'a', 'd', 'e', 'r',
        (byte)0xB6, 8, 'S', 'C', 'Q', 'S', 't', 'o', 'r', 'e'};
    /** Chronicle's store header is a few hundred bytes; anything near this is not one. */
    private static final int MAX_HEADER = 1 << 16;
    private static final Result INTACT = new Result(Verdict.INTACT, null);

    private CycleFileHead()
    {
    }

    /**
     * @param file a {@code .cq4} file.
     * @return whether it starts as a Chronicle Queue cycle file, and if not why.
     */
    static Result check(final Path file)
    {
        final ByteBuffer head = ByteBuffer.allocate(WORD + STORE_HEADER.length).order(ByteOrder.LITTLE_ENDIAN);
        final long size;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            size = channel.size();
            while (head.hasRemaining() && channel.read(head, head.position()) > 0)
            {
                // read what is there, up to the header's start
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return damaged("unreadable (" + ex.getMessage() + ")");
        }
        if (size < WORD)
        {
            return damaged(size == 0 ? "empty file, not even a Chronicle Queue header"
                : "file truncated to " + size + " bytes, shorter than a Chronicle Queue header");
        }
        final int word = head.getInt(0);
        if (word == 0 || word == NOT_COMPLETE)
        {
            return new Result(Verdict.UNWRITTEN, "no Chronicle Queue header (first word 0x" + hex(word) + ", never completed)");
        }
        final int length = word & LENGTH_MASK;
        if ((word & (NOT_COMPLETE | META_DATA)) != META_DATA || length < STORE_HEADER.length || length > MAX_HEADER)
        {
            return damaged("not a Chronicle Queue cycle file (first word 0x" + hex(word) + ")");
        }
        if (size < WORD + length)
        {
            return damaged("file truncated to " + size + " bytes, inside its Chronicle Queue header (" + (WORD + length) +
                " bytes)");
        }
        if (!Arrays.equals(head.array(), WORD, WORD + STORE_HEADER.length, STORE_HEADER, 0, STORE_HEADER.length))
        {
            return damaged("not a Chronicle Queue cycle file (its header is not an SCQStore)");
        }
        return INTACT;
    }

    private static Result damaged(final String problem)
    {
        return new Result(Verdict.DAMAGED, problem);
    }

    private static String hex(final int word)
    {
        return String.format("%08x", word);
    }
}
