package io.sluice.perf.format;

import org.openjdk.jmh.infra.BenchmarkParams;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The benchmark thread's CPU time per operation over one JMH iteration, printed at its end: it stays put when other
 * work shares the cores and the score does not. Used by one benchmark thread.
 */
public final class CpuPerEvent
{
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long operations;
    private long cpuAtStart;

    /** Start counting an iteration. */
    public void start()
    {
        operations = 0;
        cpuAtStart = threads.getCurrentThreadCpuTime();
    }

    /** One more operation. */
    public void count()
    {
        operations++;
    }

    /**
     * Print the iteration's CPU-ns per operation.
     *
     * @param params which benchmark this is.
     * @param detail what else names the case (a parameter), or the empty string.
     */
    public void print(final BenchmarkParams params, final String detail)
    {
        final long cpu = threads.getCurrentThreadCpuTime() - cpuAtStart;
        final String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        final String label = detail.isEmpty() ? method : method + " " + detail;
        System.out.printf("%n[%s] iteration: %d CPU-ns/event%n", label, operations == 0 ? 0 : cpu / operations);
    }
}
