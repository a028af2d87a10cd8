package io.sluice.format.gotemplate;

import java.util.Base64;

/**
 * Go's {@code encoding/json} of a value, what Sprig's {@code toJson} prints: messages as objects of their set fields
 * (proto names, as the generated structs' {@code json:"name,omitempty"} tags), maps with sorted keys, byte slices in
 * base64, enums as numbers, strings escaped as Go escapes them ({@code <}, {@code >} and {@code &} as {@code \u003c}
 * ...), times in RFC 3339.
 */
final class JsonText
{
    private static final String HEX = "0123456789abcdef";

    private final ValueStack stack;
    private final GoTime time;

    JsonText(final ValueStack stack, final GoTime time)
    {
        this.stack = stack;
        this.time = time;
    }

    void write(final Value value, final ByteSink out)
    {
        switch (value.kind)
        {
            case Value.NIL -> out.putAscii("null");
            case Value.BOOL -> out.putAscii(value.bits != 0 ? "true" : "false");
            case Value.INT -> out.putLong(value.bits);
            case Value.UINT -> out.putUnsigned(value.bits);
            case Value.FLOAT -> FloatText.json(value.real, out);
            case Value.STRING -> string(value, out);
            case Value.LIST -> list(value, out);
            case Value.MAP -> map(value, out);
            case Value.MESSAGE -> message(value, out);
            default ->
            {
                out.put('"');
                time.format(value.bits, value.nanos, "2006-01-02T15:04:05.999999999Z07:00", out);
                out.put('"');
            }
        }
    }

    private void list(final Value list, final ByteSink out)
    {
        if (list.type == GoTypes.BYTES)
        {
            final byte[] bytes = new byte[list.length];
            list.bytes.getBytes(list.offset, bytes);
            out.put('"');
            out.putAscii(Base64.getEncoder().encodeToString(bytes));
            out.put('"');
            return;
        }
        out.put('[');
        final int mark = stack.mark();
        final Value element = stack.push();
        for (int i = 0; i < list.length; i++)
        {
            if (i > 0)
            {
                out.put(',');
            }
            list.element(i, element);
            write(element, out);
        }
        stack.release(mark);
        out.put(']');
    }

    private void map(final Value map, final ByteSink out)
    {
        if (map.nil)
        {
            out.putAscii("null");
            return;
        }
        out.put('{');
        final int mark = stack.mark();
        final Value item = stack.push();
        for (int i = 0; i < map.size(); i++)
        {
            if (i > 0)
            {
                out.put(',');
            }
            map.data.key(map.handle, i, item);
            string(item, out);
            out.put(':');
            map.data.entry(map.handle, i, item);
            write(item, out);
        }
        stack.release(mark);
        out.put('}');
    }

    private void message(final Value message, final ByteSink out)
    {
        if (message.nil)
        {
            out.putAscii("null");
            return;
        }
        out.put('{');
        final int mark = stack.mark();
        final Value field = stack.push();
        boolean first = true;
        final int count = message.data.fieldCount(message.handle);
        for (int i = 0; i < count; i++)
        {
            if (!message.data.fieldAt(message.handle, i, field) || (field.kind != Value.MESSAGE && !field.truth()))
            {
                continue;
            }
            if (!first)
            {
                out.put(',');
            }
            first = false;
            out.put('"');
            out.putAscii(message.data.fieldName(message.handle, i));
            out.putAscii("\":");
            write(field, out);
        }
        stack.release(mark);
        out.put('}');
    }

    private static void string(final Value value, final ByteSink out)
    {
        out.put('"');
        final int end = value.offset + value.length;
        int at = value.offset;
        while (at < end)
        {
            final int c = value.bytes.getByte(at) & 0xFF;
            if (c >= 0x80)
            {
                final long decoded = Utf8.decode(value.bytes, at, end);
                final int rune = Utf8.rune(decoded);
                if (rune == 0x2028 || rune == 0x2029)
                {
                    out.putAscii(rune == 0x2028 ? "\\u2028" : "\\u2029");
                }
                else if (rune == Utf8.ERROR && Utf8.width(decoded) == 1)
                {
                    out.putAscii("\\ufffd");
                }
                else
                {
                    out.put(value.bytes, at, Utf8.width(decoded));
                }
                at += Utf8.width(decoded);
                continue;
            }
            switch (c)
            {
                case '"' -> out.putAscii("\\\"");
                case '\\' -> out.putAscii("\\\\");
                case '\n' -> out.putAscii("\\n");
                case '\r' -> out.putAscii("\\r");
                case '\t' -> out.putAscii("\\t");
                case '<', '>', '&' -> escape(c, out);
                default ->
                {
                    if (c < 0x20)
                    {
                        escape(c, out);
                    }
                    else
                    {
                        out.put(c);
                    }
                }
            }
            at++;
        }
        out.put('"');
    }

    private static void escape(final int c, final ByteSink out)
    {
        out.putAscii("\\u00");
        out.put(HEX.charAt(c >> 4));
        out.put(HEX.charAt(c & 0xF));
    }
}
