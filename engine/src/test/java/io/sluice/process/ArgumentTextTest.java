package io.sluice.process;

import io.sluice.codec.sbe.StringArrayBlob;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Arguments are joined as Tetragon's {@code ArgsDecoder} joins them (seed 004's parent shows
 * {@code -c "curl https://ebpf.io/applications/#tetragon"}), the same from an exec's argv and from /proc.
 */
class ArgumentTextTest
{
    private static String fromArgv(final String... argv)
    {
        final byte[] blob = StringArrayBlob.encode(List.of(argv));
        final ArgumentText text = new ArgumentText(4096).ofStrArray(blob, 0, blob.length);
        final String joined = new String(text.bytes(), 0, text.length(), StandardCharsets.UTF_8);
        final byte[] cmdline = (String.join("\0", argv) + "\0").getBytes(StandardCharsets.UTF_8);
        final ArgumentText proc = new ArgumentText(4096).ofNulSeparated(cmdline, cmdline.length);
        assertEquals(joined, new String(proc.bytes(), 0, proc.length(), StandardCharsets.UTF_8), "/proc gives the same");
        return joined;
    }

    @Test
    void argumentsAfterArgvZeroJoinedBySpaces()
    {
        assertEquals("https://ebpf.io/applications/#tetragon", fromArgv("curl", "https://ebpf.io/applications/#tetragon"));
        assertEquals("-la /tmp", fromArgv("ls", "-la", "/tmp"));
        assertEquals("", fromArgv("true"));
    }

    @Test
    void anArgumentWithASpaceIsQuoted()
    {
        assertEquals("-c \"curl https://ebpf.io/applications/#tetragon\"",
            fromArgv("bash", "-c", "curl https://ebpf.io/applications/#tetragon"), "seed 004's parent");
        assertEquals(" \"a b\" c", fromArgv("sh", "a b", "c"), "Tetragon writes the space before a quoted first argument too");
    }

    @Test
    void emptyArgumentsAsTetragonKeepsThem()
    {
        assertEquals("b", fromArgv("x", "", "b"), "an empty first argument leaves the text empty");
        assertEquals("a  b", fromArgv("x", "a", "", "b"));
    }

    @Test
    void cutAtTheMaximumAndMalformedTailsIgnored()
    {
        final byte[] blob = StringArrayBlob.encode(List.of("x", "abcdef", "ghij"));
        final ArgumentText text = new ArgumentText(8).ofStrArray(blob, 0, blob.length);
        assertEquals("abcdef g", new String(text.bytes(), 0, text.length(), StandardCharsets.US_ASCII));
        final byte[] broken = blob.clone();
        broken[blob.length - 8] = (byte)0xff; // the last element's length: far past the end
        broken[blob.length - 5] = (byte)0x7f;
        final ArgumentText cut = new ArgumentText(4096).ofStrArray(broken, 0, broken.length);
        assertEquals("abcdef", new String(cut.bytes(), 0, cut.length(), StandardCharsets.US_ASCII));
    }
}
