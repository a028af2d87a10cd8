package io.sluice.output;

import io.sluice.config.DestinationConfig;
import io.sluice.config.DestinationSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The one table of destination types: each {@link DestinationKind} by its {@code type} key. Configuration resolves a
 * destination here ({@link #resolve}: its type, given or inferred from a {@code url}, a refusal of any key of its own
 * that the type does not declare ({@link DestinationKind#optionKeys}), then that type's rules, then
 * {@code retry.*}, valid for every type), {@code validate} and the engine check it here ({@link #preflight}) and the engine
 * builds it here ({@link #create}). A new type is one class and one line in {@link #ALL}.
 */
public final class DestinationKinds
{
    /** Every type, in the order messages list them; the first is the default. */
    private static final List<DestinationKind> ALL = List.of(
        new FileKind(),
        new WebhookKind(),
        new ForwardKind(),
        new JournalKind(),
        new KafkaKind());

    private DestinationKinds()
    {
    }

    /**
     * @return every type, in the order messages list them ({@code sluice list destinations}).
     */
    public static List<DestinationKind> all()
    {
        return ALL;
    }

    /**
     * @param key a type key ({@code file}).
     * @return its entry, or null when no type has that key.
     */
    public static DestinationKind byKey(final String key)
    {
        for (final DestinationKind kind : ALL)
        {
            if (kind.key().equals(key))
            {
                return kind;
            }
        }
        return null;
    }

    /**
     * @param config a resolved destination.
     * @return its type's entry.
     */
    public static DestinationKind of(final DestinationConfig config)
    {
        final DestinationKind kind = byKey(config.type());
        if (kind == null)
        {
            throw new IllegalArgumentException("destination " + config.name() + ": no type " + config.type());
        }
        return kind;
    }

    /**
     * @param raw a destination as read.
     * @return the validated destination.
     * @throws io.sluice.config.ConfigException naming the offending key and value.
     */
    public static DestinationConfig resolve(final DestinationSettings raw)
    {
        final DestinationKind kind = kindOf(raw);
        if (kind.available())
        {
            // a type not available yet refuses itself in resolve, which says more than refusing one of its keys
            checkOptionKeys(kind, raw);
        }
        final DestinationConfig config = kind.resolve(raw);
        return config.withRetry(RetryRules.resolve(raw));
    }

    /**
     * @param kind the destination's type.
     * @param key  a key the front ends do not know ({@code acks}, {@code kafka.security.protocol}).
     * @return true when the type declares it, itself or under a prefix wildcard ({@code kafka.*}).
     */
    static boolean accepts(final DestinationKind kind, final String key)
    {
        for (final String declared : kind.optionKeys())
        {
            if (declared.endsWith(".*") ? key.startsWith(declared.substring(0, declared.length() - 1)) : declared.equals(key))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param kind the destination's type.
     * @param raw  the destination as read.
     * @throws io.sluice.config.ConfigException for the first key of its own that the type does not declare.
     */
    static void checkOptionKeys(final DestinationKind kind, final DestinationSettings raw)
    {
        for (final String key : raw.optionKeys())
        {
            if (!accepts(kind, key))
            {
                final List<String> takes = new ArrayList<>(kind.commonKeys());
                takes.addAll(new TreeSet<>(kind.optionKeys()));
                final String listed = takes.isEmpty() ? " takes no keys" : " takes: " + String.join(", ", takes);
                throw raw.option(key).error("not a key of " + kind.key() + " destinations (" + kind.key() + listed + ")");
            }
        }
    }

    private static DestinationKind kindOf(final DestinationSettings raw)
    {
        if (raw.type() != null)
        {
            final DestinationKind kind = byKey(raw.type().value());
            if (kind == null)
            {
                final List<String> keys = new ArrayList<>();
                ALL.forEach(each -> keys.add(each.key()));
                throw raw.type().error("unknown type (expected one of: " + String.join(", ", keys) + ")");
            }
            return kind;
        }
        if (raw.url() != null)
        {
            return byKey(UrlTypes.infer(raw.url()));
        }
        return ALL.get(0);
    }
}
