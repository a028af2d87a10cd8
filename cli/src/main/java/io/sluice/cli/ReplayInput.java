package io.sluice.cli;

import io.sluice.source.EventSource;

import java.io.PrintWriter;

/**
 * What {@code sluice replay} replays, opened: a journal ({@link JournalInput}) or a Kafka topic ({@link KafkaInput}).
 * The command runs either through the same pipeline and prints the same summary; this is what differs: the source, the
 * lines said before the run, where the events came from, and the damage found on the way.
 */
interface ReplayInput
{
    /**
     * @return the source to run.
     */
    EventSource source();

    /**
     * @return policy names by bit in force for the replayed events (none unless recorded policies are kept).
     */
    String[] policyNames();

    /**
     * Say, before the run, what is replayed and what is already known to be wrong with it.
     *
     * @param err stderr.
     */
    void describe(PrintWriter err);

    /**
     * @return events expected (an estimate, for the progress bar), or -1 when unknown.
     */
    long totalEstimate();

    /**
     * @return events skipped because their time was outside {@code --from}/{@code --to}.
     */
    long outsideRange();

    /**
     * @return where the events came from, for the summary line: {@code 2 writer session(s)}.
     */
    String origin();

    /**
     * Name, after the run, the damage found during it and any remarks.
     *
     * @param err stderr.
     */
    void reportProblems(PrintWriter err);

    /**
     * @return null when everything was read, else the closing line saying what was skipped.
     */
    String damage();
}
