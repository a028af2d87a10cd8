package io.sluice.cli.config;

import io.sluice.config.ConfigException;
import io.sluice.config.OutputConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Test helpers: load from flags and/or a YAML text written to a temp dir, and catch the refusal.
 */
final class Load
{
    /** Warnings of the last load. */
    static final List<String> WARNINGS = new ArrayList<>();

    private Load()
    {
    }

    static OutputConfig flags(final String... flags)
    {
        return load(null, Set.of(), flags);
    }

    static OutputConfig load(final Path yaml, final Set<String> policies, final String... flags)
    {
        WARNINGS.clear();
        return OutputConfigLoader.load(yaml, List.of(flags), policies, WARNINGS);
    }

    static OutputConfig yaml(final Path file, final String... flags)
    {
        return load(file, Set.of(), flags);
    }

    /** @return the message of the ConfigException the flags cause. */
    static String flagError(final String... flags)
    {
        return assertThrows(ConfigException.class, () -> flags(flags)).getMessage();
    }

    /** @return the message of the ConfigException the file (and flags) cause. */
    static String yamlError(final Path file, final String... flags)
    {
        return assertThrows(ConfigException.class, () -> yaml(file, flags)).getMessage();
    }

    /** Writes {@code sluice.yaml} in dir. */
    static Path write(final Path dir, final String yaml)
    {
        try
        {
            return Files.writeString(dir.resolve("sluice.yaml"), yaml);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
