package io.sluice.format;

import io.sluice.config.FormatSpec;

/**
 * An entry of {@link Formats} for a format Tracee has and Sluice does not yet ({@code gotemplate=FILE},
 * {@code protobuf}): recognised, so that it is refused as not available yet rather than unknown.
 * When the format is built, its own class replaces this entry.
 */
final class LaterFormat implements Format
{
    private final String key;
    private final String argument;
    private final String argumentMeaning;

    /**
     * @param key      the config key.
     * @param argument        what follows {@code key=} ({@code FILE}), or the empty string for a format without argument.
     * @param argumentMeaning what the argument is ({@code a template file}), or the empty string.
     */
    LaterFormat(final String key, final String argument, final String argumentMeaning)
    {
        this.key = key;
        this.argument = argument;
        this.argumentMeaning = argumentMeaning;
    }

    /**
     * @param key the config key of a format without argument.
     */
    LaterFormat(final String key)
    {
        this(key, "", "");
    }

    @Override
    public String argumentMeaning()
    {
        return argumentMeaning;
    }

    @Override
    public String key()
    {
        return key;
    }

    @Override
    public String usage()
    {
        return argument.isEmpty() ? key : key + "=" + argument;
    }

    @Override
    public boolean takesArgument()
    {
        return !argument.isEmpty();
    }

    @Override
    public boolean available()
    {
        return false;
    }

    @Override
    public EventFormatter create(final FormatSpec spec, final FormatContext context)
    {
        throw new IllegalStateException("format " + key + " is not available yet");
    }
}
