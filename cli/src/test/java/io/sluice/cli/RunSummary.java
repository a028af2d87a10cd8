package io.sluice.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: the counts of one stream and one of its destinations, read from the summary a run prints on stderr
 * ({@code STREAM MODE MATCHED DELIVERED DROPPED FAILED UNDELIVERED}, then {@code   DESTINATION WRITTEN FAILED RETRIED}).
 *
 * @param matched     the stream's MATCHED.
 * @param delivered   its DELIVERED.
 * @param dropped     its DROPPED.
 * @param failed      its FAILED.
 * @param undelivered its UNDELIVERED.
 * @param written     the destination's WRITTEN.
 * @param destinationFailed the destination's FAILED.
 * @param retried     the destination's RETRIED.
 */
record RunSummary(long matched, long delivered, long dropped, long failed, long undelivered, long written,
    long destinationFailed, long retried)
{
    /**
     * @param stderr      what the run printed.
     * @param stream      the stream's name.
     * @param destination the destination's name.
     * @return the counts.
     */
    static RunSummary of(final String stderr, final String stream, final String destination)
    {
        final Matcher row = Pattern.compile("(?m)^" + Pattern.quote(stream) +
            "\\s+(?:block|drop)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$").matcher(stderr);
        final Matcher destinationRow = Pattern.compile("(?m)^  " + Pattern.quote(destination) +
            "\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$").matcher(stderr);
        if (!row.find() || !destinationRow.find())
        {
            throw new AssertionError("no summary rows for " + stream + "/" + destination + " in:\n" + stderr);
        }
        return new RunSummary(number(row, 1), number(row, 2), number(row, 3), number(row, 4), number(row, 5),
            number(destinationRow, 1), number(destinationRow, 2), number(destinationRow, 3));
    }

    private static long number(final Matcher matcher, final int group)
    {
        return Long.parseLong(matcher.group(group));
    }
}
