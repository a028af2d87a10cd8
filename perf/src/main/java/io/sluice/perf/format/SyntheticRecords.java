package io.sluice.perf.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.ring.SharedRing;
import io.sluice.source.SyntheticSource;
import io.sluice.source.SyntheticSpec;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * The first records the pipeline's synthetic source writes (seed 1: every catalog event, non-ASCII and escaped
 * paths, IPv4/IPv6/unix sockaddrs, bytes, argv), each copied into its own buffer: the common input of the renderer
 * benchmarks, so their figures compare.
 */
public final class SyntheticRecords
{
    private SyntheticRecords()
    {
    }

    /**
     * @param catalog the event catalog.
     * @param count   how many records.
     * @return the records, in the order the source wrote them.
     */
    public static UnsafeBuffer[] first(final EventCatalog catalog, final int count)
    {
        final SyntheticSource source =
            new SyntheticSource(SyntheticSpec.parse("synthetic:count=" + count + ",seed=1", catalog));
        final List<UnsafeBuffer> records = new ArrayList<>();
        try (SharedRing ring = SharedRing.createAnonymous(4 * 1024 * 1024))
        {
            source.start(ring.ring());
            while (records.size() < count)
            {
                final int read = ring.ring().read((type, buffer, index, length) ->
                {
                    final byte[] bytes = new byte[length];
                    buffer.getBytes(index, bytes);
                    records.add(new UnsafeBuffer(bytes));
                });
                if (read == 0)
                {
                    if (source.failure() != null)
                    {
                        throw new IllegalStateException("synthetic source failed", source.failure());
                    }
                    Thread.onSpinWait();
                }
            }
        }
        return records.toArray(new UnsafeBuffer[0]);
    }
}
