package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.config.ConfigException;
import io.sluice.policy.PolicySet;

import java.util.List;

/**
 * What a reload (SIGHUP) cannot ask of the kernel sensor: its programs and in-kernel scopes were chosen from the
 * policies at start, so reloaded policies may need no event the sensor does not capture and must push down the same
 * pid, comm and uid scopes (a wider scope would be filtered away in the kernel before the new policies saw it).
 */
final class KernelReloadCheck
{
    private KernelReloadCheck()
    {
    }

    /**
     * @param catalog the event catalog.
     * @param started the policies the run started with, or null.
     * @param next    the reloaded policies, or null.
     * @throws ConfigException naming the event or scope that would need a restart.
     */
    static void sameSelection(final EventCatalog catalog, final PolicySet started, final PolicySet next)
    {
        if (started == null || next == null)
        {
            return;
        }
        final List<EventDefinition> capturing = KernelSelection.events(catalog, started);
        for (final EventDefinition needed : KernelSelection.events(catalog, next))
        {
            if (!capturing.contains(needed))
            {
                throw new ConfigException("--policy", "rules.event", needed.name(), "the kernel sensor does not capture this"
                    + " event in this run (its programs were chosen at start): restart to trace it");
            }
        }
        if (!started.pushDown().equals(next.pushDown()))
        {
            throw new ConfigException("--policy", "scope", next.pushDown().toString(), "the pid, comm and uid scopes every"
                + " policy has are applied in the kernel and were fixed at start (" + started.pushDown() + "): restart to change them");
        }
    }
}
