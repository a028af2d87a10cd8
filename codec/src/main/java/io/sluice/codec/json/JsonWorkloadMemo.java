package io.sluice.codec.json;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.PresenceEncoder;
import org.agrona.DirectBuffer;
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
 * grow, up to the limits above, to the largest key and fragments it has held (some 150 KB when every entry is used).
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
    static final int BLOCK_LENGTH = EventDecoder.userIdEncodingOffset() + EventDecoder.userIdEncodingLength() - BLOCK_FROM;
    /** The presence bits the fragments depend on. */
    static final int PRESENCE_MASK = presenceMask();
    private static final int HEADER = Integer.BYTES;

    private final Entry[] entries = new Entry[ENTRIES];
    /** The entry of the event being written: to copy from ({@link #find} true) or to fill; null when not kept. */
    private Entry current;
    private long hits;

    /**
     * Look the event's thread up; the event's writer then calls either the two {@code write...} methods (true) or,
     * after writing each fragment itself, the two {@code keep...} methods (false).
     *
     * @param view     the located record.
     * @param presence its presence bits.
     * @return true when the entry holds both fragments for exactly this record's bytes.
     */
    boolean find(final EventRecordView view, final int presence)
    {
        final DirectBuffer record = view.buffer();
        final int block = view.event().offset() + BLOCK_FROM;
        final int name = view.stringOffset(EventVarData.THREAD_NAME) - HEADER;
        final int nameLength = view.stringLength(EventVarData.THREAD_NAME) + HEADER;
        final int exe = view.stringOffset(EventVarData.EXECUTABLE_PATH) - HEADER;
        final int exeLength = view.stringLength(EventVarData.EXECUTABLE_PATH) + HEADER;
        final int ancestors = view.ancestorsOffset();
        final int ancestorsLength = view.ancestorsLength();
        final int keyLength = HEADER + BLOCK_LENGTH + nameLength + exeLength + HEADER + ancestorsLength;
        if (keyLength > MAX_KEY)
        {
            current = null;
            return false;
        }
        final long threadId = record.getLong(view.event().offset() + EventDecoder.threadUniqueIdEncodingOffset());
        final int slot = (int)((threadId ^ view.event().hostTid()) * 0x9E3779B97F4A7C15L >>> INDEX_SHIFT);
        Entry entry = entries[slot];
        if (entry == null)
        {
            entry = new Entry();
            entries[slot] = entry;
        }
        current = entry;
        final int masked = presence & PRESENCE_MASK;
        final UnsafeBuffer key = entry.key;
        if (entry.keyLength == keyLength && key.getInt(0) == masked
            && same(record, block, key, HEADER, BLOCK_LENGTH)
            && same(record, name, key, HEADER + BLOCK_LENGTH, nameLength)
            && same(record, exe, key, HEADER + BLOCK_LENGTH + nameLength, exeLength)
            && key.getInt(HEADER + BLOCK_LENGTH + nameLength + exeLength) == ancestorsLength
            && same(record, ancestors, key, keyLength - ancestorsLength, ancestorsLength))
        {
            hits++;
            return true;
        }
        // filled again: unusable until both fragments are kept
        entry.keyLength = -1;
        if (key.capacity() < keyLength)
        {
            // once per entry and size class: an entry keeps the largest key it has held
            key.wrap(new byte[roomFor(keyLength)]);
        }
        key.putInt(0, masked);
        key.putBytes(HEADER, record, block, BLOCK_LENGTH);
        key.putBytes(HEADER + BLOCK_LENGTH, record, name, nameLength);
        key.putBytes(HEADER + BLOCK_LENGTH + nameLength, record, exe, exeLength);
        key.putInt(HEADER + BLOCK_LENGTH + nameLength + exeLength, ancestorsLength);
        key.putBytes(keyLength - ancestorsLength, record, ancestors, ancestorsLength);
        entry.pendingKeyLength = keyLength;
        return false;
    }

    /** After a miss: the thread's head was written from {@code from} to the sink's position. */
    void keepThread(final JsonDocument json, final int from)
    {
        final Entry entry = current;
        final int length = json.position - from;
        if (entry == null || length > MAX_THREAD)
        {
            current = null;
            return;
        }
        if (entry.thread.length < length)
        {
            entry.thread = new byte[roomFor(length)];
        }
        System.arraycopy(json.bytes, from, entry.thread, 0, length);
        entry.threadLength = length;
        entry.threadComma = json.comma;
    }

    /** After a miss: the process's tail was written from {@code from} to the sink's position; the entry is complete. */
    void keepProcess(final JsonDocument json, final int from)
    {
        final Entry entry = current;
        final int length = json.position - from;
        if (entry == null || length > MAX_PROCESS)
        {
            return;
        }
        if (entry.process.length < length)
        {
            entry.process = new byte[roomFor(length)];
        }
        System.arraycopy(json.bytes, from, entry.process, 0, length);
        entry.processLength = length;
        entry.processComma = json.comma;
        entry.keyLength = entry.pendingKeyLength;
    }

    /** After a hit: the thread's head as kept. */
    void writeThread(final JsonDocument json)
    {
        json.fragmentInRoom(current.thread, current.threadLength, current.threadComma);
    }

    /** After a hit: the process's tail as kept. */
    void writeProcess(final JsonDocument json)
    {
        json.fragmentInRoom(current.process, current.processLength, current.processComma);
    }

    /**
     * @return events whose fragments were copied (tests).
     */
    long hits()
    {
        return hits;
    }

    /** Equal bytes, compared eight at a time (the last eight overlapping the ones before when the length is not a multiple). */
    private static boolean same(final DirectBuffer a, final int aAt, final UnsafeBuffer b, final int bAt, final int length)
    {
        if (length < Long.BYTES)
        {
            for (int i = 0; i < length; i++)
            {
                if (a.getByte(aAt + i) != b.getByte(bAt + i))
                {
                    return false;
                }
            }
            return true;
        }
        final int last = length - Long.BYTES;
        for (int i = 0; i < last; i += Long.BYTES)
        {
            if (a.getLong(aAt + i) != b.getLong(bAt + i))
            {
                return false;
            }
        }
        return a.getLong(aAt + last) == b.getLong(bAt + last);
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
        final UnsafeBuffer key = new UnsafeBuffer(new byte[256]);
        byte[] thread = new byte[128];
        byte[] process = new byte[384];
        int keyLength = -1;
        int pendingKeyLength;
        int threadLength;
        int threadComma;
        int processLength;
        int processComma;
    }
}
