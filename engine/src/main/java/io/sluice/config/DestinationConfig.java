package io.sluice.config;

import java.util.Map;

/**
 * One validated destination.
 *
 * @param name     unique name, referenced by streams.
 * @param type     the key of its type in {@link io.sluice.output.DestinationKinds} ({@code file}, {@code journal}).
 * @param format   how they are rendered ({@link FormatSpec#SBE} for a journal: the records as they are).
 * @param path     for a file: {@code stdout}, {@code stderr} or a file path; for
 *                 a journal: the journal directory; else null.
 * @param url      for network types: the URL; else null.
 * @param rotation for a file destination with rotation on: its settings; else null.
 * @param roll     for a journal: how often it starts a new file; else null.
 * @param retry    how failed writes are retried ({@code retry.backoff}, {@code retry.max-backoff}).
 * @param options  the values of the type's own keys ({@link io.sluice.output.DestinationKind#optionKeys}) as its
 *                 {@code resolve} validated them, for its {@code create} to read; empty for a type that has none.
 */
public record DestinationConfig(
    String name, String type, FormatSpec format, String path, String url, RotationConfig rotation, JournalRoll roll,
    RetryPolicy retry, Map<String, String> options)
{
    /**
     * @param name     unique name.
     * @param type     where events go.
     * @param format   how they are rendered.
     * @param path     the path, or null.
     * @param url      the URL, or null.
     * @param rotation rotation settings, or null.
     * @param roll     journal roll, or null.
     * @param retry    how failed writes are retried.
     * @param options  the type's own keys as validated.
     */
    public DestinationConfig
    {
        options = Map.copyOf(options);
    }

    /**
     * A destination without keys of its type's own.
     *
     * @param name     unique name.
     * @param type     where events go.
     * @param format   how they are rendered.
     * @param path     the path, or null.
     * @param url      the URL, or null.
     * @param rotation rotation settings, or null.
     * @param roll     journal roll, or null.
     * @param retry    how failed writes are retried.
     */
    public DestinationConfig(final String name, final String type, final FormatSpec format, final String path,
        final String url, final RotationConfig rotation, final JournalRoll roll, final RetryPolicy retry)
    {
        this(name, type, format, path, url, rotation, roll, retry, Map.of());
    }

    /**
     * A destination with the default retry policy.
     *
     * @param name     unique name.
     * @param type     where events go.
     * @param format   how they are rendered.
     * @param path     the path, or null.
     * @param url      the URL, or null.
     * @param rotation rotation settings, or null.
     * @param roll     journal roll, or null.
     */
    public DestinationConfig(final String name, final String type, final FormatSpec format, final String path,
        final String url, final RotationConfig rotation, final JournalRoll roll)
    {
        this(name, type, format, path, url, rotation, roll, RetryPolicy.DEFAULTS);
    }

    /**
     * A destination without rotation or roll.
     *
     * @param name   unique name.
     * @param type   where events go.
     * @param format how they are rendered.
     * @param path   the path, or null.
     * @param url    the URL, or null.
     */
    public DestinationConfig(final String name, final String type, final FormatSpec format, final String path, final String url)
    {
        this(name, type, format, path, url, null, null, RetryPolicy.DEFAULTS);
    }

    /**
     * @param policy how failed writes are to be retried.
     * @return this destination with that retry policy.
     */
    public DestinationConfig withRetry(final RetryPolicy policy)
    {
        return new DestinationConfig(name, type, format, path, url, rotation, roll, policy, options);
    }
}
