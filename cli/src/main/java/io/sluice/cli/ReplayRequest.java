package io.sluice.cli;

import java.util.List;

/**
 * What {@code sluice replay} was asked, whatever it replays: the SOURCE argument and the options every input reads
 * (each input refuses those it cannot honour rather than ignore them).
 *
 * @param source           the SOURCE argument: a journal directory or a {@code kafka://} URL.
 * @param speed            {@code --pace}: 0 = as fast as possible.
 * @param fromNanos        {@code --from}, or {@link Long#MIN_VALUE}.
 * @param toNanos          {@code --to}, or {@link Long#MAX_VALUE}.
 * @param follow           {@code --follow}.
 * @param recordedPolicies {@code --recorded-policies}.
 * @param group            {@code --group}, or null.
 * @param kafka            each {@code --kafka PROPERTY=VALUE}.
 */
record ReplayRequest(String source, double speed, long fromNanos, long toNanos, boolean follow, boolean recordedPolicies,
    String group, List<String> kafka)
{
    /**
     * @param kafka each {@code --kafka PROPERTY=VALUE}.
     */
    ReplayRequest
    {
        kafka = List.copyOf(kafka);
    }
}
