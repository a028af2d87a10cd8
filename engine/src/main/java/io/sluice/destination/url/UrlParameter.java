package io.sluice.destination.url;

import io.sluice.config.ConfigException;
import io.sluice.config.Setting;

/**
 * One query parameter of a destination's {@code url}, as a {@link Setting}: a refusal names the {@code url} setting (its
 * origin, field and value as written) and the parameter, so a bad {@code ?timeout=} reads like a bad key.
 */
public final class UrlParameter implements Setting<String>
{
    private final Setting<String> url;
    private final String name;
    private final String value;

    /**
     * @param url   the {@code url} setting it is part of.
     * @param name  the parameter's name.
     * @param value its value, decoded (for {@code gotemplate}, the format as a {@code format} key would read).
     */
    public UrlParameter(final Setting<String> url, final String name, final String value)
    {
        this.url = url;
        this.name = name;
        this.value = value;
    }

    @Override
    public String value()
    {
        return value;
    }

    @Override
    public String origin()
    {
        return url.origin();
    }

    @Override
    public ConfigException error(final String problem)
    {
        return url.error("url parameter " + name + ": " + problem);
    }
}
