package io.sluice.source;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.ring.SharedRing;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthetic source's default load covers the whole catalog: every kernel event kind comes, each with its catalog
 * arguments in order and of their types (paths, argv, sockaddrs and descriptor pairs not empty), while the catalog's
 * first events, the most common ones, make three quarters of it; a mix of a few events (a selection) is drawn uniformly.
 */
class SyntheticCatalogCoverageTest
{
    private static final int COUNT = 60_000;
    private static final EventCatalog CATALOG = EventCatalog.standard();

    @Test
    void everyKernelEventKindIsGeneratedWithItsArguments()
    {
        final SyntheticSpec spec = SyntheticSpec.parse("synthetic:count=" + COUNT + ",seed=17", CATALOG);
        assertTrue(spec.events().size() >= 440, "the whole catalog: " + spec.events().size());
        final OneToOneRingBuffer ring = new OneToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(
            SharedRing.DEFAULT_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH)));
        final SyntheticSource source = new SyntheticSource(spec);
        source.start(ring);
        final EventProtoDecoder decoder = new EventProtoDecoder(CATALOG);
        final Map<String, Integer> seen = new HashMap<>();
        final int[] read = {0};
        while (read[0] < COUNT)
        {
            ring.read((type, buffer, index, length) ->
            {
                final Event event = decoder.decode(buffer, index, length);
                checkArguments(event);
                seen.merge(event.getName(), 1, Integer::sum);
                read[0]++;
            });
        }
        final Set<String> missing = new TreeSet<>();
        spec.events().forEach(event -> missing.add(event.name()));
        missing.removeAll(seen.keySet());
        assertEquals(Set.of(), missing, "kinds never generated");

        long head = 0;
        for (final EventDefinition event : spec.events().subList(0, SyntheticSource.HEAD))
        {
            head += seen.getOrDefault(event.name(), 0);
        }
        assertTrue(head > COUNT * 0.73 && head < COUNT * 0.8, "the catalog's first events' share: " + head);
    }

    @Test
    void aSmallMixIsDrawnUniformly()
    {
        final int[] counts = new int[SyntheticSource.UNIFORM_UP_TO];
        for (long seq = 0; seq < 64_000; seq++)
        {
            counts[SyntheticSource.eventIndex(3, seq, counts.length)]++;
        }
        for (final int count : counts)
        {
            assertTrue(count > 850 && count < 1150, "each of 64 events about 1000 times: " + count);
        }
    }

    private static void checkArguments(final Event event)
    {
        final List<ArgDefinition> args = CATALOG.byName(event.getName()).args();
        final List<EventValue> data = event.getDataList();
        assertEquals(args.size() + 1, data.size(), event.getName() + ": its arguments and seq");
        for (int i = 0; i < args.size(); i++)
        {
            final EventValue value = data.get(i);
            assertEquals(args.get(i).name(), value.getName(), event.getName());
            assertEquals(args.get(i).type().jsonName(), caseName(value), event.getName() + "." + value.getName());
            switch (args.get(i).type())
            {
                case STR -> assertFalse(value.getStr().isEmpty(), value.toString());
                case STR_ARRAY -> assertFalse(value.getStrArray().getValueList().isEmpty(), value.toString());
                case SOCKADDR -> assertTrue(value.getSockaddr().getSaFamilyValue() != 0, value.toString());
                case INT32_ARRAY -> assertEquals(2, value.getInt32Array().getValueCount(), value.toString());
                default ->
                {
                }
            }
        }
    }

    /** The EventValue member a value holds, as events.yaml names it ({@code INT32_ARRAY} is {@code int32_array}). */
    private static String caseName(final EventValue value)
    {
        return value.getValueCase().name().toLowerCase(java.util.Locale.ROOT);
    }
}
