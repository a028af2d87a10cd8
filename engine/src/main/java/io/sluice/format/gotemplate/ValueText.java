package io.sluice.format.gotemplate;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code %v} of a value, as {@code fmt.Fprint} writes it: numbers as decimal, enums by name (their
 * {@code String()}), lists as {@code [a b]}, maps as {@code map[k:v]} in key order, messages as protobuf's
 * {@code String()} (one-line text format: {@code seconds:1 nanos:2}, without protobuf's random extra spaces), times
 * as {@code time.Time.String()}. A missing value is {@code <no value>} when an action prints it and {@code <nil>}
 * inside {@code print} or a list.
 */
final class ValueText
{
    private static final byte[] NO_VALUE = "<no value>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NIL = "<nil>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private final ValueStack stack;
    private final GoTime time;

    ValueText(final ValueStack stack, final GoTime time)
    {
        this.stack = stack;
        this.time = time;
    }

    /**
     * Writes what an action ({@code {{.a}}}) prints.
     */
    void action(final Value value, final ByteSink out)
    {
        if (value.kind == Value.NIL)
        {
            out.put(NO_VALUE);
            return;
        }
        print(value, out);
    }

    /**
     * Writes {@code %v} of the value.
     */
    void print(final Value value, final ByteSink out)
    {
        switch (value.kind)
        {
            case Value.NIL -> out.put(NIL);
            case Value.BOOL -> out.put(value.bits != 0 ? TRUE : FALSE);
            case Value.INT -> integer(value, out);
            case Value.UINT -> out.putUnsigned(value.bits);
            case Value.FLOAT -> FloatText.shortest(value.real, 'g', out);
            case Value.STRING -> out.put(value.bytes, value.offset, value.length);
            case Value.LIST -> list(value, out);
            case Value.MAP -> map(value, out);
            case Value.MESSAGE -> message(value, out, false);
            default -> time.print(value, out);
        }
    }

    private static void integer(final Value value, final ByteSink out)
    {
        if (value.type == GoTypes.ENUM)
        {
            final byte[] name = value.data.enumName(value.handle, value.bits);
            if (name != null)
            {
                out.put(name);
                return;
            }
        }
        out.putLong(value.bits);
    }

    private void list(final Value list, final ByteSink out)
    {
        out.put('[');
        final int mark = stack.mark();
        final Value element = stack.push();
        for (int i = 0; i < list.length; i++)
        {
            if (i > 0)
            {
                out.put(' ');
            }
            list.element(i, element);
            print(element, out);
        }
        stack.release(mark);
        out.put(']');
    }

    private void map(final Value map, final ByteSink out)
    {
        out.putAscii("map[");
        final int mark = stack.mark();
        final Value item = stack.push();
        final int size = map.size();
        for (int i = 0; i < size; i++)
        {
            if (i > 0)
            {
                out.put(' ');
            }
            map.data.key(map.handle, i, item);
            print(item, out);
            out.put(':');
            map.data.entry(map.handle, i, item);
            print(item, out);
        }
        stack.release(mark);
        out.put(']');
    }

    /**
     * Protobuf's one-line text format of a message: its set fields in field order.
     *
     * @param braces true inside another message ({@code name:{...}}).
     */
    private void message(final Value message, final ByteSink out, final boolean braces)
    {
        if (message.nil)
        {
            out.put(NIL);
            return;
        }
        if (braces)
        {
            out.put('{');
        }
        final int mark = stack.mark();
        final Value field = stack.push();
        final Value element = stack.push();
        final TemplateData data = message.data;
        final long handle = message.handle;
        boolean first = true;
        final int count = data.fieldCount(handle);
        for (int i = 0; i < count; i++)
        {
            if (!data.fieldAt(handle, i, field))
            {
                continue;
            }
            final String name = data.fieldName(handle, i);
            if ((field.kind == Value.LIST && field.type != GoTypes.BYTES) || field.kind == Value.MAP)
            {
                first = repeated(name, field, element, out, first);
                continue;
            }
            if (!first)
            {
                out.put(' ');
            }
            first = false;
            textField(name, field, out);
        }
        stack.release(mark);
        if (braces)
        {
            out.put('}');
        }
    }

    private boolean repeated(final String name, final Value field, final Value element, final ByteSink out, final boolean first)
    {
        boolean isFirst = first;
        final int size = field.size();
        for (int e = 0; e < size; e++)
        {
            if (!isFirst)
            {
                out.put(' ');
            }
            isFirst = false;
            if (field.kind == Value.MAP)
            {
                out.putAscii(name);
                out.putAscii(":{key:");
                field.data.key(field.handle, e, element);
                textScalar(element, out);
                out.putAscii(" value:");
                field.data.entry(field.handle, e, element);
                textScalar(element, out);
                out.put('}');
            }
            else
            {
                field.element(e, element);
                textField(name, element, out);
            }
        }
        return isFirst;
    }

    private void textField(final String name, final Value value, final ByteSink out)
    {
        out.putAscii(name);
        out.put(':');
        if (value.kind == Value.MESSAGE)
        {
            message(value, out, true);
        }
        else
        {
            textScalar(value, out);
        }
    }

    private void textScalar(final Value value, final ByteSink out)
    {
        if (value.kind == Value.STRING || value.type == GoTypes.BYTES)
        {
            GoQuote.quote(value.bytes, value.offset, value.length, out, false);
        }
        else
        {
            print(value, out);
        }
    }
}
