package io.sluice.format.gotemplate;

/**
 * Go's {@code strings} functions behind Sprig's string helpers, on byte ranges: {@code ToUpper}/{@code ToLower}
 * (rune by rune, simple case mapping as Go's {@code unicode.ToUpper}), {@code TrimSpace}, {@code Replace} (all
 * occurrences; an empty old string inserts between runes), {@code Index}.
 */
final class StringFunctions
{
    private StringFunctions()
    {
    }

    static void changeCase(final Value text, final boolean upper, final ByteSink out)
    {
        final int end = text.offset + text.length;
        int at = text.offset;
        while (at < end)
        {
            final int b = text.bytes.getByte(at) & 0xFF;
            if (b < 0x80)
            {
                out.put(upper ? (b >= 'a' && b <= 'z' ? b - 32 : b) : (b >= 'A' && b <= 'Z' ? b + 32 : b));
                at++;
                continue;
            }
            final long decoded = Utf8.decode(text.bytes, at, end);
            final int rune = Utf8.rune(decoded);
            out.putRune(upper ? Character.toUpperCase(rune) : Character.toLowerCase(rune));
            at += Utf8.width(decoded);
        }
    }

    /**
     * Narrows the string to drop leading and trailing Unicode white space.
     */
    static void trimSpace(final Value text)
    {
        int start = text.offset;
        int end = text.offset + text.length;
        while (start < end)
        {
            final long decoded = Utf8.decode(text.bytes, start, end);
            if (!isSpace(Utf8.rune(decoded)))
            {
                break;
            }
            start += Utf8.width(decoded);
        }
        while (end > start)
        {
            int runeStart = end - 1;
            while (runeStart > start && (text.bytes.getByte(runeStart) & 0xC0) == 0x80)
            {
                runeStart--;
            }
            final long decoded = Utf8.decode(text.bytes, runeStart, end);
            if (!isSpace(Utf8.rune(decoded)) || runeStart + Utf8.width(decoded) != end)
            {
                break;
            }
            end = runeStart;
        }
        text.offset = start;
        text.length = end - start;
    }

    private static boolean isSpace(final int rune)
    {
        return switch (rune)
        {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            default -> rune > 0xFF && Character.isSpaceChar(rune);
        };
    }

    static void replace(final Value source, final Value old, final Value replacement, final ByteSink out)
    {
        final int end = source.offset + source.length;
        if (old.length == 0)
        {
            out.put(replacement.bytes, replacement.offset, replacement.length);
            int at = source.offset;
            while (at < end)
            {
                final int width = Utf8.width(Utf8.decode(source.bytes, at, end));
                out.put(source.bytes, at, width);
                out.put(replacement.bytes, replacement.offset, replacement.length);
                at += width;
            }
            return;
        }
        int from = 0;
        while (true)
        {
            final int found = indexOf(source, old, from);
            if (found < 0)
            {
                out.put(source.bytes, source.offset + from, source.length - from);
                return;
            }
            out.put(source.bytes, source.offset + from, found - from);
            out.put(replacement.bytes, replacement.offset, replacement.length);
            from = found + old.length;
        }
    }

    static int indexOf(final Value text, final Value part)
    {
        return indexOf(text, part, 0);
    }

    private static int indexOf(final Value text, final Value part, final int from)
    {
        for (int i = from; i + part.length <= text.length; i++)
        {
            if (regionMatches(text, i, part))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @return true when {@code part} occurs in {@code text} at {@code at} (relative to the text's start).
     */
    static boolean regionMatches(final Value text, final int at, final Value part)
    {
        for (int i = 0; i < part.length; i++)
        {
            if (text.bytes.getByte(text.offset + at + i) != part.bytes.getByte(part.offset + i))
            {
                return false;
            }
        }
        return true;
    }
}
