package io.sluice.format.gotemplate;

/**
 * Go's builtin functions other than {@code and}, {@code or} and {@code call} (which {@link FunctionCalls} handles):
 * {@code not}, {@code len}, {@code index}, {@code slice}, {@code print}, {@code printf}, {@code println}, the
 * comparisons and the escapers. Arguments are stack cells; strings they make go to the scratch sink.
 */
final class Builtins
{
    private final ValueStack stack;
    private final ByteSink scratch;
    private final ValueText text;
    private final Printf printf;
    private final Value joined = new Value();

    Builtins(final ValueStack stack, final ByteSink scratch, final ValueText text, final Printf printf)
    {
        this.stack = stack;
        this.scratch = scratch;
        this.text = text;
        this.printf = printf;
    }

    void call(final int function, final int base, final int count, final Value out)
    {
        final Value first = count > 0 ? stack.get(base) : null;
        switch (function)
        {
            case Functions.NOT -> out.setBool(!first.truth());
            case Functions.LEN -> out.setInt(GoTypes.INT, length(first));
            case Functions.INDEX -> index(base, count, out);
            case Functions.SLICE -> slice(base, count, out);
            case Functions.PRINT, Functions.PRINTLN -> print(base, count, function == Functions.PRINTLN, out);
            case Functions.PRINTF ->
            {
                final int start = scratch.position();
                printf.format(first, stack, base + 1, count - 1, scratch);
                out.setString(scratch.buffer(), start, scratch.position() - start);
            }
            case Functions.EQ -> out.setBool(Comparisons.eq(first, stack, base + 1, count - 1));
            case Functions.NE -> out.setBool(!Comparisons.equal(first, stack.get(base + 1)));
            case Functions.LT -> out.setBool(Comparisons.less(first, stack.get(base + 1)));
            case Functions.LE -> out.setBool(Comparisons.lessOrEqual(first, stack.get(base + 1)));
            case Functions.GT -> out.setBool(!Comparisons.lessOrEqual(first, stack.get(base + 1)));
            case Functions.GE -> out.setBool(!Comparisons.less(first, stack.get(base + 1)));
            default -> escape(function, base, count, out);
        }
    }

    private static int length(final Value item)
    {
        return switch (item.kind)
        {
            case Value.STRING, Value.LIST, Value.MAP -> item.size();
            case Value.MESSAGE -> throw new CallFailure(item.nil ? "len of nil pointer" : "len of type " + item.typeName());
            case Value.NIL -> throw new CallFailure("reflect: call of reflect.Value.Type on zero Value");
            default -> throw new CallFailure("len of type " + item.typeName());
        };
    }

    private void index(final int base, final int count, final Value out)
    {
        out.set(stack.get(base));
        if (out.kind == Value.NIL)
        {
            throw new CallFailure("index of untyped nil");
        }
        for (int i = 1; i < count; i++)
        {
            final Value index = stack.get(base + i);
            switch (out.kind)
            {
                case Value.LIST ->
                {
                    final int x = indexArgument(index, out.length);
                    if (x == out.length)
                    {
                        throw new CallFailure("index out of range: " + x);
                    }
                    out.element(x, out);
                }
                case Value.STRING ->
                {
                    final int x = indexArgument(index, out.length);
                    if (x == out.length)
                    {
                        throw new CallFailure("index out of range: " + x);
                    }
                    out.setUint(GoTypes.UINT8, out.bytes.getByte(out.offset + x) & 0xFF);
                }
                case Value.MAP -> mapIndex(out, index);
                case Value.MESSAGE -> throw new CallFailure(out.nil ? "index of nil pointer" : "can't index item of type "
                    + out.typeName());
                default -> throw new CallFailure("can't index item of type " + out.typeName());
            }
        }
    }

    private static void mapIndex(final Value map, final Value key)
    {
        if (key.kind != Value.STRING && key.kind != Value.NIL)
        {
            throw new CallFailure("value has type " + key.typeName() + "; should be string");
        }
        final boolean found = !map.nil && key.kind == Value.STRING
            && map.data.lookup(map.handle, key.bytes, key.offset, key.length, map);
        if (!found)
        {
            map.data.zeroElement(map.handle, map);
        }
    }

    private void slice(final int base, final int count, final Value out)
    {
        out.set(stack.get(base));
        if (out.kind == Value.NIL)
        {
            throw new CallFailure("slice of untyped nil");
        }
        if (count - 1 > 3)
        {
            throw new CallFailure("too many slice indexes: " + (count - 1));
        }
        if (out.kind == Value.STRING && count - 1 == 3)
        {
            throw new CallFailure("cannot 3-index slice a string");
        }
        if (out.kind != Value.STRING && out.kind != Value.LIST)
        {
            throw new CallFailure("can't slice item of type " + out.typeName());
        }
        final int capacity = out.length;
        int from = 0;
        int to = out.length;
        int max = out.length;
        for (int i = 1; i < count; i++)
        {
            final int x = indexArgument(stack.get(base + i), capacity);
            if (i == 1)
            {
                from = x;
            }
            else if (i == 2)
            {
                to = x;
            }
            else
            {
                max = x;
            }
        }
        if (from > to)
        {
            throw new CallFailure("invalid slice index: " + from + " > " + to);
        }
        if (to > max)
        {
            throw new CallFailure("invalid slice index: " + to + " > " + max);
        }
        out.offset += from;
        out.length = to - from;
    }

    private static int indexArgument(final Value index, final int capacity)
    {
        final long x;
        switch (index.kind)
        {
            case Value.INT, Value.UINT -> x = index.bits;
            case Value.NIL -> throw new CallFailure("cannot index slice/array with nil");
            default -> throw new CallFailure("cannot index slice/array with type " + index.typeName());
        }
        if (x < 0 || x > capacity)
        {
            throw new CallFailure("index out of range: " + x);
        }
        return (int)x;
    }

    /**
     * Go's {@code fmt.Sprint} (a space between operands when neither is a string) and {@code fmt.Sprintln} (spaces
     * always, a newline at the end).
     */
    private void print(final int base, final int count, final boolean line, final Value out)
    {
        final int start = scratch.position();
        for (int i = 0; i < count; i++)
        {
            final Value arg = stack.get(base + i);
            if (i > 0 && (line || (arg.kind != Value.STRING && stack.get(base + i - 1).kind != Value.STRING)))
            {
                scratch.put(' ');
            }
            text.print(arg, scratch);
        }
        if (line)
        {
            scratch.put('\n');
        }
        out.setString(scratch.buffer(), start, scratch.position() - start);
    }

    /**
     * {@code html}, {@code js}, {@code urlquery}: of the one string argument, or of what Go's {@code evalArgs} prints.
     */
    private void escape(final int function, final int base, final int count, final Value out)
    {
        final Value source;
        if (count == 1 && stack.get(base).kind == Value.STRING)
        {
            source = stack.get(base);
        }
        else
        {
            final int start = scratch.position();
            for (int i = 0; i < count; i++)
            {
                final Value arg = stack.get(base + i);
                if (i > 0 && arg.kind != Value.STRING && stack.get(base + i - 1).kind != Value.STRING)
                {
                    scratch.put(' ');
                }
                text.action(arg, scratch);
            }
            source = joined.setString(scratch.buffer(), start, scratch.position() - start);
        }
        final int start = scratch.position();
        switch (function)
        {
            case Functions.HTML -> Escapers.html(source.bytes, source.offset, source.length, scratch);
            case Functions.JS -> Escapers.js(source.bytes, source.offset, source.length, scratch);
            default -> Escapers.urlQuery(source.bytes, source.offset, source.length, scratch);
        }
        out.setString(scratch.buffer(), start, scratch.position() - start);
    }
}
