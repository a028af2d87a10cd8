package io.sluice.stream;

import com.lmax.disruptor.WaitStrategy;
import io.sluice.report.Problems;

import java.util.concurrent.ThreadFactory;

/**
 * What every stream of a run shares with the engine: how its writer waits, where its threads come from, where it
 * reports trouble, and the drain deadline at exit.
 *
 * @param waitStrategy how the writer thread waits for events.
 * @param threads      makes the stream's threads (writer, destination openers).
 * @param problems     the run's problem reporter.
 * @param deadline     the grace period at exit.
 */
public record StreamEnvironment(WaitStrategy waitStrategy, ThreadFactory threads, Problems problems, DrainDeadline deadline)
{
}
