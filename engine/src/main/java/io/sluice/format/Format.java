package io.sluice.format;

import io.sluice.config.FormatSpec;

/**
 * One output format, as an entry of {@link Formats}: its config key, whether it takes an argument
 * ({@code gotemplate=FILE}), which destination types may use it, and how its {@link EventFormatter} is built. Adding a
 * format is one class implementing this and one line in {@link Formats}.
 */
public interface Format
{
    /** {@link #recordSeparator()} of a format whose records delimit themselves. */
    int NO_SEPARATOR = -1;

    /**
     * @return the key as written in config ({@code json}).
     */
    String key();

    /**
     * @return how it is written, for messages: the key, or {@code key=ARG} for a format that takes an argument.
     */
    default String usage()
    {
        return key();
    }

    /**
     * @return true when it is written {@code key=ARG}.
     */
    default boolean takesArgument()
    {
        return false;
    }

    /**
     * @return what its argument is, for the message when it is missing ({@code a template file}).
     */
    default String argumentMeaning()
    {
        return "an argument";
    }

    /**
     * @param destinationType a destination type key ({@code file}).
     * @return true when a destination of that type may use this format.
     */
    default boolean allows(final String destinationType)
    {
        return true;
    }

    /**
     * @return why a destination type it does not {@link #allows allow} cannot use it.
     */
    default String misuse()
    {
        return "not for this destination type";
    }

    /**
     * @return the byte a file destination writes after each event of this format (a newline: one event per line), or
     *         {@link #NO_SEPARATOR} for a format whose records delimit themselves (binary ones).
     */
    default int recordSeparator()
    {
        return '\n';
    }

    /**
     * @return true when what it renders depends on {@link FormatContext#colored()}: a stream then builds one formatter
     *         for its coloured destinations and one for the others, instead of one for all.
     */
    default boolean colors()
    {
        return false;
    }

    /**
     * Checks the format's argument once, when the configuration is compiled ({@code validate} and a run alike), so
     * that a bad one is refused before anything starts: a template file that is missing or does not parse.
     *
     * @param spec the configured spec.
     * @throws IllegalArgumentException with one line saying what is wrong (file, line and column for a template).
     */
    default void check(final FormatSpec spec)
    {
    }

    /**
     * @param spec        the configured spec (its argument, if any).
     * @param context what the formatter may need: the catalog, the policy names.
     * @return a new formatter.
     */
    EventFormatter create(FormatSpec spec, FormatContext context);
}
