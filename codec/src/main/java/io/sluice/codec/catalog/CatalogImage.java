package io.sluice.codec.catalog;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event catalog as the build ships it: {@code schemas/events.yaml} parsed once, at build time, and written in a
 * small binary layout that start-up reads in a few milliseconds. Parsing the YAML took ~200 ms of every start, and ran
 * the YAML parser long enough that the JIT's C2 compiled it in the first seconds of a run, while the pipeline's own
 * methods waited in its queue.
 * <p>
 * The layout (big-endian {@link DataOutputStream} numbers, strings as {@link DataOutputStream#writeUTF}):
 * <pre>
 *   int MAGIC | int VERSION | int eventCount
 *   per event:  int id | utf name
 *               | int argCount | per arg: utf name | utf type (its events.yaml name, {@link ArgType#jsonName})
 *               | int syscallCount | per syscall: utf arch | int number
 *               | int setCount | per set: utf set
 *               | utf capture kind ({@link Capture.Kind#key}) | int pointCount | per point: utf point
 *   end of the image (nothing may follow the last event)
 * </pre>
 * {@link #main} writes it (the codec build, after compiling); {@link #read} reads it back to the same definitions.
 */
public final class CatalogImage
{
    /** Where the build puts the image in the codec jar (where {@code events.yaml} was shipped before it). */
    public static final String RESOURCE = "/io/sluice/codec/schema/events.bin";
    /** {@code SLEC}: what the image starts with. */
    static final int MAGIC = 0x534C_4543;
    /** The layout's version: a build and a reader of different versions refuse each other. */
    static final int VERSION = 2;

    private CatalogImage()
    {
    }

    /**
     * The build step: parse an {@code events.yaml} and write its image.
     *
     * @param args the YAML file, then the image file to write.
     * @throws IOException when either file cannot be read or written.
     */
    public static void main(final String[] args) throws IOException
    {
        if (args.length != 2)
        {
            throw new IllegalArgumentException("usage: CatalogImage EVENTS_YAML IMAGE");
        }
        final EventCatalog catalog;
        try (InputStream in = Files.newInputStream(Path.of(args[0])))
        {
            catalog = EventCatalog.parse(in);
        }
        final Path image = Path.of(args[1]).toAbsolutePath();
        final Path directory = image.getParent();
        if (directory != null)
        {
            Files.createDirectories(directory);
        }
        try (OutputStream out = Files.newOutputStream(image))
        {
            write(catalog.events(), out);
        }
    }

    /**
     * @param events the definitions, in catalog order.
     * @param out    where the image goes (not closed).
     * @throws IOException when {@code out} fails.
     */
    public static void write(final List<EventDefinition> events, final OutputStream out) throws IOException
    {
        final DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(events.size());
        for (final EventDefinition event : events)
        {
            data.writeInt(event.id());
            data.writeUTF(event.name());
            data.writeInt(event.args().size());
            for (final ArgDefinition arg : event.args())
            {
                data.writeUTF(arg.name());
                data.writeUTF(arg.type().jsonName());
            }
            data.writeInt(event.syscalls().size());
            // by architecture name: the catalog's maps iterate in an order each JVM draws anew, and the build's image
            // must be the same bytes from the same events.yaml
            for (final Map.Entry<String, Integer> syscall : new TreeMap<>(event.syscalls()).entrySet())
            {
                data.writeUTF(syscall.getKey());
                data.writeInt(syscall.getValue());
            }
            data.writeInt(event.sets().size());
            for (final String set : event.sets())
            {
                data.writeUTF(set);
            }
            data.writeUTF(event.capture().kind().key());
            data.writeInt(event.capture().points().size());
            for (final String point : event.capture().points())
            {
                data.writeUTF(point);
            }
        }
        data.flush();
    }

    /**
     * @param in an image (not closed).
     * @return its definitions, in catalog order.
     * @throws IOException           when {@code in} fails.
     * @throws IllegalStateException when it is not an image of this layout, or is cut short.
     */
    public static List<EventDefinition> read(final InputStream in) throws IOException
    {
        final DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        try
        {
            final int magic = data.readInt();
            final int version = data.readInt();
            if (magic != MAGIC || version != VERSION)
            {
                throw new IllegalStateException(String.format(
                    "event catalog image: expected magic %08x version %d, found %08x version %d", MAGIC, VERSION, magic, version));
            }
            final int count = count(data, "events");
            final List<EventDefinition> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++)
            {
                events.add(event(data));
            }
            if (data.read() != -1)
            {
                throw new IllegalStateException("event catalog image: bytes after its " + count + " events");
            }
            return events;
        }
        catch (final EOFException ex)
        {
            throw new IllegalStateException("event catalog image: cut short", ex);
        }
        catch (final UTFDataFormatException ex)
        {
            throw new IllegalStateException("event catalog image: malformed text: " + ex.getMessage(), ex);
        }
    }

    private static EventDefinition event(final DataInputStream data) throws IOException
    {
        final int id = data.readInt();
        final String name = data.readUTF();
        final int argCount = count(data, name + ": args");
        final List<ArgDefinition> args = new ArrayList<>(argCount);
        for (int i = 0; i < argCount; i++)
        {
            final String argName = data.readUTF();
            final String typeName = data.readUTF();
            final ArgType type = ArgType.byJsonName(typeName);
            if (type == null)
            {
                throw new IllegalStateException("event catalog image: event " + name + ": unknown arg type " + typeName);
            }
            args.add(new ArgDefinition(argName, type));
        }
        final int syscallCount = count(data, name + ": syscalls");
        final Map<String, Integer> syscalls = new HashMap<>();
        for (int i = 0; i < syscallCount; i++)
        {
            final String arch = data.readUTF();
            syscalls.put(arch, data.readInt());
        }
        final int setCount = count(data, name + ": sets");
        final List<String> sets = new ArrayList<>(setCount);
        for (int i = 0; i < setCount; i++)
        {
            sets.add(data.readUTF());
        }
        final Capture.Kind kind = kind(name, data.readUTF());
        final int pointCount = count(data, name + ": capture points");
        final List<String> points = new ArrayList<>(pointCount);
        for (int i = 0; i < pointCount; i++)
        {
            points.add(data.readUTF());
        }
        final Capture capture = new Capture(kind, points);
        return new EventDefinition(id, name, List.copyOf(args), Map.copyOf(syscalls), List.copyOf(sets), capture);
    }

    private static Capture.Kind kind(final String event, final String key)
    {
        final Capture.Kind kind = Capture.Kind.byKey(key);
        if (kind == null)
        {
            throw new IllegalStateException("event catalog image: event " + event + ": unknown capture kind " + key);
        }
        return kind;
    }

    private static int count(final DataInputStream data, final String what) throws IOException
    {
        final int count = data.readInt();
        if (count < 0 || count > 1 << 16)
        {
            throw new IllegalStateException("event catalog image: " + what + ": count " + count + " out of range");
        }
        return count;
    }
}
