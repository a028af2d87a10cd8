package io.sluice.detect.yaml;

import dev.cel.runtime.CelRuntime;
import io.sluice.detect.DetectionFields;
import io.sluice.detect.Detector;
import io.sluice.detect.Threat;
import io.sluice.policy.EventView;
import io.sluice.policy.Policy;

import java.util.List;

/**
 * A detector loaded from a YAML file ({@code --detectors}): its {@code data_filters} and {@code scope_filters} are
 * compiled to the policy filters every policy uses (they allocate nothing), its {@code conditions} and
 * {@code output.fields} are CEL programs, run only on an event its filters matched.
 */
final class YamlDetector implements Detector
{
    private final String eventName;
    private final List<String> inputs;
    private final Threat threat;
    private final boolean populatesThreat;
    private final boolean detectedFrom;
    private final Policy filters;
    private final CelRuntime.Program[] conditions;
    private final TraceeCel cel;
    private final OutputFields outputs;

    YamlDetector(final YamlDetectorSpec spec, final List<String> inputs, final Policy filters, final CelRuntime.Program[] conditions,
        final TraceeCel cel, final OutputFields outputs)
    {
        this.eventName = spec.eventName();
        this.inputs = List.copyOf(inputs);
        this.threat = spec.threat() != null ? spec.threat()
            : new Threat(spec.id(), "", spec.description(), Threat.INFO, "", "", "", java.util.Map.of());
        this.populatesThreat = spec.threat() != null && spec.autoThreat();
        this.detectedFrom = spec.detectedFrom();
        this.filters = filters;
        this.conditions = conditions;
        this.cel = cel;
        this.outputs = outputs;
    }

    @Override
    public String eventName()
    {
        return eventName;
    }

    @Override
    public List<String> inputs()
    {
        return inputs;
    }

    @Override
    public Threat threat()
    {
        return threat;
    }

    @Override
    public boolean populatesThreat()
    {
        return populatesThreat;
    }

    @Override
    public boolean populatesDetectedFrom()
    {
        return detectedFrom;
    }

    @Override
    public DetectionFields fields()
    {
        return outputs;
    }

    @Override
    public boolean detect(final EventView event)
    {
        if (!filters.matches(event))
        {
            return false;
        }
        for (final CelRuntime.Program condition : conditions)
        {
            if (!holds(condition, event))
            {
                return false;
            }
        }
        return outputs == null || outputs.computeAll(event);
    }

    private boolean holds(final CelRuntime.Program condition, final EventView event)
    {
        try
        {
            return Boolean.TRUE.equals(cel.eval(condition, event));
        }
        catch (final dev.cel.runtime.CelEvaluationException | RuntimeException ex)
        {
            // Tracee: a condition that cannot be evaluated is false
            return false;
        }
    }
}
