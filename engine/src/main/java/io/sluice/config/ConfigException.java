package io.sluice.config;

/**
 * A configuration that Sluice refuses, with where it came from (a file or a flag), the field and the value.
 * The CLI prints the message and exits with code 2. The message never shows a secret: a URL's password and a
 * {@code sharedKey} quoted in it are masked ({@link UrlSecrets}).
 */
public final class ConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String origin;
    private final String field;
    private final String value;

    /**
     * @param origin  the file ({@code config.yaml}) or flag ({@code --output}) the setting came from.
     * @param field   the dotted field, for instance {@code output.streams[1].buffer.mode}.
     * @param value   the offending value, or null when the problem is an absence.
     * @param problem what is wrong, in a few words.
     */
    public ConfigException(final String origin, final String field, final String value, final String problem)
    {
        super(UrlSecrets.masked(origin + ": " + field + (value == null ? "" : " = '" + value + "'") + ": " + problem));
        this.origin = origin;
        this.field = field;
        this.value = value;
    }

    /**
     * @return the file or flag the setting came from.
     */
    public String origin()
    {
        return origin;
    }

    /**
     * @return the dotted field name.
     */
    public String field()
    {
        return field;
    }

    /**
     * @return the offending value, or null.
     */
    public String value()
    {
        return value;
    }
}
