package io.sluice.format.gotemplate;

import org.agrona.ExpandableArrayBuffer;

/**
 * One {@code fmt} verb applied to one value, as Go's {@code printArg} does: integers ({@code %d %b %o %O %x %X %c %q
 * %U}), floats ({@code %e %f %g} and capitals), strings and byte slices ({@code %s %q %x %X}), booleans ({@code %t}),
 * {@code %v} of anything, {@code %T}, lists and maps element by element, messages and times through their
 * {@code String()}; any other pairing is Go's {@code %!verb(type=value)}. Each item is rendered into a scratch buffer
 * of its nesting depth, then padded to the width in runes.
 */
final class PrintfVerbs
{
    private static final int TEXT = 0;
    private static final int NUMBER = 1;
    private static final int PADDED = 2;

    private final ValueText text;
    private final ValueStack stack;
    private final byte[] digitScratch = new byte[96];
    private ByteSink[] scratch = new ByteSink[0];

    PrintfVerbs(final ValueText text, final ValueStack stack)
    {
        this.text = text;
        this.stack = stack;
    }

    /**
     * Writes the value formatted with the verb and the spec's flags, width and precision.
     */
    void format(final Value value, final int verb, final PrintfSpec spec, final ByteSink out, final int depth)
    {
        final ByteSink item = scratchAt(depth);
        final int how = render(value, verb, spec, item, depth);
        final int length = item.position();
        final int padding = how == PADDED || !spec.hasWidth ? 0 : spec.width - Utf8.count(item.buffer(), 0, length);
        if (padding <= 0)
        {
            out.put(item.buffer(), 0, length);
        }
        else if (spec.minus)
        {
            out.put(item.buffer(), 0, length);
            PrintfText.repeat(' ', padding, out);
        }
        else if (spec.zero && how == NUMBER)
        {
            final byte first = item.buffer().getByte(0);
            final int sign = first == '-' || first == '+' || first == ' ' ? 1 : 0;
            out.put(item.buffer(), 0, sign);
            PrintfText.repeat('0', padding, out);
            out.put(item.buffer(), sign, length - sign);
        }
        else
        {
            PrintfText.repeat(' ', padding, out);
            out.put(item.buffer(), 0, length);
        }
    }

    private int render(final Value value, final int verb, final PrintfSpec spec, final ByteSink out, final int depth)
    {
        if (verb == 'T')
        {
            out.putAscii(value.typeName());
            return TEXT;
        }
        switch (value.kind)
        {
            case Value.NIL ->
            {
                if (verb != 'v')
                {
                    out.putAscii("%!");
                    out.putRune(verb);
                    out.putAscii("(<nil>)");
                    return PADDED;
                }
                out.putAscii("<nil>");
                return TEXT;
            }
            case Value.BOOL ->
            {
                if (verb != 'v' && verb != 't')
                {
                    return bad(value, verb, spec, out, depth);
                }
                out.putAscii(value.bits != 0 ? "true" : "false");
                return TEXT;
            }
            case Value.INT, Value.UINT ->
            {
                if (value.type == GoTypes.ENUM && (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q'))
                {
                    return stringer(value, verb, spec, out, depth);
                }
                return integer(value, verb, spec, out, depth);
            }
            case Value.FLOAT ->
            {
                return floating(value, verb, spec, out, depth);
            }
            case Value.STRING ->
            {
                return PrintfText.string(value.bytes, value.offset, value.length, verb, spec, out) ? TEXT : bad(value, verb, spec, out, depth);
            }
            case Value.LIST ->
            {
                if (value.type == GoTypes.BYTES && (verb == 's' || verb == 'q' || verb == 'x' || verb == 'X'))
                {
                    PrintfText.string(value.bytes, value.offset, value.length, verb, spec, out);
                    return TEXT;
                }
                return list(value, verb, spec, out, depth);
            }
            case Value.MAP ->
            {
                return map(value, verb, spec, out, depth);
            }
            default ->
            {
                if (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q')
                {
                    return stringer(value, verb, spec, out, depth);
                }
                return bad(value, verb, spec, out, depth);
            }
        }
    }

    private int floating(final Value value, final int verb, final PrintfSpec spec, final ByteSink out, final int depth)
    {
        final char v = (char)verb;
        switch (v)
        {
            case 'v', 'g', 'G', 'e', 'E', 'f', 'F' ->
            {
                if (!(value.real < 0) && !Double.isNaN(value.real) && (spec.plus || spec.space)
                    && !(Double.isInfinite(value.real)))
                {
                    out.put(spec.plus ? '+' : ' ');
                }
                final int precision = spec.precision >= 0 ? spec.precision : (v == 'e' || v == 'E' || v == 'f' || v == 'F') ? 6 : -1;
                FloatText.format(value.real, v == 'v' ? 'g' : v, precision, out);
                return NUMBER;
            }
            default ->
            {
                return bad(value, verb, spec, out, depth);
            }
        }
    }

    private int integer(final Value value, final int verb, final PrintfSpec spec, final ByteSink out, final int depth)
    {
        final boolean negative = value.kind == Value.INT && value.bits < 0;
        switch (verb)
        {
            case 'c' ->
            {
                out.putRune(PrintfText.codePoint(value));
                return TEXT;
            }
            case 'q' ->
            {
                GoQuote.quoteRune(PrintfText.codePoint(value), out, spec.plus);
                return TEXT;
            }
            case 'U' ->
            {
                final int rune = PrintfText.codePoint(value);
                out.putAscii("U+");
                final String hex = Long.toHexString(value.bits).toUpperCase();
                PrintfText.repeat('0', 4 - hex.length(), out);
                out.putAscii(hex);
                if (spec.sharp && Utf8.isPrint(rune))
                {
                    out.putAscii(" '");
                    out.putRune(rune);
                    out.put('\'');
                }
                return TEXT;
            }
            case 'v', 'd', 'b', 'o', 'O', 'x', 'X' ->
            {
                PrintfText.digits(value.bits, negative, verb, spec, out, digitScratch);
                return PADDED;
            }
            default ->
            {
                return bad(value, verb, spec, out, depth);
            }
        }
    }

    private int stringer(final Value value, final int verb, final PrintfSpec spec, final ByteSink out, final int depth)
    {
        final ByteSink textSink = scratchAt(depth + 1);
        text.print(value, textSink);
        PrintfText.string(textSink.buffer(), 0, textSink.position(), verb == 'v' ? 's' : verb, spec, out);
        return TEXT;
    }

    private int list(final Value list, final int verb, final PrintfSpec spec, final ByteSink out, final int depth)
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
            format(element, verb, spec, out, depth + 1);
        }
        stack.release(mark);
        out.put(']');
        return PADDED;
    }

    private int map(final Value map, final int verb, final PrintfSpec spec, final ByteSink out, final int depth)
    {
        out.putAscii("map[");
        final int mark = stack.mark();
        final Value item = stack.push();
        for (int i = 0; i < map.size(); i++)
        {
            if (i > 0)
            {
                out.put(' ');
            }
            map.data.key(map.handle, i, item);
            format(item, verb, spec, out, depth + 1);
            out.put(':');
            map.data.entry(map.handle, i, item);
            format(item, verb, spec, out, depth + 1);
        }
        stack.release(mark);
        out.put(']');
        return PADDED;
    }

    private int bad(final Value value, final int verb, final PrintfSpec spec, final ByteSink out, final int depth)
    {
        out.putAscii("%!");
        out.putRune(verb);
        out.put('(');
        out.putAscii(value.typeName());
        out.put('=');
        format(value, 'v', spec, out, depth + 1);
        out.put(')');
        return PADDED;
    }

    private ByteSink scratchAt(final int depth)
    {
        if (depth >= scratch.length)
        {
            final ByteSink[] grown = new ByteSink[depth + 2];
            System.arraycopy(scratch, 0, grown, 0, scratch.length);
            for (int i = scratch.length; i < grown.length; i++)
            {
                grown[i] = new ByteSink(new ExpandableArrayBuffer(64));
            }
            scratch = grown;
        }
        return scratch[depth].wrap(scratch[depth].buffer(), 0);
    }
}
