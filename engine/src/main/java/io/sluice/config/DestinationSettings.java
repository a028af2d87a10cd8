package io.sluice.config;

import java.util.Set;

/**
 * The keys of one destination as read (YAML {@code output.destinations[n]} or {@code --output destinations.NAME.*}),
 * before validation: what a destination type's rules ({@link io.sluice.output.DestinationKind#resolve}) read to
 * build its {@link DestinationConfig}. A key that was not set anywhere is null.
 * <p>
 * The keys the front ends know (those with an accessor here) are parsed by them; any other key is kept as written, as a
 * string under its dotted name ({@link #option}: YAML {@code kafka: {security.protocol: SSL}} is
 * {@code kafka.security.protocol}, the flag {@code destinations.k.linger.ms=5} is {@code linger.ms}), for the
 * destination type that declares it ({@link io.sluice.output.DestinationKind#optionKeys}) to read and validate.
 */
public interface DestinationSettings
{
    /**
     * @return the destination's name.
     */
    String name();

    /**
     * @param key     the missing key ({@code path}).
     * @param problem what its absence means.
     * @return the exception to throw, naming where the destination is declared and the missing field.
     */
    ConfigException missing(String key, String problem);

    /**
     * @return {@code type}, or null.
     */
    Setting<String> type();

    /**
     * @return {@code format}, or null.
     */
    Setting<String> format();

    /**
     * @return {@code path}, or null.
     */
    Setting<String> path();

    /**
     * @return {@code url}, or null.
     */
    Setting<String> url();

    /**
     * @return a journal's {@code roll}, or null.
     */
    Setting<String> roll();

    /**
     * @return {@code rotate} (true when a {@code rotate} mapping is given), or null.
     */
    Setting<Boolean> rotate();

    /**
     * @return {@code rotate.max-size-mb}, or null.
     */
    Setting<Long> rotateMaxSizeMb();

    /**
     * @return {@code rotate.max-backups}, or null.
     */
    Setting<Long> rotateMaxBackups();

    /**
     * @return {@code rotate.compress}, or null.
     */
    Setting<Boolean> rotateCompress();

    /**
     * @return {@code rotate.interval}, or null.
     */
    Setting<String> rotateInterval();

    /**
     * @return {@code retry.backoff}, or null.
     */
    Setting<String> retryBackoff();

    /**
     * @return {@code retry.max-backoff}, or null.
     */
    Setting<String> retryMaxBackoff();

    /**
     * @param dottedKey a key the front ends do not know themselves ({@code acks}, {@code kafka.security.protocol}).
     * @return its value as written (a YAML integer or boolean as its text), or null when not given.
     */
    Setting<String> option(String dottedKey);

    /**
     * @return every key given that the front ends do not know themselves, dotted, in the order written; empty when none.
     */
    Set<String> optionKeys();
}
