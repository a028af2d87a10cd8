package io.sluice.config;

/**
 * One setting as read from a file or a flag, before validation: its typed value, and how to refuse it. The rules that
 * live beside each format and destination type ({@link io.sluice.format.Formats}, {@link io.sluice.output.DestinationKinds})
 * read settings through this, so that their refusals name the origin, the field and the value as written whichever front
 * end (YAML or {@code --output} flags) read them.
 *
 * @param <T> the value type (String, Long or Boolean).
 */
public interface Setting<T>
{
    /**
     * @return the typed value.
     */
    T value();

    /**
     * @return where it was written ({@code config.yaml:12}, {@code --output destinations.d.rotate=false}).
     */
    String origin();

    /**
     * @param problem what is wrong with this value.
     * @return the exception to throw, naming origin, field and value.
     */
    ConfigException error(String problem);
}
