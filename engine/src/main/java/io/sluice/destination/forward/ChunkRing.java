package io.sluice.destination.forward;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The chunks a forward destination holds, oldest first, in a fixed ring of reused {@link Chunk}s; each chunk taken
 * gets a new id: 8 random bytes drawn once per ring and an 8-byte count, base64 (24 ASCII bytes), so that ids are
 * unique across runs without drawing randomness per chunk.
 */
final class ChunkRing
{
    private static final int ID_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Chunk[] ring;
    private final byte[] rawId = new byte[ID_BYTES];
    private final byte[] id = new byte[(ID_BYTES + 2) / 3 * 4];
    private long nextId;
    private int first;
    private int size;

    /**
     * @param capacity the most chunks held.
     */
    ChunkRing(final int capacity)
    {
        RANDOM.nextBytes(rawId);
        ring = new Chunk[capacity];
        for (int i = 0; i < capacity; i++)
        {
            ring[i] = new Chunk(nextId());
        }
    }

    int size()
    {
        return size;
    }

    boolean full()
    {
        return size == ring.length;
    }

    /**
     * @param index 0 for the oldest.
     * @return that chunk.
     */
    Chunk get(final int index)
    {
        return ring[(first + index) % ring.length];
    }

    /**
     * @return the newest chunk, or null when none is held.
     */
    Chunk newest()
    {
        return size == 0 ? null : get(size - 1);
    }

    /**
     * @return a new, empty, open chunk, newest of all; the ring must not be {@link #full}.
     */
    Chunk add()
    {
        final Chunk chunk = ring[(first + size) % ring.length];
        chunk.reset(nextId());
        size++;
        return chunk;
    }

    /**
     * Let go of the oldest chunk.
     */
    void release()
    {
        first = (first + 1) % ring.length;
        size--;
    }

    /**
     * The peer acknowledged a chunk: the sent chunk with that id is done (an unknown id, a late ack of a chunk already
     * resolved, is ignored).
     *
     * @param b      the id's bytes.
     * @param from   where the id starts.
     * @param length its length.
     */
    void acknowledge(final byte[] b, final int from, final int length)
    {
        for (int i = 0; i < size; i++)
        {
            final Chunk chunk = get(i);
            if (chunk.state() == Chunk.SENT && chunk.isId(b, from, length))
            {
                chunk.state(Chunk.DONE);
                return;
            }
        }
    }

    /**
     * @param sentBefore a {@link System#nanoTime()} instant.
     * @return true when a chunk sent before that instant is still not acknowledged.
     */
    boolean unacknowledgedSince(final long sentBefore)
    {
        for (int i = 0; i < size; i++)
        {
            final Chunk chunk = get(i);
            if (chunk.state() == Chunk.SENT && chunk.sentAt() - sentBefore < 0)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * The connection is lost: every chunk written and not acknowledged is to be written again (same id).
     */
    void resealUnacknowledged()
    {
        for (int i = 0; i < size; i++)
        {
            final Chunk chunk = get(i);
            if (chunk.state() == Chunk.SENT)
            {
                chunk.state(Chunk.SEALED);
            }
        }
    }

    /**
     * Give up on every chunk not yet written: each is discarded (its events fail).
     */
    void discardUnsent()
    {
        for (int i = 0; i < size; i++)
        {
            final Chunk chunk = get(i);
            if (chunk.state() == Chunk.OPEN || chunk.state() == Chunk.SEALED)
            {
                chunk.state(Chunk.DISCARDED);
            }
        }
    }

    private byte[] nextId()
    {
        long counter = nextId++;
        for (int i = ID_BYTES - 1; i >= ID_BYTES / 2; i--)
        {
            rawId[i] = (byte)counter;
            counter >>>= 8;
        }
        Base64.getEncoder().encode(rawId, id);
        return id;
    }
}
