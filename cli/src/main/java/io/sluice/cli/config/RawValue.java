package io.sluice.cli.config;

import io.sluice.config.ConfigException;
import io.sluice.config.Setting;

/**
 * One raw setting as read, before validation: the {@link Setting} the format and destination type rules read.
 *
 * @param value  the typed value (String, Long or Boolean).
 * @param text   the value as written, for messages.
 * @param source where it came from.
 * @param <T>    the value type.
 */
record RawValue<T>(T value, String text, Source source) implements Setting<T>
{
    /**
     * @param value  a string value.
     * @param source where it came from.
     * @return the raw value, whose text is the value itself.
     */
    static RawValue<String> of(final String value, final Source source)
    {
        return new RawValue<>(value, value, source);
    }

    /**
     * @param problem what is wrong with this value.
     * @return the exception to throw, naming origin, field and value.
     */
    @Override
    public ConfigException error(final String problem)
    {
        return source.error(text, problem);
    }

    @Override
    public String origin()
    {
        return source.origin();
    }
}
