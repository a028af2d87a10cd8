package io.sluice.journal;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.JournalHeaderDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The checks one journal excerpt passes before its record is handed on: long enough for a record and its trailer, the
 * CRC32C the writer stored after it, a Sluice SBE header, and a template that is an event or a journal header.
 * Allocates nothing for a good excerpt. Used by one reader's thread.
 */
final class ExcerptCheck
{
    private final CRC32C crc = new CRC32C();
    private final MessageHeaderDecoder messageHeader = new MessageHeaderDecoder();
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private String problem;

    /**
     * @param excerpt  the excerpt's bytes: the record, then {@link JournalWriter#TRAILER_LENGTH} bytes of checksum.
     * @param length   its length.
     * @param index    its Chronicle index.
     * @param listener gets the event or header when the excerpt is good.
     * @return {@link JournalReader#EVENT}, {@link JournalReader#HEADER}, or {@link JournalReader#DAMAGED} with
     *         {@link #problem()} saying why.
     */
    int check(final byte[] excerpt, final int length, final long index, final JournalReader.Listener listener)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH + JournalWriter.TRAILER_LENGTH)
        {
            return damaged("excerpt of " + length + " bytes is too short for a record; skipped");
        }
        final int recordLength = length - JournalWriter.TRAILER_LENGTH;
        crc.reset();
        crc.update(excerpt, 0, recordLength);
        view.wrap(excerpt, 0, length);
        final int stored = view.getInt(recordLength, ByteOrder.LITTLE_ENDIAN);
        if ((int)crc.getValue() != stored)
        {
            return damaged("checksum mismatch (excerpt corrupted); skipped");
        }
        messageHeader.wrap(view, 0);
        if (messageHeader.schemaId() != EventDecoder.SCHEMA_ID ||
            MessageHeaderDecoder.ENCODED_LENGTH + messageHeader.blockLength() > recordLength)
        {
            return damaged("not a Sluice record (schema " + messageHeader.schemaId() + "); skipped");
        }
        if (messageHeader.templateId() == EventDecoder.TEMPLATE_ID)
        {
            listener.onEvent(view, 0, recordLength, index);
            return JournalReader.EVENT;
        }
        if (messageHeader.templateId() == JournalHeaderDecoder.TEMPLATE_ID)
        {
            final JournalHeader header;
            try
            {
                header = JournalHeader.decode(view, 0);
            }
            catch (final RuntimeException ex)
            {
                return damaged("unreadable journal header (" + ex + "); skipped");
            }
            listener.onHeader(header, index);
            return JournalReader.HEADER;
        }
        return damaged("unknown record template " + messageHeader.templateId() + "; skipped");
    }

    /**
     * @return why the last excerpt {@link #check} called {@link JournalReader#DAMAGED} was.
     */
    String problem()
    {
        return problem;
    }

    private int damaged(final String why)
    {
        problem = why;
        return JournalReader.DAMAGED;
    }
}
