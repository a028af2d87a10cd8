package io.sluice.parse;

import org.agrona.MutableDirectBuffer;

/**
 * Renders one numeric event argument as text, the way Tracee's {@code parse-arguments} option does: flag names joined
 * by {@code |}, a constant's name, or the number where Tracee cannot name it. Writes bytes into a reused buffer and
 * allocates nothing, so it can run on every event.
 */
@FunctionalInterface
public interface ArgumentParser
{
    /**
     * @param raw    the value as Go's {@code uint64(value)} sees it: an {@code int32} sign-extended, a
     *               {@code u_int32} zero-extended, 64-bit values as they are.
     * @param out    where the text goes (an expandable buffer grows as needed).
     * @param offset where it starts.
     * @return its length in bytes; 0 is the empty string, which Tracee prints for some zero values.
     */
    int parse(long raw, MutableDirectBuffer out, int offset);
}
