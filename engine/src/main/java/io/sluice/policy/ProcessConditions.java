package io.sluice.policy;

import io.sluice.config.ConfigException;

import static io.sluice.policy.FilterValues.negated;
import static io.sluice.policy.FilterValues.numbers;
import static io.sluice.policy.FilterValues.patterns;

/**
 * Compiles a scope expression ({@code comm=bash}, {@code exec=/usr/bin/*}, {@code pid=new}) or a rule's process
 * filter ({@code processName=ls}, {@code hostPid>1}, {@code podNamespace=prod}) into its {@link Condition}, with the
 * keys and aliases current Tracee accepts in each place ({@code pkg/cmd/flags/policy.go} for scopes,
 * {@code pkg/filters/scope.go} for rule filters), and Sluice's own ({@code uts}, {@code tree} in rules).
 */
final class ProcessConditions
{
    private static final String SCOPE_KEYS = "global, follow, comm, exec, executable, bin, binary, pid, uid, tree, container, "
        + "not-container, containerId, mntns, pidns, uts";
    private static final String RULE_KEYS = "data.<arg>, retval, comm, processName, pid, p, processId, tid, threadId, ppid, "
        + "parentProcessId, hostPid, hostTid, hostThreadId, hostParentProcessId, uid, userId, mntns, mountNamespace, pidns, "
        + "pidNamespace, hostName, cgroupId, timestamp, host, container, containerId, containerImage, containerName, podName, "
        + "podNamespace, podUid, syscall, executable, tree, uts";

    private final long sinceNanos;

    /**
     * @param sinceNanos when Sluice started (nanoseconds since the epoch), for {@code pid=new}.
     */
    ProcessConditions(final long sinceNanos)
    {
        this.sinceNanos = sinceNanos;
    }

    /** A scope expression (not {@code global} or {@code follow}, which the compiler takes itself). */
    Condition scope(final String origin, final String field, final Expression expression)
    {
        final String key = expression.key();
        final Operator operator = expression.operator();
        switch (key)
        {
            case "pid":
                if (expression.values().equals(java.util.List.of("new")))
                {
                    return new NewPidCondition(sinceNanos, negated(origin, field, expression));
                }
                return new NumberCondition(NumberCondition.Field.PID, operator, numbers(origin, field, expression));
            case "mntns":
            case "pidns":
                FilterValues.noOrdering(origin, field, expression);
                return common(origin, field, expression);
            case "container":
                if (operator == null)
                {
                    return new ContainerCondition(true);
                }
                if (expression.values().contains("new") || expression.values().contains("started"))
                {
                    return containerState(origin, field, expression);
                }
                return new TextCondition(TextCondition.Field.CONTAINER_ID, negated(origin, field, expression),
                    patterns(origin, field, expression));
            default:
                final Condition condition = common(origin, field, expression);
                if (condition == null)
                {
                    throw new ConfigException(origin, field, expression.text(), "unknown scope key '" + key + "' (expected "
                        + SCOPE_KEYS + ")");
                }
                return condition;
        }
    }

    /** A rule filter that is not {@code data.}, {@code args.} or {@code retval}. */
    Condition rule(final String origin, final String field, final Expression expression)
    {
        final Condition condition = ruleOnly(origin, field, expression);
        if (condition != null)
        {
            return condition;
        }
        final Condition common = common(origin, field, expression);
        if (common == null)
        {
            throw new ConfigException(origin, field, expression.text(), "unknown filter key '" + expression.key()
                + "' (expected " + RULE_KEYS + ")");
        }
        return common;
    }

    private Condition ruleOnly(final String origin, final String field, final Expression expression)
    {
        final String key = expression.key();
        switch (key)
        {
            case "pid", "p", "processId":
                return number(NumberCondition.Field.NS_PID, origin, field, expression);
            case "tid", "threadId":
                return number(NumberCondition.Field.NS_TID, origin, field, expression);
            case "ppid", "parentProcessId":
                return number(NumberCondition.Field.PPID, origin, field, expression);
            case "hostPid":
                return number(NumberCondition.Field.PID, origin, field, expression);
            case "hostTid", "hostThreadId":
                return number(NumberCondition.Field.HOST_TID, origin, field, expression);
            case "hostParentProcessId":
                return number(NumberCondition.Field.HOST_PPID, origin, field, expression);
            case "cgroupId":
                return number(NumberCondition.Field.CGROUP_ID, origin, field, expression);
            case "timestamp":
                return number(NumberCondition.Field.TIMESTAMP, origin, field, expression);
            case "processName":
                return text(TextCondition.Field.COMM, origin, field, expression);
            case "hostName":
                return text(TextCondition.Field.UTS, origin, field, expression);
            case "containerImage":
                return text(TextCondition.Field.CONTAINER_IMAGE, origin, field, expression);
            case "containerName":
                return text(TextCondition.Field.CONTAINER_NAME, origin, field, expression);
            case "podName":
                return text(TextCondition.Field.POD_NAME, origin, field, expression);
            case "podNamespace":
                return text(TextCondition.Field.POD_NAMESPACE, origin, field, expression);
            case "podUid":
                return text(TextCondition.Field.POD_UID, origin, field, expression);
            case "syscall":
                return text(TextCondition.Field.SYSCALL, origin, field, expression);
            case "host":
                bare(origin, field, expression, "host takes no value (it means: not in a container)");
                return new ContainerCondition(false);
            case "container":
                if (expression.operator() == null)
                {
                    return new ContainerCondition(true);
                }
                if (expression.operator() == Operator.EQ && expression.values().equals(java.util.List.of("started")))
                {
                    return ContainerCondition.started();
                }
                throw new ConfigException(origin, field, expression.text(), "a rule filter takes container or container=started "
                    + "only, as in Tracee (for one container: containerId=<id>)");
            case "processorId", "podSandbox", "containerImageDigest":
                throw new ConfigException(origin, field, expression.text(), unavailable(key));
            default:
                return null;
        }
    }

    private static String unavailable(final String key)
    {
        return switch (key)
        {
            case "processorId" -> "Sluice's events do not carry the cpu an event happened on";
            case "podSandbox" -> "Sluice's events do not say whether a container is a pod's sandbox";
            default -> "Tracee accepts containerImageDigest but never applies it; use containerImage";
        };
    }

    /** Keys of both places. */
    private Condition common(final String origin, final String field, final Expression expression)
    {
        switch (expression.key())
        {
            case "comm":
                return text(TextCondition.Field.COMM, origin, field, expression);
            case "exec", "executable", "bin", "binary", "exe":
                return text(TextCondition.Field.EXECUTABLE, origin, field, expression);
            case "containerId":
                return text(TextCondition.Field.CONTAINER_ID, origin, field, expression);
            case "uts":
                return text(TextCondition.Field.UTS, origin, field, expression);
            case "uid", "userId":
                return number(NumberCondition.Field.UID, origin, field, expression);
            case "mntns", "mountNamespace":
                return number(NumberCondition.Field.MNTNS, origin, field, expression);
            case "pidns", "pidNamespace":
                return number(NumberCondition.Field.PIDNS, origin, field, expression);
            case "tree":
                return tree(origin, field, expression);
            case "not-container":
                bare(origin, field, expression, "not-container takes no value");
                return new ContainerCondition(false);
            default:
                return null;
        }
    }

    private static Condition containerState(final String origin, final String field, final Expression expression)
    {
        if (expression.values().size() > 1)
        {
            throw new ConfigException(origin, field, expression.text(), "container=" + expression.values().get(0)
                + " takes no other value");
        }
        if (expression.values().get(0).equals("started"))
        {
            if (expression.operator() != Operator.EQ)
            {
                throw new ConfigException(origin, field, expression.text(), "started takes = only, as in Tracee");
            }
            return ContainerCondition.started();
        }
        return ContainerCondition.newContainer(negated(origin, field, expression));
    }

    private static Condition tree(final String origin, final String field, final Expression expression)
    {
        final boolean negated = negated(origin, field, expression);
        final long[] values = numbers(origin, field, expression);
        final int[] roots = new int[values.length];
        for (int i = 0; i < roots.length; i++)
        {
            roots[i] = (int)values[i];
        }
        return new TreeCondition(roots, negated);
    }

    private static void bare(final String origin, final String field, final Expression expression, final String message)
    {
        if (expression.operator() != null)
        {
            throw new ConfigException(origin, field, expression.text(), message);
        }
    }

    private static Condition number(final NumberCondition.Field key, final String origin, final String field,
        final Expression expression)
    {
        return new NumberCondition(key, expression.operator(), numbers(origin, field, expression));
    }

    private static Condition text(final TextCondition.Field key, final String origin, final String field, final Expression expression)
    {
        return new TextCondition(key, negated(origin, field, expression), patterns(origin, field, expression));
    }
}
