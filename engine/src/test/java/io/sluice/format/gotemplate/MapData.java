package io.sluice.format.gotemplate;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test data for the engine over plain Java values, as Go would see them: a {@link Map} is a
 * {@code map[string]interface{}}, a {@link List} a {@code []interface{}}, {@link Msg} a pointer to a struct whose
 * fields are named as given ({@link #nil} one that is nil), {@code Integer} an {@code int}, {@code Long} an
 * {@code int64}, {@link #u32}/{@link #u64} unsigned, {@code byte[]} a {@code []byte}.
 */
final class MapData implements TemplateData
{
    private final List<Object> objects = new ArrayList<>();

    /** A struct behind a pointer: its Go type name and its fields in order. */
    record Msg(String type, Map<String, Object> fields, boolean isNil)
    {
    }

    /** An unsigned integer of a Go type. */
    record Unsigned(int type, long value)
    {
    }

    static Msg msg(final String type, final Object... nameValues)
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2)
        {
            fields.put((String)nameValues[i], nameValues[i + 1]);
        }
        return new Msg(type, fields, false);
    }

    static Msg nil(final String type, final String... fieldNames)
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        for (final String name : fieldNames)
        {
            fields.put(name, null);
        }
        return new Msg(type, fields, true);
    }

    static Unsigned u32(final long value)
    {
        return new Unsigned(GoTypes.UINT32, value);
    }

    static Unsigned u64(final long value)
    {
        return new Unsigned(GoTypes.UINT64, value);
    }

    private long register(final Object object)
    {
        objects.add(object);
        return objects.size() - 1;
    }

    void set(final Object object, final Value out)
    {
        if (object == null)
        {
            out.setNil();
        }
        else if (object instanceof String s)
        {
            final byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.setString(new UnsafeBuffer(bytes), 0, bytes.length);
        }
        else if (object instanceof Integer i)
        {
            out.setInt(GoTypes.INT, i);
        }
        else if (object instanceof Long l)
        {
            out.setInt(GoTypes.INT64, l);
        }
        else if (object instanceof Unsigned u)
        {
            out.setUint(u.type(), u.value());
        }
        else if (object instanceof Boolean b)
        {
            out.setBool(b);
        }
        else if (object instanceof Double d)
        {
            out.setFloat(d);
        }
        else if (object instanceof byte[] bytes)
        {
            out.setBytes(new UnsafeBuffer(bytes), 0, bytes.length);
        }
        else if (object instanceof Map<?, ?>)
        {
            out.setMap(this, register(object));
        }
        else if (object instanceof List<?>)
        {
            out.setList(this, register(object));
        }
        else if (object instanceof Msg m)
        {
            out.setMessage(this, register(object), m.isNil());
        }
        else
        {
            throw new IllegalArgumentException("no Go value for " + object.getClass());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(final long handle)
    {
        return new TreeMap<>((Map<String, Object>)objects.get((int)handle));
    }

    private Msg message(final long handle)
    {
        return (Msg)objects.get((int)handle);
    }

    @Override
    public String typeName(final long handle)
    {
        final Object object = objects.get((int)handle);
        if (object instanceof Msg m)
        {
            return "*" + m.type();
        }
        return object instanceof Map<?, ?> ? "map[string]interface {}" : "[]interface {}";
    }

    @Override
    public boolean hasField(final long message, final FieldStep field)
    {
        return message(message).fields().containsKey(field.name);
    }

    @Override
    public boolean field(final long message, final FieldStep field, final Value out)
    {
        final Msg m = message(message);
        if (!m.fields().containsKey(field.name))
        {
            return false;
        }
        set(m.fields().get(field.name), out);
        return true;
    }

    @Override
    public int size(final long composite)
    {
        final Object object = objects.get((int)composite);
        return object instanceof Map<?, ?> map ? map.size() : ((List<?>)object).size();
    }

    @Override
    public void element(final long list, final int index, final Value out)
    {
        set(((List<?>)objects.get((int)list)).get(index), out);
    }

    @Override
    public void key(final long map, final int index, final Value out)
    {
        set(new ArrayList<>(map(map).keySet()).get(index), out);
    }

    @Override
    public void entry(final long map, final int index, final Value out)
    {
        set(new ArrayList<>(map(map).values()).get(index), out);
    }

    @Override
    public boolean lookup(final long map, final DirectBuffer key, final int offset, final int length, final Value out)
    {
        final byte[] bytes = new byte[length];
        key.getBytes(offset, bytes);
        final String name = new String(bytes, StandardCharsets.UTF_8);
        final Map<String, Object> entries = map(map);
        if (!entries.containsKey(name))
        {
            return false;
        }
        set(entries.get(name), out);
        return true;
    }

    @Override
    public void zeroElement(final long map, final Value out)
    {
        out.setNil();
    }

    @Override
    public int fieldCount(final long message)
    {
        return message(message).fields().size();
    }

    @Override
    public String fieldName(final long message, final int index)
    {
        return new ArrayList<>(message(message).fields().keySet()).get(index);
    }

    @Override
    public boolean fieldAt(final long message, final int index, final Value out)
    {
        final Object value = new ArrayList<>(message(message).fields().values()).get(index);
        set(value, out);
        return value != null;
    }

    @Override
    public byte[] enumName(final long enumType, final long number)
    {
        return null;
    }

    /**
     * Renders a template over this data.
     */
    static String render(final String template, final Object data)
    {
        final GoTemplate parsed = GoTemplate.parse("t", template.getBytes(StandardCharsets.UTF_8));
        final MapData mapData = new MapData();
        final ByteSink sink = new ByteSink(new ExpandableArrayBuffer(256));
        final Value root = new Value();
        mapData.objects.clear();
        mapData.set(data, root);
        parsed.executor(java.time.ZoneOffset.UTC).execute(parsed.root(), root, sink);
        return sink.text(0);
    }
}
