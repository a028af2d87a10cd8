package io.sluice.source;

import java.nio.file.Path;

/**
 * What {@code sluice replay} replays and how.
 *
 * @param dir              the journal directory.
 * @param speed            0 = as fast as possible ({@code --pace max}); otherwise the recorded timing sped up by
 *                         this factor ({@code --pace original} = 1, {@code --pace 10x} = 10).
 * @param fromNanos        replay events at or after this time (ns since the epoch); {@link Long#MIN_VALUE} = all.
 * @param toNanos          replay events at or before this time; {@link Long#MAX_VALUE} = all.
 * @param follow           keep reading as the journal grows, until stopped.
 * @param recordedPolicies keep the policies matched at capture time (and their names) instead of the replay's.
 */
public record ReplaySpec(Path dir, double speed, long fromNanos, long toNanos, boolean follow, boolean recordedPolicies)
{
    /**
     * Parse a {@code --pace} value.
     *
     * @param pace {@code max}, {@code original} or {@code Nx} (N a positive number).
     * @return the speed factor, 0 for max.
     * @throws IllegalArgumentException naming the value.
     */
    public static double parsePace(final String pace)
    {
        if (pace.equals("max"))
        {
            return 0;
        }
        if (pace.equals("original"))
        {
            return 1;
        }
        if (pace.endsWith("x") && pace.length() > 1)
        {
            try
            {
                final double factor = Double.parseDouble(pace.substring(0, pace.length() - 1));
                if (factor > 0 && Double.isFinite(factor))
                {
                    return factor;
                }
            }
            catch (final NumberFormatException ignore)
            {
                // fall through to the error
            }
        }
        throw new IllegalArgumentException("--pace: '" + pace + "' is not max, original or a speed-up such as 10x");
    }
}
