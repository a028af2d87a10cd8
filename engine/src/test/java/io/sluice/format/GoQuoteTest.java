package io.sluice.format;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tetragon's {@code maybeQuote}: text is left alone unless it holds a space or what does not print, then quoted as
 * Go's {@code strconv.Quote} quotes it (expected values are Go's, from its documentation and rules).
 */
class GoQuoteTest
{
    private static String maybeQuote(final byte[] text)
    {
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer();
        final int end = GoQuote.maybeQuote(new UnsafeBuffer(text), 0, text.length, out, 0);
        return out.getStringWithoutLengthUtf8(0, end);
    }

    private static String maybeQuote(final String text)
    {
        return maybeQuote(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void printableTextWithoutSpacesIsLeftAlone()
    {
        assertEquals("/usr/bin/curl", maybeQuote("/usr/bin/curl"));
        assertEquals("https://ebpf.io/applications/#tetragon", maybeQuote("https://ebpf.io/applications/#tetragon"));
        assertEquals("/home/zoë/日本語/😀", maybeQuote("/home/zoë/日本語/😀"));
        assertEquals("", maybeQuote(""));
    }

    @Test
    void aSpaceOrAnythingThatDoesNotPrintQuotesTheWholeText()
    {
        // strconv.Quote(`"Fran & Freddie's Diner<TAB>☺"`), Go's documentation example
        assertEquals("\"\\\"Fran & Freddie's Diner\\t☺\\\"\"", maybeQuote("\"Fran & Freddie's Diner\t☺\""));
        assertEquals("\"a b\"", maybeQuote("a b"));
        assertEquals("\"\\a\\b\\f\\n\\r\\t\\v\\x00\\x1b\\x7f\\\\\"", maybeQuote("\u0007\b\f\n\r\t\u000b\u0000\u001b\u007f\\"));
        // beyond ASCII: a no-break space, a byte order mark, a private-use and an unassigned character do not print
        assertEquals("\"\\u00a0\\ufeff\\ue000\\U0010ffff\"", maybeQuote("\u00a0\ufeff\ue000\udbff\udfff"));
        // C1 control, written as valid UTF-8
        assertEquals("\"\\u009b\"", maybeQuote("\u009b"));
    }

    @Test
    void bytesThatAreNotUtf8QuoteTheTextAndPrintAsHex()
    {
        assertEquals("\"a\\xffb\"", maybeQuote(new byte[] {'a', (byte)0xFF, 'b'}));
        // an encoded surrogate and an overlong '/' are not UTF-8 either
        assertEquals("\"\\xed\\xa0\\x80\"", maybeQuote(new byte[] {(byte)0xED, (byte)0xA0, (byte)0x80}));
        assertEquals("\"\\xc0\\xaf\"", maybeQuote(new byte[] {(byte)0xC0, (byte)0xAF}));
        // cut short at the end
        assertEquals("\"é\\xc3\"", maybeQuote(new byte[] {(byte)0xC3, (byte)0xA9, (byte)0xC3}));
    }
}
