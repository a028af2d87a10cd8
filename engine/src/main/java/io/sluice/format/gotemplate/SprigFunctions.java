package io.sluice.format.gotemplate;

/**
 * The Sprig functions Tracee users rely on, with Sprig's argument orders: {@code default DEFAULT GIVEN},
 * {@code upper}, {@code lower}, {@code trim}, {@code replace OLD NEW SRC}, {@code contains SUBSTR STR},
 * {@code hasPrefix PREFIX STR}, {@code hasSuffix SUFFIX STR}, {@code join SEP LIST}, {@code split SEP STR} (a map
 * {@code _0}, {@code _1}...), {@code toJson}, {@code date FORMAT TIME} (Go layouts, the local zone), {@code now},
 * {@code quote}. Strings they make go to the scratch sink.
 */
final class SprigFunctions
{
    private final ValueStack stack;
    private final ByteSink scratch;
    private final ValueText text;
    private final JsonText json;
    private final GoTime time;
    private final SplitMaps splits;

    SprigFunctions(final ValueStack stack, final ByteSink scratch, final ValueText text, final JsonText json, final GoTime time,
        final SplitMaps splits)
    {
        this.stack = stack;
        this.scratch = scratch;
        this.text = text;
        this.json = json;
        this.time = time;
        this.splits = splits;
    }

    void call(final int function, final int base, final int count, final Value out)
    {
        final Value a = count > 0 ? stack.get(base) : null;
        final Value b = count > 1 ? stack.get(base + 1) : null;
        final int start = scratch.position();
        switch (function)
        {
            case Functions.DEFAULT ->
            {
                out.set(count < 2 || !b.truth() ? a : b);
                return;
            }
            case Functions.UPPER, Functions.LOWER -> StringFunctions.changeCase(a, function == Functions.UPPER, scratch);
            case Functions.TRIM ->
            {
                out.set(a);
                StringFunctions.trimSpace(out);
                return;
            }
            case Functions.REPLACE -> StringFunctions.replace(stack.get(base + 2), a, b, scratch);
            case Functions.CONTAINS ->
            {
                out.setBool(StringFunctions.indexOf(b, a) >= 0);
                return;
            }
            case Functions.HAS_PREFIX ->
            {
                out.setBool(b.length >= a.length && StringFunctions.regionMatches(b, 0, a));
                return;
            }
            case Functions.HAS_SUFFIX ->
            {
                out.setBool(b.length >= a.length && StringFunctions.regionMatches(b, b.length - a.length, a));
                return;
            }
            case Functions.JOIN -> join(a, b);
            case Functions.SPLIT ->
            {
                out.setMap(splits, splits.split(a, b));
                return;
            }
            case Functions.TO_JSON -> json.write(a, scratch);
            case Functions.DATE -> date(a, b);
            case Functions.NOW ->
            {
                time.now(out);
                return;
            }
            default -> quote(base, count);
        }
        out.setString(scratch.buffer(), start, scratch.position() - start);
    }

    /**
     * Sprig's {@code join}: the list's elements as Sprig's {@code strval} prints them (nil elements skipped), or a
     * value that is not a list as one element.
     */
    private void join(final Value separator, final Value list)
    {
        if (list.kind != Value.LIST)
        {
            if (list.kind != Value.NIL)
            {
                text.print(list, scratch);
            }
            return;
        }
        final int mark = stack.mark();
        final Value element = stack.push();
        boolean first = true;
        for (int i = 0; i < list.length; i++)
        {
            list.element(i, element);
            if (element.kind == Value.NIL)
            {
                continue;
            }
            if (!first)
            {
                scratch.put(separator.bytes, separator.offset, separator.length);
            }
            first = false;
            text.print(element, scratch);
        }
        stack.release(mark);
    }

    /**
     * Sprig's {@code date}: a {@code time.Time}, or seconds since the epoch given as an {@code int}, {@code int32}
     * or {@code int64}; any other value is the current time, as in Sprig.
     */
    private void date(final Value layout, final Value when)
    {
        final long seconds;
        final int nanos;
        if (when.kind == Value.TIME)
        {
            seconds = when.bits;
            nanos = when.nanos;
        }
        else if (when.kind == Value.INT && when.type != GoTypes.ENUM)
        {
            seconds = when.bits;
            nanos = 0;
        }
        else
        {
            final long now = System.currentTimeMillis();
            seconds = Math.floorDiv(now, 1000);
            nanos = (int)Math.floorMod(now, 1000) * 1_000_000;
        }
        time.format(seconds, nanos, layout.bytes, layout.offset, layout.length, scratch);
    }

    private void quote(final int base, final int count)
    {
        final int mark = stack.mark();
        final Value printed = stack.push();
        boolean first = true;
        for (int i = 0; i < count; i++)
        {
            final Value arg = stack.get(base + i);
            if (arg.kind == Value.NIL)
            {
                continue;
            }
            if (!first)
            {
                scratch.put(' ');
            }
            first = false;
            if (arg.kind == Value.STRING)
            {
                GoQuote.quote(arg.bytes, arg.offset, arg.length, scratch, false);
                continue;
            }
            final int at = scratch.position();
            text.print(arg, scratch);
            printed.setString(scratch.buffer(), at, scratch.position() - at);
            final int quoted = scratch.position();
            GoQuote.quote(printed.bytes, printed.offset, printed.length, scratch, false);
            final int length = scratch.position() - quoted;
            scratch.buffer().putBytes(at, scratch.buffer(), quoted, length);
            scratch.position(at + length);
        }
        stack.release(mark);
    }
}
