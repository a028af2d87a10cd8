package io.sluice.codec.sbe;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Rewrites an {@code Event} record of an older schema version (a journal written by an older Sluice) as the current
 * version, so that everything after the replay source reads one layout:
 * <ul>
 *   <li>before version 2: the block grows by the fields it lacks, zeroed (no lineage marks, no container-new, and the
 *       presence bit {@code processContext} clear: capabilities and UTS name unknown);</li>
 *   <li>before version 3: an empty {@code userStack} is appended after {@code detectedFromName}, and the presence
 *       bit {@code userStackTrace}, which meant nothing then, is cleared: no stack.</li>
 * </ul>
 * Groups and the other variable data are copied unchanged, so the record prints exactly as before. A flyweight:
 * reuse it; not thread-safe.
 */
public final class EventRecordUpgrade
{
    /** The first schema version with {@code userStack}. */
    public static final int USER_STACK_VERSION = 3;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int HEADER = MessageHeaderDecoder.ENCODED_LENGTH;
    private static final int EMPTY_VAR_DATA = 4;
    private static final int USER_STACK_TRACE_BIT = PresenceEncoder.userStackTrace(0, true);

    private final EventRecordView view = new EventRecordView();

    /**
     * @param src    the record (message header + {@code Event}).
     * @param offset where it is.
     * @param length its length.
     * @param dst    where to write the upgraded record, from index 0 (must hold {@code length} plus the added bytes:
     *               grown when expandable).
     * @return the upgraded record's length, or 0 when the record is current already or too damaged to locate its
     *         fields (nothing is written).
     */
    public int upgrade(final DirectBuffer src, final int offset, final int length, final MutableDirectBuffer dst)
    {
        final int blockLength = src.getShort(offset + MessageHeaderDecoder.blockLengthEncodingOffset(), ORDER) & 0xffff;
        final int version = src.getShort(offset + MessageHeaderDecoder.versionEncodingOffset(), ORDER) & 0xffff;
        if (version >= EventEncoder.SCHEMA_VERSION && blockLength >= EventEncoder.BLOCK_LENGTH)
        {
            return 0;
        }
        final int end;
        try
        {
            // where the old record's last field ends (anything after it is not part of the record)
            end = view.wrap(src, offset, length).event().limit();
        }
        catch (final IllegalArgumentException | IndexOutOfBoundsException ex)
        {
            return 0; // damaged: left as it is, for the readers after to refuse as any damaged record
        }
        final int added = Math.max(0, EventEncoder.BLOCK_LENGTH - blockLength);
        final int block = HEADER + blockLength;
        final int rest = end - (offset + block);
        dst.putBytes(0, src, offset, block);
        dst.setMemory(block, added, (byte)0);
        dst.putBytes(block + added, src, offset + block, rest);
        int upgradedLength = block + added + rest;
        if (version < USER_STACK_VERSION)
        {
            dst.putInt(upgradedLength, 0, ORDER);
            upgradedLength += EMPTY_VAR_DATA;
            final int presenceAt = HEADER + EventEncoder.presenceEncodingOffset();
            dst.putInt(presenceAt, dst.getInt(presenceAt, ORDER) & ~USER_STACK_TRACE_BIT, ORDER);
        }
        dst.putShort(MessageHeaderEncoder.blockLengthEncodingOffset(), (short)(blockLength + added), ORDER);
        final int upgradedVersion = Math.max(version, EventEncoder.SCHEMA_VERSION);
        dst.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short)upgradedVersion, ORDER);
        return upgradedLength;
    }
}
