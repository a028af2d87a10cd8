package io.sluice.codec.sbe;

import io.sluice.codec.sbe.EventDecoder.AncestorsDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Walks an event record's {@code ancestors} group and exposes each entry as primitives: unique id, host pid, pid and
 * where its executable path is. Obtained from {@link EventRecordView#ancestorCursor()}: the JSON writer's walk, reading
 * straight from the record ({@link RecordWalk}) where the generated {@link AncestorsDecoder} moves the message's limit
 * and checks its bounds again on every access. A flyweight, valid until the view moves.
 */
public final class AncestorCursor
{
    private static final int UNIQUE_ID_AT = AncestorsDecoder.uniqueIdEncodingOffset();
    private static final int HOST_PID_AT = AncestorsDecoder.hostPidEncodingOffset();
    private static final int PID_AT = AncestorsDecoder.pidEncodingOffset();

    private DirectBuffer buffer;
    private int blockLength;
    private int count;
    private int index;
    private int limit;
    private long uniqueId;
    private int hostPid;
    private int pid;
    private int pathOffset;
    private int pathLength;

    /**
     * @param buffer  the record's buffer.
     * @param groupAt where the group starts.
     * @return this cursor, before the first entry.
     */
    AncestorCursor wrap(final DirectBuffer buffer, final int groupAt)
    {
        final int header = RecordWalk.groupHeader(buffer, groupAt, AncestorsDecoder.sbeBlockLength());
        this.buffer = buffer;
        this.blockLength = header & 0xFFFF;
        this.count = header >>> 16;
        this.index = 0;
        this.limit = groupAt + RecordWalk.GROUP_HEADER;
        return this;
    }

    /**
     * @return how many ancestors the group holds.
     */
    public int count()
    {
        return count;
    }

    /**
     * Move to the next ancestor.
     *
     * @return false when there is none.
     */
    public boolean next()
    {
        if (index >= count)
        {
            return false;
        }
        index++;
        final DirectBuffer buffer = this.buffer;
        final int at = limit;
        uniqueId = buffer.getLong(at + UNIQUE_ID_AT, ByteOrder.LITTLE_ENDIAN);
        hostPid = buffer.getInt(at + HOST_PID_AT, ByteOrder.LITTLE_ENDIAN);
        pid = buffer.getInt(at + PID_AT, ByteOrder.LITTLE_ENDIAN);
        final int pathAt = at + blockLength;
        pathLength = RecordWalk.varLength(buffer, pathAt);
        pathOffset = pathAt + RecordWalk.LENGTH_HEADER;
        limit = pathOffset + pathLength;
        return true;
    }

    /**
     * @return the ancestor's unique id.
     */
    public long uniqueId()
    {
        return uniqueId;
    }

    /**
     * @return its host pid, a {@code uint32} as stored (read it unsigned).
     */
    public int hostPid()
    {
        return hostPid;
    }

    /**
     * @return its pid, a {@code uint32} as stored (read it unsigned).
     */
    public int pid()
    {
        return pid;
    }

    /**
     * @return where its executable path starts in the record's buffer.
     */
    public int pathOffset()
    {
        return pathOffset;
    }

    /**
     * @return the path's length (0: none).
     */
    public int pathLength()
    {
        return pathLength;
    }
}
