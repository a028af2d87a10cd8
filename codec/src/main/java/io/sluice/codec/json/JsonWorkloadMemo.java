package io.sluice.codec.json;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.PresenceEncoder;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * The JSON of a thread's identity and of its process, as last written for that thread, so that the next event of the
 * same thread copies two fragments where it would write some twelve numbers and three strings again (a burst of
 * syscalls comes from one thread; Tetragon keeps a process's message for the same reason).
 * <p>
 * The fragments of {@code workload.process}: the thread's head ({@code "thread":{"name":..,"start_time":{..},
 * "unique_id":..,"host_tid":..,"tid":..}, up to its syscall) and the process after its thread ({@code "pid"} to
 * {@code "user"}, the ancestors included). Exact, not a guess by id: an entry is used only when every record byte
 * the fragments were written from equals the bytes of the event being written. That key is, in this order:
 * <pre>
 *   0        4                          4 + BLOCK                  (self-delimiting ranges)      end
 *   +--------+--------------------------+---------------------------+------------------------+------------------+
 *   |presence| block: pid .. user_id    | thread name, its length   | executable path, its   | ancestors group, |
 *   |& MASK  | (ids, start time, users) | prefix first              | length prefix first    | length first     |
 *   +--------+--------------------------+---------------------------+------------------------+------------------+
 * </pre>
 * and the state the fragments start from (the sink's comma) follows from the presence bits. Entries are found by the
 * thread's unique id and host tid; a record whose key or fragments exceed an entry's room is written as usual and not
 * kept. Owned by one {@link EventJsonWriter}: its thread alone. Each entry's arrays are made at its first use and
 * grow, up to the limits above, to the largest key and fragments it has held (~200 KB when every entry is used, at most ~830 KB).
 */
final class JsonWorkloadMemo
{
    /** Entries: threads written recently, found by a hash of their ids (a collision costs a miss). */
    static final int ENTRIES = 256;
    private static final int INDEX_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(ENTRIES);
    /** Most key bytes an entry keeps: longer keys (a long executable path, many ancestors) are not kept. */
    static final int MAX_KEY = 640;
    /** Most bytes of the thread's head an entry keeps. */
    static final int MAX_THREAD = 512;
    /** Most bytes of the process's tail an entry keeps. */
    static final int MAX_PROCESS = 2048;
    /** The block's fields the fragments print: {@code pid} to {@code userId}, contiguous in the schema. */
    static final int BLOCK_FROM = EventDecoder.pidEncodingOffset();
    /** Bytes of the block from {@link #BLOCK_FROM}: to the end of {@code userId}. */
    static final int BLOCK_LENGTH = EventDecoder.userIdEncodingOffset() + EventDecoder.userIdEncodingLength() - BLOCK_FROM;
    /** The presence bits the fragments depend on. */
    static final int PRESENCE_MASK = presenceMask();
    /** A variable-length field's length prefix: kept in the key with its bytes, so that the ranges delimit themselves. */
    private static final int PREFIX = EventDecoder.threadNameHeaderLength();
    /** The key's own int slots (the masked presence bits, the ancestors group's length). */
    private static final int INT = Integer.BYTES;

    private final Entry[] entries = new Entry[ENTRIES];
    /** The entry of the event being written: to copy from ({@link #holdsOrTakes} true) or to fill; null when not kept. */
    private Entry current;
    private long hits;

    /**
     * Look the event's thread up: either its entry holds the fragments for exactly this record's bytes (true: the
     * event's writer calls the two {@code write...} methods), or the entry is taken for this record, its key copied
     * and the entry unusable until the writer, after writing each fragment itself, calls the two {@code keep...}
     * methods (false).
     *
     * @param view     the located record.
     * @param presence its presence bits.
     * @return true when the entry holds both fragments for exactly this record's bytes.
     */
    boolean holdsOrTakes(final EventRecordView view, final int presence)
    {
        final DirectBuffer record = view.buffer();
        final int eventAt = view.event().offset();
        final int ancestors = view.ancestorsOffset();
        final int name = view.stringOffset(EventVarData.THREAD_NAME) - PREFIX;
        final int nameLength = view.stringLength(EventVarData.THREAD_NAME) + PREFIX;
        final int exe = view.stringOffset(EventVarData.EXECUTABLE_PATH) - PREFIX;
        final int exeLength = view.stringLength(EventVarData.EXECUTABLE_PATH) + PREFIX;
        final int ancestorsLength = view.ancestorsLength();
        final int keyLength = INT + BLOCK_LENGTH + nameLength + exeLength + INT + ancestorsLength;
        if (keyLength > MAX_KEY || ancestors - eventAt < BLOCK_FROM + BLOCK_LENGTH)
        {
            // too long to keep, or a block shorter than this schema's (every range read below is within the record)
            current = null;
            return false;
        }
        final long threadId = record.getLong(eventAt + EventDecoder.threadUniqueIdEncodingOffset());
        final int slot = (int)((threadId ^ view.event().hostTid()) * 0x9E3779B97F4A7C15L >>> INDEX_SHIFT);
        Entry entry = entries[slot];
        if (entry == null)
        {
            entry = new Entry();
            entries[slot] = entry;
        }
        current = entry;
        final byte[] array = record.byteArray();
        final long address = record.addressOffset();
        final int block = eventAt + BLOCK_FROM;
        final int masked = presence & PRESENCE_MASK;
        final int atExe = INT + BLOCK_LENGTH + nameLength;
        final int atAncestors = atExe + exeLength;
        byte[] key = entry.key;
        if (entry.keyLength == keyLength && UnsafeApi.getInt(key, BufferUtil.ARRAY_BASE_OFFSET) == masked
            && UnsafeApi.getInt(key, BufferUtil.ARRAY_BASE_OFFSET + atAncestors) == ancestorsLength
            && same(array, address + block, key, INT, BLOCK_LENGTH)
            && same(array, address + name, key, INT + BLOCK_LENGTH, nameLength)
            && same(array, address + exe, key, atExe, exeLength)
            && same(array, address + ancestors, key, atAncestors + INT, ancestorsLength))
        {
            hits++;
            return true;
        }
        // filled again: unusable until both fragments are kept
        entry.keyLength = -1;
        if (key.length < keyLength)
        {
            // once per entry and size class: an entry keeps the largest key it has held
            key = new byte[roomFor(keyLength)];
            entry.key = key;
        }
        UnsafeApi.putInt(key, BufferUtil.ARRAY_BASE_OFFSET, masked);
        record.getBytes(block, key, INT, BLOCK_LENGTH);
        record.getBytes(name, key, INT + BLOCK_LENGTH, nameLength);
        record.getBytes(exe, key, atExe, exeLength);
        UnsafeApi.putInt(key, BufferUtil.ARRAY_BASE_OFFSET + atAncestors, ancestorsLength);
        record.getBytes(ancestors, key, atAncestors + INT, ancestorsLength);
        entry.pendingKeyLength = keyLength;
        return false;
    }

    /** After a miss: the thread's head was written from {@code from} to the sink's position. */
    void keepThread(final JsonDocument json, final int from)
    {
        if (current != null && !current.thread.keep(json, from, MAX_THREAD))
        {
            // not kept: the entry stays unusable, and the process's tail is not kept either
            current = null;
        }
    }

    /** After a miss: the process's tail was written from {@code from} to the sink's position; the entry is complete. */
    void keepProcess(final JsonDocument json, final int from)
    {
        if (current != null && current.process.keep(json, from, MAX_PROCESS))
        {
            current.keyLength = current.pendingKeyLength;
        }
    }

    /** After a hit: the thread's head as kept. */
    void writeThread(final JsonDocument json)
    {
        current.thread.write(json);
    }

    /** After a hit: the process's tail as kept. */
    void writeProcess(final JsonDocument json)
    {
        current.process.write(json);
    }

    /**
     * @return events whose fragments were copied (tests).
     */
    long hits()
    {
        return hits;
    }

    /**
     * Equal bytes, compared eight at a time (the last eight overlapping the ones before when the length is not a
     * multiple): {@code length} bytes at {@code address} of {@code array} (null for memory outside the heap, as
     * {@link DirectBuffer#addressOffset} says), within the record the view checked, and at {@code at} of {@code key}.
     */
    private static boolean same(final byte[] array, final long address, final byte[] key, final int at, final int length)
    {
        final long keyAddress = BufferUtil.ARRAY_BASE_OFFSET + at;
        if (length < Long.BYTES)
        {
            for (int i = 0; i < length; i++)
            {
                if (UnsafeApi.getByte(array, address + i) != key[at + i])
                {
                    return false;
                }
            }
            return true;
        }
        final int last = length - Long.BYTES;
        for (int i = 0; i < last; i += Long.BYTES)
        {
            if (UnsafeApi.getLong(array, address + i) != UnsafeApi.getLong(key, keyAddress + i))
            {
                return false;
            }
        }
        return UnsafeApi.getLong(array, address + last) == UnsafeApi.getLong(key, keyAddress + last);
    }

    /** An entry's array for {@code length} bytes: a multiple of 128, so that a few larger events do not each reallocate. */
    private static int roomFor(final int length)
    {
        return (length + 127) & ~127;
    }

    private static int presenceMask()
    {
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[PresenceEncoder.ENCODED_LENGTH]);
        new PresenceEncoder().wrap(scratch, 0).thread(true).threadStartTime(true).pid(true).realUser(true)
            .realUserId(true).executable(true).hostPid(true).user(true).userId(true);
        return scratch.getInt(0, ByteOrder.LITTLE_ENDIAN);
    }

    /** One thread's key and fragments; {@code keyLength} -1 while it is being filled. */
    private static final class Entry
    {
        final Fragment thread = new Fragment(128);
        final Fragment process = new Fragment(384);
        byte[] key = new byte[256];
        int keyLength = -1;
        int pendingKeyLength;
    }

    /** Text as written, with the sink's comma state after it: replayed as it is. */
    private static final class Fragment
    {
        private byte[] bytes;
        private int length;
        private int commaAfter;

        Fragment(final int capacity)
        {
            this.bytes = new byte[capacity];
        }

        /** @return false when the text, from {@code from} to the sink's position, is longer than {@code max}. */
        boolean keep(final JsonDocument json, final int from, final int max)
        {
            final int written = json.position - from;
            if (written > max)
            {
                return false;
            }
            if (bytes.length < written)
            {
                // an entry keeps the largest fragment it has held
                bytes = new byte[roomFor(written)];
            }
            System.arraycopy(json.bytes, from, bytes, 0, written);
            length = written;
            commaAfter = json.comma;
            return true;
        }

        void write(final JsonDocument json)
        {
            json.fragmentInRoom(bytes, length, commaAfter);
        }
    }
}
