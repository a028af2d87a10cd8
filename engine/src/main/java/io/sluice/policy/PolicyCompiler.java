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

    /**
     * @param catalog the event catalog (events and their arguments, detector events included).
     */
    public PolicyCompiler(final EventCatalog catalog)
    {
        this.catalog = catalog;
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
            scope.add(processCondition(origin, "spec.scope", expression, true));
            if (expression.operator() == Operator.EQ)
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
            final EventDefinition event = rule.event() == null ? null : catalog.byName(rule.event());
            if (event == null)
            {
                throw new ConfigException(origin, rule.field() + ".event", rule.event(),
                    rule.event() == null ? "a rule needs an event" : "unknown event (see 'sluice list')");
            }
            final String field = rule.field() + " (" + event.name() + ").filters";
            final List<Condition> filters = new ArrayList<>();
            for (final String text : rule.filters())
            {
                filters.add(ruleFilter(origin, field, event, parse(origin, field, text)));
            }
            rules.computeIfAbsent(event.id(), id -> new ArrayList<>()).add(filters.toArray(new Condition[0]));
            maxId = Math.max(maxId, event.id());
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
        if (expression.operator() == null && !key.equals("container") && !key.equals("not-container"))
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
            return new NumberCondition(NumberCondition.Field.RETVAL, expression.operator(), numbers(origin, field, expression));
        }
        final String scopeKey = key.startsWith("scope.") ? key.substring(6) : key;
        if (scopeKey.equals("follow") || scopeKey.equals("global"))
        {
            throw new ConfigException(origin, field, expression.text(), scopeKey + " belongs in the policy's scope, not in a rule");
        }
        return processCondition(origin, field, new Expression(scopeKey, expression.operator(), expression.values(),
            expression.text()), false);
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
                return DataCondition.text(argName, textOperator(origin, field, expression) == Operator.NE,
                    patterns(origin, field, expression));
            case INT32:
            case INT64:
            case U_INT32:
            case U_INT64:
            case BOOL:
                return DataCondition.number(argName, expression.operator(), numbers(origin, field, expression));
            default:
                throw new ConfigException(origin, field, expression.text(),
                    "filters on " + arg.type().name().toLowerCase(java.util.Locale.ROOT) + " arguments are not available yet");
        }
    }

    private static Condition processCondition(final String origin, final String field, final Expression expression,
        final boolean inScope)
    {
        final String key = expression.key();
        final Operator operator = expression.operator();
        switch (key)
        {
            case "comm":
                return new TextCondition(TextCondition.Field.COMM, textOperator(origin, field, expression) == Operator.NE,
                    patterns(origin, field, expression));
            case "executable":
            case "binary":
            case "exe":
                return new TextCondition(TextCondition.Field.EXECUTABLE, textOperator(origin, field, expression) == Operator.NE,
                    patterns(origin, field, expression));
            case "containerId":
                return new TextCondition(TextCondition.Field.CONTAINER_ID, textOperator(origin, field, expression) == Operator.NE,
                    patterns(origin, field, expression));
            case "pid":
                return new NumberCondition(NumberCondition.Field.PID, operator, numbers(origin, field, expression));
            case "uid":
                return new NumberCondition(NumberCondition.Field.UID, operator, numbers(origin, field, expression));
            case "mntns":
                return new NumberCondition(NumberCondition.Field.MNTNS, operator, numbers(origin, field, expression));
            case "pidns":
                return new NumberCondition(NumberCondition.Field.PIDNS, operator, numbers(origin, field, expression));
            case "tree":
            {
                final Operator op = textOperator(origin, field, expression);
                final long[] values = numbers(origin, field, expression);
                final int[] roots = new int[values.length];
                for (int i = 0; i < roots.length; i++)
                {
                    roots[i] = (int)values[i];
                }
                return new TreeCondition(roots, op == Operator.NE);
            }
            case "container":
                if (operator == null)
                {
                    return new ContainerCondition(true);
                }
                if (expression.values().contains("new"))
                {
                    if (expression.values().size() > 1)
                    {
                        throw new ConfigException(origin, field, expression.text(), "container=new takes no other value");
                    }
                    return ContainerCondition.newContainer(textOperator(origin, field, expression) == Operator.NE);
                }
                return new TextCondition(TextCondition.Field.CONTAINER_ID, textOperator(origin, field, expression) == Operator.NE,
                    patterns(origin, field, expression));
            case "not-container":
                if (operator != null)
                {
                    throw new ConfigException(origin, field, expression.text(), "not-container takes no value");
                }
                return new ContainerCondition(false);
            case "uts":
                return new TextCondition(TextCondition.Field.UTS, textOperator(origin, field, expression) == Operator.NE,
                    patterns(origin, field, expression));
            default:
                throw new ConfigException(origin, field, expression.text(), "unknown " + (inScope ? "scope" : "filter") +
                    " key '" + key + "' (expected " + (inScope ? "global, follow, " : "data.<arg>, retval, ") +
                    "comm, pid, uid, executable, binary, container, not-container, containerId, tree, mntns, pidns, uts)");
        }
    }

    private static Operator textOperator(final String origin, final String field, final Expression expression)
    {
        if (expression.operator() != Operator.EQ && expression.operator() != Operator.NE)
        {
            throw new ConfigException(origin, field, expression.text(), "'" + expression.key() + "' takes = or != only");
        }
        return expression.operator();
    }

    private static TextPattern[] patterns(final String origin, final String field, final Expression expression)
    {
        final TextPattern[] patterns = new TextPattern[expression.values().size()];
        for (int i = 0; i < patterns.length; i++)
        {
            try
            {
                patterns[i] = TextPattern.compile(expression.values().get(i));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new ConfigException(origin, field, expression.text(), ex.getMessage());
            }
        }
        return patterns;
    }

    private static long[] numbers(final String origin, final String field, final Expression expression)
    {
        if (expression.operator() == null)
        {
            throw new ConfigException(origin, field, expression.text(), "'" + expression.key() + "' needs an operator and a value");
        }
        if (expression.operator() != Operator.EQ && expression.operator() != Operator.NE && expression.values().size() != 1)
        {
            throw new ConfigException(origin, field, expression.text(), "'" + expression.operator().symbol() + "' takes one value");
        }
        final long[] values = new long[expression.values().size()];
        for (int i = 0; i < values.length; i++)
        {
            final String value = expression.values().get(i);
            try
            {
                values[i] = value.equalsIgnoreCase("true") ? 1 : value.equalsIgnoreCase("false") ? 0 : Long.decode(value);
            }
            catch (final NumberFormatException ex)
            {
                throw new ConfigException(origin, field, expression.text(), "'" + value + "' is not an integer");
            }
        }
        return values;
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
