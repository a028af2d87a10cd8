package io.sluice.policy;

import io.sluice.codec.catalog.ArgDefinition;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.config.ConfigException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles written policies into {@link Policy} objects, once, at start-up: scope keys and operators are checked,
 * events and their arguments looked up in the catalog, wildcards and numbers parsed. Every refusal is a
 * {@link ConfigException} naming the file, the rule and the value.
 */
public final class PolicyCompiler
{
    private final EventCatalog catalog;
    private final List<ThreatMetadata> threats;
    private final ProcessConditions conditions;

    /**
     * A compiler without detector metadata ({@code threat.*} rules name nothing) that takes now as Sluice's start.
     *
     * @param catalog the event catalog (events and their arguments, detector events included).
     */
    public PolicyCompiler(final EventCatalog catalog)
    {
        this(catalog, List.of(), System.currentTimeMillis() * 1_000_000L);
    }

    /**
     * @param catalog    the event catalog (events and their arguments, detector events included).
     * @param threats    the loaded detectors' events and threats, for {@code threat.*} rules.
     * @param sinceNanos when Sluice started, nanoseconds since the epoch, for {@code pid=new}.
     */
    public PolicyCompiler(final EventCatalog catalog, final List<ThreatMetadata> threats, final long sinceNanos)
    {
        this.catalog = catalog;
        this.threats = List.copyOf(threats);
        this.conditions = new ProcessConditions(sinceNanos);
    }

    /**
     * @param documents the policies as written, in bit order.
     * @return the compiled set.
     * @throws ConfigException for a 65th policy, a duplicate name or any bad scope, rule or filter.
     */
    public PolicySet compile(final List<PolicyDocument> documents)
    {
        if (documents.size() > PolicySet.MAX_POLICIES)
        {
            final PolicyDocument extra = documents.get(PolicySet.MAX_POLICIES);
            throw new ConfigException(extra.origin(), "metadata.name", extra.name(),
                "too many policies: at most " + PolicySet.MAX_POLICIES + " (this is number " + documents.size() + ")");
        }
        final Map<String, PolicyDocument> byName = new LinkedHashMap<>();
        final List<Policy> policies = new ArrayList<>();
        for (final PolicyDocument document : documents)
        {
            final PolicyDocument previous = byName.putIfAbsent(document.name(), document);
            if (previous != null)
            {
                throw new ConfigException(document.origin(), "metadata.name", document.name(),
                    "policy name already used by " + previous.origin());
            }
            policies.add(compile(document));
        }
        return new PolicySet(policies);
    }

    /**
     * @param document one policy as written.
     * @return it, compiled.
     */
    public Policy compile(final PolicyDocument document)
    {
        final String origin = document.origin();
        if (document.name() == null || document.name().isBlank())
        {
            throw new ConfigException(origin, "metadata.name", null, "a policy needs a name");
        }
        if (document.scope().isEmpty())
        {
            throw new ConfigException(origin, "spec.scope", null, "a policy needs a scope (global for every process)");
        }
        final List<Condition> scope = new ArrayList<>();
        boolean follow = false;
        List<Integer> pids = null;
        List<String> comms = null;
        List<Integer> uids = null;
        for (final String text : document.scope())
        {
            final Expression expression = parse(origin, "spec.scope", text);
            if (expression.key().equals("global") && expression.operator() == null)
            {
                if (document.scope().size() > 1)
                {
                    throw new ConfigException(origin, "spec.scope", text, "global cannot be combined with other scopes");
                }
                continue;
            }
            if (expression.key().equals("follow") && expression.operator() == null)
            {
                follow = true;
                continue;
            }
            final Condition condition = conditions.scope(origin, "spec.scope", expression);
            scope.add(condition);
            if (expression.operator() == Operator.EQ && !(condition instanceof NewPidCondition))
            {
                switch (expression.key())
                {
                    case "pid" -> pids = numbers(expression).stream().map(Long::intValue).toList();
                    case "uid" -> uids = numbers(expression).stream().map(Long::intValue).toList();
                    case "comm" -> comms = expression.values().stream().anyMatch(v -> v.contains("*") || v.length() > 15) ?
                        null : expression.values();
                    default -> {}
                }
            }
        }
        final Policy.PushDown pushDown = follow ? new Policy.PushDown(null, null, null) : new Policy.PushDown(pids, comms, uids);

        if (document.rules().isEmpty())
        {
            throw new ConfigException(origin, "spec.rules", null, "a policy needs at least one rule");
        }
        final Map<Integer, List<Condition[]>> rules = new LinkedHashMap<>();
        int maxId = 0;
        for (final PolicyDocument.Rule rule : document.rules())
        {
            for (final EventDefinition event : EventPattern.resolve(catalog, threats, origin, rule.field() + ".event", rule.event()))
            {
                final String field = rule.field() + " (" + event.name() + ").filters";
                final List<Condition> filters = new ArrayList<>();
                for (final String text : rule.filters())
                {
                    filters.add(ruleFilter(origin, field, event, parse(origin, field, text)));
                }
                rules.computeIfAbsent(event.id(), id -> new ArrayList<>()).add(filters.toArray(new Condition[0]));
                maxId = Math.max(maxId, event.id());
            }
        }
        final Condition[][][] byEvent = new Condition[maxId + 1][][];
        final int[] ids = new int[rules.size()];
        int i = 0;
        for (final Map.Entry<Integer, List<Condition[]>> entry : rules.entrySet())
        {
            byEvent[entry.getKey()] = entry.getValue().toArray(new Condition[0][]);
            ids[i++] = entry.getKey();
        }
        java.util.Arrays.sort(ids);
        return new Policy(document.name(), origin, scope.toArray(new Condition[0]), follow, byEvent, ids, pushDown);
    }

    private static Expression parse(final String origin, final String field, final String text)
    {
        try
        {
            return Expression.parse(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(origin, field, text, ex.getMessage());
        }
    }

    private Condition ruleFilter(final String origin, final String field, final EventDefinition event, final Expression expression)
    {
        final String key = expression.key();
        if (expression.operator() == null && !key.equals("container") && !key.equals("not-container") && !key.equals("host")
            && !key.equals("scope.container") && !key.equals("scope.host"))
        {
            throw new ConfigException(origin, field, expression.text(), "expected KEY=VALUE (or != < > <= >=)");
        }
        if (key.startsWith("data.") || key.startsWith("args."))
        {
            return dataFilter(origin, field, event, expression, key.substring(5));
        }
        if (key.equals("retval"))
        {
            if (!event.isSyscall())
            {
                throw new ConfigException(origin, field, expression.text(), event.name() + " has no return value");
            }
            return new NumberCondition(NumberCondition.Field.RETVAL, expression.operator(),
                FilterValues.numbers(origin, field, expression));
        }
        final String scopeKey = key.startsWith("scope.") ? key.substring(6) : key;
        if (scopeKey.equals("follow") || scopeKey.equals("global"))
        {
            throw new ConfigException(origin, field, expression.text(), scopeKey + " belongs in the policy's scope, not in a rule");
        }
        return conditions.rule(origin, field, new Expression(scopeKey, expression.operator(), expression.values(),
            expression.text()));
    }

    private static Condition dataFilter(final String origin, final String field, final EventDefinition event,
        final Expression expression, final String argName)
    {
        ArgDefinition arg = null;
        for (final ArgDefinition candidate : event.args())
        {
            if (candidate.name().equals(argName))
            {
                arg = candidate;
            }
        }
        if (arg == null)
        {
            final List<String> names = event.args().stream().map(ArgDefinition::name).toList();
            throw new ConfigException(origin, field, expression.text(),
                event.name() + " has no argument '" + argName + "' (it has " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
        switch (arg.type())
        {
            case STR:
                return DataCondition.text(argName, FilterValues.negated(origin, field, expression),
                    FilterValues.patterns(origin, field, expression));
            case INT32:
            case INT64:
            case U_INT32:
            case U_INT64:
            case BOOL:
                return DataCondition.number(argName, expression.operator(), FilterValues.numbers(origin, field, expression));
            default:
                throw new ConfigException(origin, field, expression.text(),
                    "filters on " + arg.type().name().toLowerCase(java.util.Locale.ROOT) + " arguments are not available yet");
        }
    }

    private static List<Long> numbers(final Expression expression)
    {
        final List<Long> values = new ArrayList<>();
        for (final String value : expression.values())
        {
            values.add(Long.decode(value));
        }
        return values;
    }
}
