package io.sluice.format.gotemplate;

/**
 * Go's {@code fmt.Sprintf} over template values: flags ({@code -+# 0}), width and precision (numbers, {@code *} or
 * {@code [n]} argument indexes), the verbs of each kind ({@link PrintfVerbs}), and Go's error texts for what does
 * not fit: {@code %!d(string=x)}, {@code %!d(MISSING)}, {@code %!(EXTRA int=1)}, {@code %!(NOVERB)},
 * {@code %!(BADWIDTH)}, {@code %!(BADPREC)}, {@code %!v(BADINDEX)}.
 */
final class Printf
{
    private final PrintfVerbs verbs;
    private final PrintfSpec spec = new PrintfSpec();

    Printf(final PrintfVerbs verbs)
    {
        this.verbs = verbs;
    }

    /**
     * @param format a string value.
     * @param stack  where the arguments are.
     * @param base   the first argument's cell.
     * @param count  how many arguments.
     * @param out    where the text goes.
     */
    void format(final Value format, final ValueStack stack, final int base, final int count, final ByteSink out)
    {
        final int end = format.offset + format.length;
        int at = format.offset;
        int argNum = 0;
        boolean reordered = false;
        while (at < end)
        {
            final int percent = indexOfPercent(format, at, end);
            out.put(format.bytes, at, percent - at);
            if (percent >= end)
            {
                break;
            }
            at = percent + 1;
            spec.clear();
            at = spec.flags(format.bytes, at, end);
            // argument index, width
            at = spec.argIndex(format.bytes, at, end, argNum, count);
            if (spec.indexed)
            {
                reordered = true;
                argNum = spec.argNum;
            }
            if (at < end && format.bytes.getByte(at) == '*')
            {
                at++;
                spec.width = intArg(stack, base, count, argNum);
                if (spec.width == Integer.MIN_VALUE)
                {
                    spec.badWidth = true;
                    spec.width = 0;
                }
                else if (spec.width < 0)
                {
                    spec.minus = true;
                    spec.zero = false;
                    spec.width = -spec.width;
                }
                spec.hasWidth = true;
                argNum++;
            }
            else
            {
                at = spec.width(format.bytes, at, end);
            }
            if (at + 1 <= end && at < end && format.bytes.getByte(at) == '.')
            {
                at++;
                at = spec.argIndex(format.bytes, at, end, argNum, count);
                if (spec.indexed)
                {
                    reordered = true;
                    argNum = spec.argNum;
                }
                if (at < end && format.bytes.getByte(at) == '*')
                {
                    at++;
                    spec.precision = intArg(stack, base, count, argNum);
                    if (spec.precision < 0)
                    {
                        spec.badPrecision = true;
                        spec.precision = -1;
                    }
                    argNum++;
                }
                else
                {
                    at = spec.precision(format.bytes, at, end);
                }
            }
            if (!spec.indexed)
            {
                at = spec.argIndex(format.bytes, at, end, argNum, count);
                if (spec.indexed)
                {
                    reordered = true;
                    argNum = spec.argNum;
                }
            }
            if (at >= end)
            {
                out.putAscii("%!(NOVERB)");
                break;
            }
            final long decoded = Utf8.decode(format.bytes, at, end);
            final int verb = Utf8.rune(decoded);
            at += Utf8.width(decoded);
            argNum = one(verb, stack, base, count, argNum, out);
        }
        if (!reordered && argNum < count)
        {
            extra(stack, base + argNum, count - argNum, out);
        }
    }

    private int one(final int verb, final ValueStack stack, final int base, final int count, final int argNum, final ByteSink out)
    {
        if (spec.badWidth)
        {
            out.putAscii("%!(BADWIDTH)");
        }
        if (spec.badPrecision)
        {
            out.putAscii("%!(BADPREC)");
        }
        if (verb == '%')
        {
            out.put('%');
            return argNum;
        }
        if (!spec.goodArgNum)
        {
            out.putAscii("%!");
            out.putRune(verb);
            out.putAscii("(BADINDEX)");
            return argNum;
        }
        if (verb == 'v')
        {
            // Go: %+v asks for field names (plusV), not a sign; %#v for Go syntax, which has no meaning here
            spec.plus = false;
            spec.sharp = false;
        }
        if (argNum >= count)
        {
            out.putAscii("%!");
            out.putRune(verb);
            out.putAscii("(MISSING)");
            return argNum;
        }
        verbs.format(stack.get(base + argNum), verb, spec, out, 0);
        return argNum + 1;
    }

    private void extra(final ValueStack stack, final int from, final int count, final ByteSink out)
    {
        out.putAscii("%!(EXTRA ");
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                out.putAscii(", ");
            }
            final Value arg = stack.get(from + i);
            if (arg.kind == Value.NIL)
            {
                out.putAscii("<nil>");
                continue;
            }
            out.putAscii(arg.typeName());
            out.put('=');
            spec.clear();
            verbs.format(arg, 'v', spec, out, 0);
        }
        out.put(')');
    }

    private static int intArg(final ValueStack stack, final int base, final int count, final int argNum)
    {
        if (argNum >= count)
        {
            return Integer.MIN_VALUE;
        }
        final Value arg = stack.get(base + argNum);
        if ((arg.kind == Value.INT || arg.kind == Value.UINT) && arg.bits >= -1_000_000 && arg.bits <= 1_000_000)
        {
            return (int)arg.bits;
        }
        return Integer.MIN_VALUE;
    }

    private static int indexOfPercent(final Value format, final int from, final int end)
    {
        for (int i = from; i < end; i++)
        {
            if (format.bytes.getByte(i) == '%')
            {
                return i;
            }
        }
        return end;
    }
}
