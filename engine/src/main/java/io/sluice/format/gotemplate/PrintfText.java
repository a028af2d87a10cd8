package io.sluice.format.gotemplate;

import org.agrona.DirectBuffer;

/**
 * The text of {@code fmt}'s integer, rune, string and byte verbs: Go's {@code fmtInteger} (precision as minimum
 * digits, zero padding, {@code #} prefixes, signs), {@code %s}/{@code %q} with a precision in runes, {@code %x} of
 * bytes.
 */
final class PrintfText
{
    private static final String LOWER_DIGITS = "0123456789abcdef";
    private static final String UPPER_DIGITS = "0123456789ABCDEF";

    private PrintfText()
    {
    }

    /**
     * Go's {@code fmtInteger}: precision as minimum digits, zero padding as precision, then prefix and sign, then the
     * width. Digits are written backwards into {@code scratch} (a larger array only for a precision past its size).
     */
    static void digits(final long bits, final boolean negative, final int verb, final PrintfSpec spec, final ByteSink out,
        final byte[] scratch)
    {
        final int base = switch (verb)
        {
            case 'b' -> 2;
            case 'o', 'O' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        final String digitChars = verb == 'X' ? UPPER_DIGITS : LOWER_DIGITS;
        final boolean signed = negative || spec.plus || spec.space;
        int precision = spec.precision;
        if (precision < 0 && spec.zero && spec.hasWidth && !spec.minus)
        {
            precision = spec.width - (signed ? 1 : 0);
        }
        final int need = Math.max(precision, 0) + 72;
        final byte[] b = need <= scratch.length ? scratch : new byte[need];
        int at = b.length;
        long u = negative ? -bits : bits;
        if (precision != 0 || bits != 0)
        {
            do
            {
                b[--at] = (byte)digitChars.charAt((int)Long.remainderUnsigned(u, base));
                u = Long.divideUnsigned(u, base);
            }
            while (u != 0);
        }
        while (b.length - at < precision)
        {
            b[--at] = '0';
        }
        if (spec.sharp)
        {
            at = prefix(b, at, base, verb);
        }
        if (verb == 'O')
        {
            b[--at] = 'o';
            b[--at] = '0';
        }
        if (signed)
        {
            b[--at] = (byte)(negative ? '-' : spec.plus ? '+' : ' ');
        }
        final int length = b.length - at;
        final int padding = spec.hasWidth ? spec.width - length : 0;
        if (padding > 0 && !spec.minus)
        {
            repeat(' ', padding, out);
        }
        out.put(b, at, length);
        if (padding > 0 && spec.minus)
        {
            repeat(' ', padding, out);
        }
    }

    private static int prefix(final byte[] b, final int from, final int base, final int verb)
    {
        int at = from;
        switch (base)
        {
            case 2 ->
            {
                b[--at] = 'b';
                b[--at] = '0';
            }
            case 8 ->
            {
                if (at == b.length || b[at] != '0')
                {
                    b[--at] = '0';
                }
            }
            case 16 ->
            {
                b[--at] = (byte)(verb == 'X' ? 'X' : 'x');
                b[--at] = '0';
            }
            default ->
            {
                // decimal has no prefix
            }
        }
        return at;
    }

    static int codePoint(final Value value)
    {
        final long v = value.bits;
        return v < 0 || v > 0x10FFFF ? Utf8.ERROR : (int)v;
    }

    static boolean string(final DirectBuffer bytes, final int offset, final int length, final int verb,
        final PrintfSpec spec, final ByteSink out)
    {
        int size = length;
        if (spec.precision >= 0 && (verb == 's' || verb == 'v' || verb == 'q'))
        {
            int at = offset;
            for (int runes = 0; runes < spec.precision && at < offset + length; runes++)
            {
                at += Utf8.width(Utf8.decode(bytes, at, offset + length));
            }
            size = at - offset;
        }
        switch (verb)
        {
            case 's', 'v' -> out.put(bytes, offset, size);
            case 'q' -> GoQuote.quote(bytes, offset, size, out, spec.plus);
            case 'x', 'X' -> hexBytes(bytes, offset, spec.precision >= 0 ? Math.min(spec.precision, length) : length, verb, spec, out);
            default ->
            {
                return false;
            }
        }
        return true;
    }

    static void hexBytes(final DirectBuffer bytes, final int offset, final int length, final int verb,
        final PrintfSpec spec, final ByteSink out)
    {
        final String digitChars = verb == 'X' ? UPPER_DIGITS : LOWER_DIGITS;
        for (int i = 0; i < length; i++)
        {
            if (spec.space && i > 0)
            {
                out.put(' ');
            }
            if (spec.sharp && (spec.space || i == 0))
            {
                out.putAscii(verb == 'X' ? "0X" : "0x");
            }
            final int b = bytes.getByte(offset + i) & 0xFF;
            out.put(digitChars.charAt(b >> 4));
            out.put(digitChars.charAt(b & 0xF));
        }
    }

    static void repeat(final char c, final int count, final ByteSink out)
    {
        for (int i = 0; i < count; i++)
        {
            out.put(c);
        }
    }
}
