package io.sluice.filter.field;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import com.google.protobuf.util.FieldMaskUtil;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.json.EventJsonWriter;
import io.sluice.codec.proto.EventProtoDecoder;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.testing.RandomEvents;
import io.sluice.config.ConfigException;
import io.sluice.proto.v1beta1.Event;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static io.sluice.codec.testing.ReferenceJson.assertSameJson;
import static io.sluice.codec.testing.ReferenceJson.bytes;
import static io.sluice.codec.testing.ReferenceJson.printUtf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Field filters are protobuf field masks: for any event and any chain of filters, the JSON Sluice prints for the
 * rewritten record is byte for byte what protobuf's JSON printer prints for the event's {@code v1beta1.Event} after
 * protobuf's {@link FieldMaskUtil} applied the same masks one after another (INCLUDE: {@code merge} of the mask from
 * the message into an empty builder; EXCLUDE: each path cleared). Every field path of the message can be named; paths
 * {@code FieldMaskUtil} calls invalid are refused.
 */
class FieldMaskDifferentialTest
{
    private static final int EVENTS = 6_000;
    private static final int RAW_RECORDS = 3_000;
    /** How deep {@code detected_from.detected_from...} goes in the list of every path. */
    private static final int DETECTED_FROM_DEPTH = 2;

    private final EventCatalog catalog = EventCatalog.standard();
    private final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
    private final EventProtoDecoder decoder = new EventProtoDecoder(catalog);
    private final EventJsonWriter writer = new EventJsonWriter(catalog);
    private final ExpandableArrayBuffer record = new ExpandableArrayBuffer(256);
    private final ExpandableArrayBuffer masked = new ExpandableArrayBuffer(256);
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(256);
    private final List<String> eventNames = catalog.events().stream().map(EventDefinition::name).toList();

    @BeforeEach
    void namePolicies()
    {
        encoder.policyNames(RandomEvents.POLICY_NAMES);
        decoder.policyNames(RandomEvents.POLICY_NAMES);
        writer.policyNames(RandomEvents.POLICY_NAMES);
    }

    /** Every field path of {@code v1beta1.Event}, {@code detected_from} followed {@value #DETECTED_FROM_DEPTH} deep. */
    static List<String> everyPath()
    {
        final List<String> paths = new ArrayList<>();
        walk(Event.getDescriptor(), "", 0, paths);
        return paths;
    }

    private static void walk(final Descriptor message, final String prefix, final int depth, final List<String> paths)
    {
        for (final FieldDescriptor field : message.getFields())
        {
            final String path = prefix + field.getName();
            paths.add(path);
            if (!field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE)
            {
                final boolean event = field.getMessageType() == Event.getDescriptor();
                if (!event || depth < DETECTED_FROM_DEPTH)
                {
                    walk(field.getMessageType(), path + ".", event ? depth + 1 : depth, paths);
                }
            }
        }
    }

    @Test
    void everyFieldPathOfTheEventCanBeNamed()
    {
        final List<String> paths = everyPath();
        for (final String path : paths)
        {
            assertTrue(FieldMaskUtil.isValid(Event.class, path), path);
            FieldFilters.parse("--field-filters", "{\"fields\": \"" + path + "\", \"action\": \"INCLUDE\"}", catalog);
            FieldFilters.parse("--field-filters", "{\"fields\": \"" + path + "\", \"action\": \"EXCLUDE\"}", catalog);
        }
        // the fields the record carries are exactly the paths outside detected_from, and detected_from's id, name, data
        final Set<String> carried = new TreeSet<>();
        for (final String path : paths)
        {
            final boolean inside = path.startsWith("detected_from.");
            if (!inside || path.equals("detected_from.id") || path.equals("detected_from.name") || path.equals("detected_from.data"))
            {
                carried.add(path);
            }
        }
        final Set<String> fields = new TreeSet<>();
        for (final EventField field : EventField.values())
        {
            fields.add(field.path());
            assertEquals(field, EventField.byPath(field.path()));
            assertFalse(EventField.insideDetectedFrom(field.path()), field.path());
        }
        assertEquals(carried, fields);
    }

    @Test
    void pathsFieldMaskUtilCallsInvalidAreRefused()
    {
        final String[] invalid = {
            "data.name", "data.str", "workload.process.ancestors.pid", "workload.process.ancestors.executable.path",
            "policies.matched.x", "threat.properties.key", "detected_from.data.name", "detected_from.detected_from.data.int32",
            "detected_from.workload.process.ancestors.pid", "id.value", "name.x", "timestamp.seconds.x",
            "workload.process.pid.value.x", "detected_from.id.x", "detected_from.detected_from.name.x",
            "process.arguments", "workload.nope", "workload.process.nope.x", "detected_from.nope", "detected_from.detected_from.nope",
            "workload..process", ".workload", "workload.", "detected_from.", "data."};
        for (final String path : invalid)
        {
            // FieldMaskUtil splits with String.split, which drops a trailing empty name: Sluice does not
            assertTrue(!FieldMaskUtil.isValid(Event.class, path) || path.endsWith("."), path);
            for (final String action : new String[]{"INCLUDE", "EXCLUDE"})
            {
                final String message = assertThrows(ConfigException.class, () -> FieldFilters.parse("--field-filters",
                    "{\"fields\": \"workload," + path + "\", \"action\": \"" + action + "\"}", catalog), path).getMessage();
                assertTrue(message.startsWith("--field-filters: fields = '" + path + "': unknown field of v1beta1.Event"), message);
            }
        }
        assertTrue(refusal("data.name").endsWith("data is repeated, it can only be named whole"), refusal("data.name"));
        assertTrue(refusal("workload.process.ancestors.executable.path").endsWith(
            "workload.process.ancestors is repeated, it can only be named whole"));
        assertTrue(refusal("detected_from.detected_from.data.int32").endsWith(
            "detected_from.detected_from.data is repeated, it can only be named whole"));
        assertTrue(refusal("workload.process.pid.value.x").endsWith("workload.process.pid.value has no fields"));
        assertTrue(refusal("detected_from.detected_from.name.x").endsWith("detected_from.detected_from.name has no fields"));
    }

    private String refusal(final String path)
    {
        return assertThrows(ConfigException.class, () -> FieldFilters.parse("--field-filters",
            "{\"fields\": \"" + path + "\", \"action\": \"INCLUDE\"}", catalog)).getMessage();
    }

    @Test
    void masksOfGeneratedEventsPrintWhatFieldMaskUtilLeaves()
    {
        final RandomEvents events = new RandomEvents(20250611L);
        final Random random = new Random(4004L);
        final List<String> paths = everyPath();
        for (int i = 0; i < EVENTS; i++)
        {
            final Event event = events.nextEvent();
            final int length = encoder.encode(event, record, 0);
            final int n = i;
            check(random, paths, length, () -> "generated event #" + n + ":\n" + event);
        }
    }

    @Test
    void masksOfRecordsFromACarelessProducerPrintWhatFieldMaskUtilLeaves()
    {
        final RandomEvents events = new RandomEvents(7302L);
        final Random random = new Random(4005L);
        final List<String> paths = everyPath();
        for (int i = 0; i < RAW_RECORDS; i++)
        {
            final int length = events.nextRecord(record);
            final byte[] input = bytes(record, 0, length);
            final int n = i;
            check(random, paths, length, () -> "raw record #" + n + ": " + HexFormat.of().formatHex(input));
        }
    }

    @Test
    void everySinglePathOnItsOwnPrintsWhatFieldMaskUtilLeaves()
    {
        final RandomEvents events = new RandomEvents(11L);
        final List<Event> sample = new ArrayList<>();
        for (int i = 0; i < 150; i++)
        {
            sample.add(events.nextEvent());
        }
        for (final String path : everyPath())
        {
            for (final String action : new String[]{"INCLUDE", "EXCLUDE"})
            {
                final List<Filter> chain = List.of(new Filter(List.of(path), action.equals("INCLUDE"), null, false));
                for (final Event event : sample)
                {
                    final int length = encoder.encode(event, record, 0);
                    compare(chain, length, () -> action + " " + path + " of\n" + event);
                }
            }
        }
    }

    @Test
    void theRewriteAllocatesNothingPerEvent()
    {
        final RandomEvents events = new RandomEvents(99L);
        final int count = 64;
        final ExpandableArrayBuffer[] records = new ExpandableArrayBuffer[count];
        final int[] lengths = new int[count];
        for (int i = 0; i < count; i++)
        {
            records[i] = new ExpandableArrayBuffer(1 << 16);
            lengths[i] = encoder.encode(events.nextEvent(), records[i], 0);
        }
        final FieldFilters filters = new FieldFilters(FieldFilters.parse("--field-filters",
            "{\"fields\": \"workload.process,threat.mitre.technique.id,detected_from.name,name,data\", \"action\": \"INCLUDE\"}\n"
                + "{\"fields\": \"workload.process.pid.value,workload.process.ancestors,threat.mitre.technique\", \"action\": \"EXCLUDE\"}\n"
                + "{\"fields\": \"data\", \"action\": \"EXCLUDE\", \"event_set\": [\"openat\"], \"invert_event_set\": true}",
            catalog), catalog);
        final ExpandableArrayBuffer target = new ExpandableArrayBuffer(1 << 20);
        long checksum = 0;
        for (int round = 0; round < 2_000; round++)
        {
            checksum += filters.apply(round, records[round % count], 0, target);
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(threadId);
        for (int round = 0; round < 200_000; round++)
        {
            final int k = round % count;
            checksum += filters.apply(k, records[k], 0, target);
        }
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;
        assertTrue(checksum != 0);
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes over 200000 rewrites");
    }

    /** One filter: its paths, INCLUDE or EXCLUDE, and its event set (names; null = every event). */
    private record Filter(List<String> paths, boolean include, List<String> eventSet, boolean invert)
    {
        String json()
        {
            final StringBuilder json = new StringBuilder("{\"fields\": \"").append(String.join(",", paths))
                .append("\", \"action\": \"").append(include ? "INCLUDE" : "EXCLUDE").append('"');
            if (eventSet != null)
            {
                json.append(", \"event_set\": [");
                for (int i = 0; i < eventSet.size(); i++)
                {
                    json.append(i == 0 ? "\"" : ", \"").append(eventSet.get(i)).append('"');
                }
                json.append("], \"invert_event_set\": ").append(invert);
            }
            return json.append('}').toString();
        }

        boolean selects(final int eventId, final EventCatalog catalog)
        {
            if (eventSet == null)
            {
                return true;
            }
            final boolean inSet = eventSet.stream().anyMatch(name -> catalog.byName(name).id() == eventId);
            return inSet != invert;
        }
    }

    private void check(final Random random, final List<String> paths, final int length, final Supplier<String> what)
    {
        final int eventId = decoder.decode(record, 0, length).getIdValue();
        final List<Filter> chain = new ArrayList<>();
        final int filters = 1 + random.nextInt(random.nextInt(4) == 0 ? 4 : 2);
        for (int f = 0; f < filters; f++)
        {
            final List<String> chosen = new ArrayList<>();
            final int count = 1 + random.nextInt(random.nextInt(3) == 0 ? 6 : 2);
            for (int p = 0; p < count; p++)
            {
                chosen.add(path(random, paths));
            }
            List<String> eventSet = null;
            if (random.nextInt(4) == 0)
            {
                final EventDefinition own = catalog.byId(eventId);
                eventSet = List.of(own != null && random.nextBoolean() ? own.name() : eventNames.get(random.nextInt(eventNames.size())));
            }
            chain.add(new Filter(chosen, random.nextBoolean(), eventSet, eventSet != null && random.nextBoolean()));
        }
        compare(chain, length, what);
    }

    /** Mostly fields the record carries (leaves and messages alike), sometimes one deep inside detected_from. */
    private static String path(final Random random, final List<String> paths)
    {
        if (random.nextInt(8) != 0)
        {
            final EventField[] fields = EventField.values();
            return fields[random.nextInt(fields.length)].path();
        }
        return paths.get(random.nextInt(paths.size()));
    }

    private void compare(final List<Filter> chain, final int length, final Supplier<String> what)
    {
        Event expected = decoder.decode(record, 0, length);
        final int eventId = expected.getIdValue();
        final List<FieldFilter> parsed = new ArrayList<>();
        final StringBuilder description = new StringBuilder();
        for (final Filter filter : chain)
        {
            parsed.addAll(FieldFilters.parse("--field-filters", filter.json(), catalog));
            description.append(filter.json()).append('\n');
            if (filter.selects(eventId, catalog)) // the event's own id, even after a filter dropped it
            {
                expected = filter.include ? include(expected, filter.paths) : exclude(expected, filter.paths);
            }
        }
        final FieldFilters filters = new FieldFilters(parsed, catalog);
        final int maskedLength = filters.apply(eventId, record, 0, masked);
        final int written = maskedLength == 0
            ? writer.write(record, 0, length, out, 0) : writer.write(masked, 0, maskedLength, out, 0);
        assertSameJson(printUtf8(expected), bytes(out, 0, written), () -> description + what.get());
    }

    /** INCLUDE: protobuf's merge of the mask from the message into an empty builder. */
    private static Event include(final Event event, final List<String> paths)
    {
        final FieldMask mask = FieldMaskUtil.fromStringList(Event.class, paths);
        final Event.Builder builder = Event.newBuilder();
        FieldMaskUtil.merge(mask, event, builder);
        return builder.build();
    }

    /** EXCLUDE: each path cleared, the messages on the way left as they are (never created). */
    private static Event exclude(final Event event, final List<String> paths)
    {
        final Event.Builder builder = event.toBuilder();
        for (final String path : paths)
        {
            assertTrue(FieldMaskUtil.isValid(Event.class, path), path);
            clear(builder, path.split("\\."), 0);
        }
        return builder.build();
    }

    private static void clear(final Message.Builder builder, final String[] names, final int at)
    {
        final FieldDescriptor field = builder.getDescriptorForType().findFieldByName(names[at]);
        if (at == names.length - 1)
        {
            builder.clearField(field);
        }
        else if (builder.hasField(field))
        {
            clear(builder.getFieldBuilder(field), names, at + 1);
        }
    }
}
