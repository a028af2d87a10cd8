package io.sluice.format;

import java.nio.charset.StandardCharsets;

/**
 * One argument a {@code compact} line prints, as the table of {@link CompactTable} writes it: {@code pathname} (its
 * value), {@code backlog=} (name and value), {@code sig:signal} (a signal by name), {@code cmd:bpf} (a {@code bpf(2)}
 * command by name), {@code mode:octal} (octal with a leading 0).
 *
 * @param name  the argument's name, UTF-8.
 * @param style how its value prints.
 */
record CompactArg(byte[] name, Style style)
{
    /** How an argument's value prints. */
    enum Style
    {
        /** The value alone. */
        VALUE,
        /** {@code name=value}. */
        NAMED,
        /** A signal number as its name ({@code SIGTERM}), else the number. */
        SIGNAL,
        /** A {@code bpf(2)} command as its name ({@code BPF_PROG_LOAD}), else the number. */
        BPF_COMMAND,
        /** An integer in octal with a leading 0 ({@code 0644}). */
        OCTAL
    }

    /**
     * @param spec {@code name}, {@code name=} or {@code name:signal|bpf|octal}.
     * @return the argument.
     */
    static CompactArg parse(final String spec)
    {
        if (spec.endsWith("="))
        {
            return new CompactArg(utf8(spec.substring(0, spec.length() - 1)), Style.NAMED);
        }
        final int colon = spec.indexOf(':');
        if (colon < 0)
        {
            return new CompactArg(utf8(spec), Style.VALUE);
        }
        final Style style = switch (spec.substring(colon + 1))
        {
            case "signal" -> Style.SIGNAL;
            case "bpf" -> Style.BPF_COMMAND;
            case "octal" -> Style.OCTAL;
            default -> throw new IllegalArgumentException("unknown style in compact argument " + spec);
        };
        return new CompactArg(utf8(spec.substring(0, colon)), style);
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
