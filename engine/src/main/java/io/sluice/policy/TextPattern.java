package io.sluice.policy;

import java.nio.charset.StandardCharsets;

/**
 * One value of a string filter with Tracee's wildcards: {@code /etc/*} (prefix), {@code *.so} (suffix),
 * {@code *shadow*} (contains), or an exact value. Compiled once; matching compares bytes and allocates nothing.
 */
public final class TextPattern
{
    private enum Kind
    {
        EXACT, PREFIX, SUFFIX, CONTAINS
    }

    private final Kind kind;
    private final byte[] needle;
    private final String text;

    private TextPattern(final Kind kind, final byte[] needle, final String text)
    {
        this.kind = kind;
        this.needle = needle;
        this.text = text;
    }

    /**
     * @param value the filter value as written.
     * @return the compiled pattern.
     * @throws IllegalArgumentException for a {@code *} inside the value (a lone {@code *} matches anything).
     */
    public static TextPattern compile(final String value)
    {
        final boolean leading = value.startsWith("*");
        final boolean trailing = value.length() > 1 && value.endsWith("*");
        final String core = value.substring(leading ? 1 : 0, value.length() - (trailing ? 1 : 0));
        if (core.indexOf('*') >= 0)
        {
            throw new IllegalArgumentException("'*' only at the start or the end");
        }
        final Kind kind = leading && trailing ? Kind.CONTAINS : leading ? Kind.SUFFIX : trailing ? Kind.PREFIX : Kind.EXACT;
        return new TextPattern(kind, core.getBytes(StandardCharsets.UTF_8), value);
    }

    /**
     * @param bytes  the text.
     * @param length its length.
     * @return true when the text matches.
     */
    public boolean matches(final byte[] bytes, final int length)
    {
        final int n = needle.length;
        switch (kind)
        {
            case EXACT:
                return length == n && regionMatches(bytes, 0);
            case PREFIX:
                return length >= n && regionMatches(bytes, 0);
            case SUFFIX:
                return length >= n && regionMatches(bytes, length - n);
            default:
                for (int start = 0; start + n <= length; start++)
                {
                    if (regionMatches(bytes, start))
                    {
                        return true;
                    }
                }
                return false;
        }
    }

    private boolean regionMatches(final byte[] bytes, final int start)
    {
        for (int i = 0; i < needle.length; i++)
        {
            if (bytes[start + i] != needle[i])
            {
                return false;
            }
        }
        return true;
    }

    /** @return true for a value with no wildcard. */
    public boolean isExact()
    {
        return kind == Kind.EXACT;
    }

    @Override
    public String toString()
    {
        return text;
    }
}
