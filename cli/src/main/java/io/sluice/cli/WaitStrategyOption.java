package io.sluice.cli;

import io.sluice.engine.WaitStrategies;
import picocli.CommandLine.Option;

/**
 * {@code --wait-strategy}: how the pipeline's threads wait for events, as a picocli mixin for every command that runs
 * the engine (a run, a replay, a benchmark).
 */
public final class WaitStrategyOption
{
    @Option(names = "--wait-strategy", paramLabel = "NAME", defaultValue = "phased",
        description = "How pipeline threads wait for events: " + WaitStrategies.NAMES + " (default: ${DEFAULT-VALUE}).")
    private String name;

    /**
     * @return the strategy's name, once known to be one.
     * @throws IllegalArgumentException naming the unknown strategy.
     */
    public String checked()
    {
        WaitStrategies.byName(name);
        return name;
    }
}
