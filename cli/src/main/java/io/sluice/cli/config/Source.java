package io.sluice.cli.config;

import io.sluice.config.ConfigException;

/**
 * Where one raw setting came from: the origin ({@code config.yaml:12} for a file, {@code --output <flag>} for a
 * flag) and the dotted field ({@code output.streams[1].buffer.mode} or {@code streams.tracing.buffer.mode}).
 *
 * @param origin the file position or flag.
 * @param field  the dotted field.
 */
record Source(String origin, String field)
{
    /**
     * @param value   the offending value, or null for an absence.
     * @param problem what is wrong.
     * @return the exception to throw.
     */
    ConfigException error(final String value, final String problem)
    {
        return new ConfigException(origin, field, value, problem);
    }

    /**
     * @param otherField a field under the same origin.
     * @return the same origin with another field.
     */
    Source withField(final String otherField)
    {
        return new Source(origin, otherField);
    }
}
