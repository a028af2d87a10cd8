package io.sluice.parse;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The ingest stage of the {@code parse-arguments} option: rewrites an event record so that the arguments Tracee
 * renders as text carry that text (a string value where the number was), before any stream sees the record, so every
 * format (and a journal) shows them without knowing about the option. {@link #NONE} when the option is off.
 */
@FunctionalInterface
public interface ArgumentParsing
{
    /** The option off: every record stands as it is. */
    ArgumentParsing NONE = (eventId, in, offset, length, out) -> 0;

    /**
     * @param eventId the event's own id (a field filter may have cleared the record's).
     * @param in      the record's buffer.
     * @param offset  where it starts (its message header).
     * @param length  its length.
     * @param out     where a rewritten copy goes, from index 0 (not {@code in}).
     * @return the copy's length, or 0 when nothing was parsed (the record stands).
     */
    int parse(int eventId, DirectBuffer in, int offset, int length, MutableDirectBuffer out);
}
