package io.sluice.cli.config;

/**
 * A destination as read from YAML and flags, before validation. Fields left null were not set anywhere.
 */
final class RawDestination
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
}
