package io.sluice.filter.export;

import io.sluice.policy.EventView;

/**
 * {@code health_check}: Tetragon keeps ({@code true}) or drops ({@code false}) the processes that may be a container's
 * exec health probe, which it learns from the pod spec through the Kubernetes API ({@code MaybeExecProbe}). Sluice does
 * not read pod specs, so no process can be a probe: {@code true} matches nothing and {@code false} everything, which is
 * what Tetragon does for a pod without exec probes.
 */
final class HealthCheckMatcher implements ExportMatcher
{
    private final boolean healthCheck;

    /**
     * @param value {@code true} or {@code false}.
     * @throws io.sluice.config.ConfigException for any other value.
     */
    HealthCheckMatcher(final FieldValue value)
    {
        if (!(value.raw() instanceof Boolean flag))
        {
            throw value.error(null, String.valueOf(value.raw()), "expected true or false");
        }
        healthCheck = flag;
    }

    @Override
    public boolean matches(final EventView event)
    {
        return !healthCheck;
    }
}
