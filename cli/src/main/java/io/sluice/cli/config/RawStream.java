package io.sluice.cli.config;

/**
 * A stream as read from YAML and flags, before validation. Fields left null were not set anywhere.
 */
final class RawStream
{
    final String name;
    /** Where it is first mentioned: {@code output.streams[0]} in a file, {@code streams.x} in a flag. */
    final Source declaredAt;
    /** Where its name is written, for name errors. */
    final Source nameSource;
    RawList destinations;
    RawList events;
    RawList policies;
    /** Tetragon filters of this stream: JSON objects, one per item. */
    RawList allow;
    RawList deny;
    RawList redact;
    RawList fields;
    RawValue<String> mode;
    RawValue<Long> size;

    RawStream(final String name, final Source declaredAt, final Source nameSource)
    {
        this.name = name;
        this.declaredAt = declaredAt;
        this.nameSource = nameSource;
    }
}
