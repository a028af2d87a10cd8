package io.sluice.format;

import io.sluice.codec.sbe.EventDecoder;

import java.nio.charset.StandardCharsets;

/**
 * One entry of {@link CompactTable}: the label a {@code compact} line starts with (an emoji, a space and a word padded
 * to 7 columns, as Tetragon's {@code "🚀 %-7s"}) as UTF-8 bytes, its colour, and the renderer of the details. A
 * detection's label is its threat's severity ({@code ⚠️ HIGH   }).
 */
final class CompactEntry
{
    private static final String[] SEVERITIES = {"INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"};

    private final byte[] label;
    private final byte[][] severityLabels;
    private final byte[] color;
    private final CompactDetails details;

    private CompactEntry(final byte[] label, final byte[][] severityLabels, final byte[] color, final CompactDetails details)
    {
        this.label = label;
        this.severityLabels = severityLabels;
        this.color = color;
        this.details = details;
    }

    /**
     * @param emoji   the emoji.
     * @param word    the label word.
     * @param details what follows the binary.
     * @return an entry with a blue label, as Tetragon's.
     */
    static CompactEntry of(final String emoji, final String word, final CompactDetails details)
    {
        return new CompactEntry(label(emoji, word), null, CompactLine.BLUE, details);
    }

    /**
     * @param emoji   the emoji.
     * @param details what follows the binary.
     * @return an entry whose label is the event's threat severity, in red.
     */
    static CompactEntry bySeverity(final String emoji, final CompactDetails details)
    {
        final byte[][] labels = new byte[SEVERITIES.length + 1][];
        for (int i = 0; i < SEVERITIES.length; i++)
        {
            labels[i] = label(emoji, SEVERITIES[i]);
        }
        labels[SEVERITIES.length] = label(emoji, "THREAT");
        return new CompactEntry(null, labels, CompactLine.RED, details);
    }

    private static byte[] label(final String emoji, final String word)
    {
        return (emoji + " " + String.format("%-7s", word)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param event the event's fixed fields.
     * @return the label bytes (shared: do not modify).
     */
    byte[] label(final EventDecoder event)
    {
        if (label != null)
        {
            return label;
        }
        final int severity = event.threatSeverity();
        return severityLabels[severity >= 0 && severity < SEVERITIES.length ? severity : SEVERITIES.length];
    }

    /** @return the label's colour. */
    byte[] color()
    {
        return color;
    }

    /** @return the details' renderer. */
    CompactDetails details()
    {
        return details;
    }
}
