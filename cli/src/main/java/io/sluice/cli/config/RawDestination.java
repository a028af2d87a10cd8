package io.sluice.cli.config;

import io.sluice.config.ConfigException;
import io.sluice.config.DestinationSettings;
import io.sluice.config.Setting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A destination as read from YAML and flags, before validation. Fields left null were not set anywhere. The
 * {@link DestinationSettings} that {@link io.sluice.output.DestinationKinds} resolves.
 */
final class RawDestination implements DestinationSettings
{
    final String name;
    /** Where it is first mentioned: {@code output.destinations[0]} in a file, {@code destinations.x} in a flag. */
    final Source declaredAt;
    /** Where its name is written, for name errors. */
    final Source nameSource;
    /** The whole {@code --output} value of a short form ({@code json:/tmp/x}), or null for a declared destination. */
    final String shortForm;
    RawValue<String> type;
    RawValue<String> format;
    RawValue<String> path;
    RawValue<String> url;
    /** Journal: {@code roll}. */
    RawValue<String> roll;
    /** File rotation switch: {@code rotate: true|false}, or true when a {@code rotate} mapping is given. */
    RawValue<Boolean> rotate;
    RawValue<Long> rotateMaxSizeMb;
    RawValue<Long> rotateMaxBackups;
    RawValue<Boolean> rotateCompress;
    RawValue<String> rotateInterval;
    RawValue<String> retryBackoff;
    RawValue<String> retryMaxBackoff;
    /** Keys the readers do not know themselves, dotted, as written, for the destination type to accept or refuse. */
    final Map<String, RawValue<String>> options = new LinkedHashMap<>();

    RawDestination(final String name, final Source declaredAt, final Source nameSource, final String shortForm)
    {
        this.name = name;
        this.declaredAt = declaredAt;
        this.nameSource = nameSource;
        this.shortForm = shortForm;
    }

    boolean isShortForm()
    {
        return shortForm != null;
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public ConfigException missing(final String key, final String problem)
    {
        return declaredAt.withField(declaredAt.field() + "." + key).error(null, problem);
    }

    @Override
    public Setting<String> type()
    {
        return type;
    }

    @Override
    public Setting<String> format()
    {
        return format;
    }

    @Override
    public Setting<String> path()
    {
        return path;
    }

    @Override
    public Setting<String> url()
    {
        return url;
    }

    @Override
    public Setting<String> roll()
    {
        return roll;
    }

    @Override
    public Setting<Boolean> rotate()
    {
        return rotate;
    }

    @Override
    public Setting<Long> rotateMaxSizeMb()
    {
        return rotateMaxSizeMb;
    }

    @Override
    public Setting<Long> rotateMaxBackups()
    {
        return rotateMaxBackups;
    }

    @Override
    public Setting<Boolean> rotateCompress()
    {
        return rotateCompress;
    }

    @Override
    public Setting<String> rotateInterval()
    {
        return rotateInterval;
    }

    @Override
    public Setting<String> retryBackoff()
    {
        return retryBackoff;
    }

    @Override
    public Setting<String> retryMaxBackoff()
    {
        return retryMaxBackoff;
    }

    @Override
    public Setting<String> option(final String dottedKey)
    {
        return options.get(dottedKey);
    }

    @Override
    public Set<String> optionKeys()
    {
        return Collections.unmodifiableSet(options.keySet());
    }
}
