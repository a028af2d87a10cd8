package io.sluice.stream;

import com.lmax.disruptor.WaitStrategy;
import io.sluice.report.Problems;

import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * What every stream of a run shares with the engine: how its writer waits, where its threads come from, where it
 * reports trouble, and the drain deadline at exit.
 *
 * @param waitStrategies makes how a stream's writer waits for events: one each, since a blocking strategy's lock is
 *                       taken on every publish and wakes every waiter on it.
 * @param threads      makes the stream's threads (writer, destination openers).
 * @param problems     the run's problem reporter.
 * @param deadline     the grace period at exit.
 */
public record StreamEnvironment(Supplier<WaitStrategy> waitStrategies, ThreadFactory threads, Problems problems, DrainDeadline deadline)
{
}
