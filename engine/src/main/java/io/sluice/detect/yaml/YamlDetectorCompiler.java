package io.sluice.detect.yaml;

import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelRuntime;
import io.sluice.codec.catalog.ArgType;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.config.ConfigException;
import io.sluice.policy.Expression;
import io.sluice.policy.PolicyCompiler;
import io.sluice.policy.PolicyDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link YamlDetectorSpec}, once, at start-up: each watched event's filters into a policy rule (Tracee's
 * {@code data_filters} are its policy filters without {@code data.}; several values of one field OR, as Tracee's do),
 * each condition and output field into a CEL program. Every error names the file and line of the value refused.
 */
final class YamlDetectorCompiler
{
    private final EventCatalog catalog;
    private final TraceeCel cel;

    YamlDetectorCompiler(final EventCatalog catalog, final TraceeCel cel)
    {
        this.catalog = catalog;
        this.cel = cel;
    }

    YamlDetector compile(final YamlDetectorSpec spec)
    {
        final List<PolicyDocument.Rule> rules = new ArrayList<>();
        final List<String> inputs = new ArrayList<>();
        final PolicyCompiler policies = new PolicyCompiler(catalog);
        for (final YamlDetectorSpec.Requirement requirement : spec.events())
        {
            final EventDefinition event = catalog.byName(requirement.name());
            if (event == null && requirement.optional())
            {
                continue;
            }
            if (event == null)
            {
                throw requirement.node().error(requirement.name(), "unknown event (see 'sluice list events')");
            }
            if (event.id() >= EventCatalog.FIRST_DETECTOR_ID)
            {
                throw requirement.node().error(requirement.name(), "a detector's event cannot be watched by a detector yet "
                    + "(chains of detectors are not available)");
            }
            for (final YamlNode node : requirement.dataFilters())
            {
                check(policies, spec, requirement, node, "data." + node.text());
            }
            for (final YamlNode node : requirement.scopeFilters())
            {
                check(policies, spec, requirement, node, scope(node.text()));
            }
            final List<String> filters = filters(requirement);
            rules.add(new PolicyDocument.Rule("requirements.events", requirement.name(), filters));
            inputs.add(requirement.name());
        }
        final String origin = spec.idNode().file();
        final io.sluice.policy.Policy filters = policies.compile(new PolicyDocument(spec.id(), origin, List.of("global"), rules));
        final CelRuntime.Program[] conditions = new CelRuntime.Program[spec.conditions().size()];
        for (int i = 0; i < conditions.length; i++)
        {
            final YamlNode node = spec.conditions().get(i);
            conditions[i] = program(node, node.text(), true);
        }
        return new YamlDetector(spec, inputs, filters, conditions, cel, outputs(spec));
    }

    private OutputFields outputs(final YamlDetectorSpec spec)
    {
        if (spec.outputs().isEmpty())
        {
            return null;
        }
        final Map<String, ArgType> declared = new LinkedHashMap<>();
        spec.fields().forEach(field -> declared.put(field.name(), YamlDetectors.argType(field.type())));
        final OutputField[] fields = new OutputField[spec.outputs().size()];
        for (int i = 0; i < fields.length; i++)
        {
            final YamlDetectorSpec.Output output = spec.outputs().get(i);
            final ArgType type = declared.get(output.name());
            if (type == null)
            {
                throw output.node().error(output.name(), "output field not declared in produced_event.fields (declared: "
                    + (declared.isEmpty() ? "none" : String.join(", ", declared.keySet())) + ")");
            }
            try
            {
                fields[i] = new OutputField(output.name(), type, output.optional(), output.expression(), cel);
            }
            catch (final IllegalArgumentException ex)
            {
                throw output.node().error(output.expression(), "bad CEL expression: " + ex.getMessage());
            }
        }
        return new OutputFields(fields);
    }

    private CelRuntime.Program program(final YamlNode node, final String expression, final boolean condition)
    {
        try
        {
            return cel.compile(expression, condition ? SimpleType.BOOL : null);
        }
        catch (final IllegalArgumentException ex)
        {
            throw node.error(expression, "bad CEL expression: " + ex.getMessage());
        }
    }

    /**
     * @return the rule's filters in the policy grammar: {@code data.} before each data filter, one {@code =} filter
     *         per field with its values joined (Tracee ORs the values of one field), the scope filters after, with
     *         {@code container=true} / {@code container=false} as {@code container} / {@code not-container}.
     */
    private static List<String> filters(final YamlDetectorSpec.Requirement requirement)
    {
        final Map<String, List<String>> equal = new LinkedHashMap<>();
        final List<String> filters = new ArrayList<>();
        for (final YamlNode node : requirement.dataFilters())
        {
            final Expression expression = parse(node);
            if (expression.operator() == io.sluice.policy.Operator.EQ)
            {
                equal.computeIfAbsent(expression.key(), key -> new ArrayList<>()).addAll(expression.values());
            }
            else
            {
                filters.add("data." + node.text());
            }
        }
        equal.forEach((key, values) -> filters.add(0, "data." + key + "=" + String.join(",", values)));
        for (final YamlNode node : requirement.scopeFilters())
        {
            filters.add(scope(node.text()));
        }
        return filters;
    }

    private static Expression parse(final YamlNode node)
    {
        try
        {
            return Expression.parse(node.text());
        }
        catch (final IllegalArgumentException ex)
        {
            throw node.error(node.text(), ex.getMessage());
        }
    }

    /** Compiles one filter alone, so a refusal names the line it was written on. */
    private static void check(final PolicyCompiler policies, final YamlDetectorSpec spec, final YamlDetectorSpec.Requirement requirement,
        final YamlNode node, final String filter)
    {
        try
        {
            policies.compile(new PolicyDocument(spec.id(), node.file(), List.of("global"),
                List.of(new PolicyDocument.Rule("requirements.events", requirement.name(), List.of(filter)))));
        }
        catch (final ConfigException ex)
        {
            final String message = ex.getMessage();
            final int quoted = message.lastIndexOf("': ");
            throw node.error(node.text(), quoted < 0 ? message : message.substring(quoted + 3));
        }
    }

    private static String scope(final String text)
    {
        return switch (text)
        {
            case "container=true" -> "container";
            case "container=false" -> "not-container";
            default -> text;
        };
    }
}
