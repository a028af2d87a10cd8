package io.sluice.output;

import io.sluice.config.DestinationSettings;
import io.sluice.config.GoDuration;
import io.sluice.config.RetryPolicy;
import io.sluice.config.Setting;

import java.time.Duration;

/**
 * Validates a destination's {@code retry.backoff} and {@code retry.max-backoff} (Go durations, for every destination
 * type) into its {@link RetryPolicy}: each defaults to {@link RetryPolicy#DEFAULTS}, except that a {@code backoff} longer
 * than the default {@code max-backoff} raises that to it; {@code backoff} must be positive and {@code max-backoff} no
 * shorter than {@code backoff}.
 */
final class RetryRules
{
    private RetryRules()
    {
    }

    /**
     * @param raw a destination as read.
     * @return its retry policy.
     * @throws io.sluice.config.ConfigException naming the offending key and value.
     */
    static RetryPolicy resolve(final DestinationSettings raw)
    {
        if (raw.retryBackoff() == null && raw.retryMaxBackoff() == null)
        {
            return RetryPolicy.DEFAULTS;
        }
        Duration backoff = RetryPolicy.DEFAULTS.backoff();
        String backoffText = backoff.toMillis() + "ms, the default";
        if (raw.retryBackoff() != null)
        {
            backoff = duration(raw.retryBackoff());
            backoffText = raw.retryBackoff().value();
            if (backoff.isZero())
            {
                throw raw.retryBackoff().error("must be positive (a duration such as 100ms)");
            }
        }
        if (raw.retryMaxBackoff() == null)
        {
            final Duration max = RetryPolicy.DEFAULTS.maxBackoff();
            return new RetryPolicy(backoff, max.compareTo(backoff) < 0 ? backoff : max);
        }
        final Duration maxBackoff = duration(raw.retryMaxBackoff());
        if (maxBackoff.compareTo(backoff) < 0)
        {
            throw raw.retryMaxBackoff().error("shorter than retry.backoff (" + backoffText + ")");
        }
        return new RetryPolicy(backoff, maxBackoff);
    }

    private static Duration duration(final Setting<String> raw)
    {
        try
        {
            return GoDuration.parse(raw.value());
        }
        catch (final IllegalArgumentException ex)
        {
            throw raw.error("expected a duration such as 100ms, 5s or 1m");
        }
    }
}
