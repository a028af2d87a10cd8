package io.sluice.policy;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.config.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rule's {@code event} as current Tracee reads it ({@code pkg/cmd/flags/policy.go}): an event name, a prefix
 * wildcard {@code sched_process_*} (and, in Sluice, a suffix one {@code *_exit}), {@code tag=fs,network} (every
 * event of those sets), or a threat pattern over the detectors' metadata: {@code threat.severity>=high},
 * {@code threat.name=...}, {@code threat.mitre.technique=T1055}, {@code threat.mitre.tactic=Defense Evasion}.
 * A pattern that names nothing is refused, as Tracee refuses it.
 */
final class EventPattern
{
    private static final List<String> SEVERITIES = List.of("info", "low", "medium", "high", "critical");

    private EventPattern()
    {
    }

    static List<EventDefinition> resolve(final EventCatalog catalog, final List<ThreatMetadata> threats, final String origin,
        final String field, final String text)
    {
        if (text == null)
        {
            throw new ConfigException(origin, field, null, "a rule needs an event");
        }
        final String event = text.replace(" ", "");
        final List<EventDefinition> found;
        final String why;
        if (event.startsWith("threat."))
        {
            found = threat(catalog, threats, origin, field, text);
            why = "no detector matches the threat pattern";
        }
        else if (event.startsWith("tag="))
        {
            found = tags(catalog, event.substring(4));
            why = "unknown tag (an event set; see 'sluice list')";
        }
        else if (event.length() > 1 && (event.endsWith("*") || event.startsWith("*")))
        {
            found = wildcard(catalog, event);
            why = "no event matches the wildcard";
        }
        else
        {
            final EventDefinition definition = catalog.byName(event);
            found = definition == null ? List.of() : List.of(definition);
            why = "unknown event (see 'sluice list')";
        }
        if (found.isEmpty())
        {
            throw new ConfigException(origin, field, text, why);
        }
        return found;
    }

    private static List<EventDefinition> tags(final EventCatalog catalog, final String values)
    {
        final List<EventDefinition> found = new ArrayList<>();
        for (final String tag : values.split(","))
        {
            for (final EventDefinition event : catalog.events())
            {
                if (!tag.isEmpty() && event.sets().contains(tag) && !found.contains(event))
                {
                    found.add(event);
                }
            }
        }
        return found;
    }

    private static List<EventDefinition> wildcard(final EventCatalog catalog, final String event)
    {
        final boolean prefix = event.endsWith("*");
        final String core = prefix ? event.substring(0, event.length() - 1) : event.substring(1);
        final List<EventDefinition> found = new ArrayList<>();
        for (final EventDefinition candidate : catalog.events())
        {
            if (prefix ? candidate.name().startsWith(core) : candidate.name().endsWith(core))
            {
                found.add(candidate);
            }
        }
        return found;
    }

    private static List<EventDefinition> threat(final EventCatalog catalog, final List<ThreatMetadata> threats,
        final String origin, final String field, final String text)
    {
        final Expression expression;
        try
        {
            expression = Expression.parse(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(origin, field, text, "threat pattern requires operator and value: " + ex.getMessage());
        }
        if (expression.operator() == null)
        {
            throw new ConfigException(origin, field, text, "threat pattern requires operator and value");
        }
        final String property = expression.key().substring("threat.".length());
        final String value = String.join(",", expression.values());
        final List<EventDefinition> found = new ArrayList<>();
        for (final ThreatMetadata threat : threats)
        {
            if (matches(threat, property, expression.operator(), value, origin, field, text))
            {
                final EventDefinition event = catalog.byName(threat.eventName());
                if (event != null && !found.contains(event))
                {
                    found.add(event);
                }
            }
        }
        return found;
    }

    private static boolean matches(final ThreatMetadata threat, final String property, final Operator operator,
        final String value, final String origin, final String field, final String text)
    {
        switch (property)
        {
            case "severity":
                return operator.test(threat.severity(), new long[] {severity(value, origin, field, text)});
            case "name":
                return text(threat.name(), operator, value, origin, field, text);
            case "mitre.technique":
                return threat.technique() != null && text(threat.technique(), operator, value, origin, field, text);
            case "mitre.tactic":
                return threat.tactic() != null && text(threat.tactic(), operator, value.replace("\"", ""), origin, field, text);
            default:
                throw new ConfigException(origin, field, text, "unsupported threat property '" + property
                    + "' (supported: severity, name, mitre.technique, mitre.tactic)");
        }
    }

    private static int severity(final String value, final String origin, final String field, final String text)
    {
        final String lower = value.toLowerCase(Locale.ROOT);
        final int index = SEVERITIES.indexOf(lower);
        if (index >= 0)
        {
            return index;
        }
        if (lower.length() == 1 && lower.charAt(0) >= '0' && lower.charAt(0) <= '4')
        {
            return lower.charAt(0) - '0';
        }
        throw new ConfigException(origin, field, text, "invalid severity value: " + value
            + " (must be info/low/medium/high/critical or 0-4)");
    }

    private static boolean text(final String actual, final Operator operator, final String value, final String origin,
        final String field, final String text)
    {
        if (operator != Operator.EQ && operator != Operator.NE)
        {
            throw new ConfigException(origin, field, text, "threat names and MITRE ids take = or != only");
        }
        return actual.equals(value) == (operator == Operator.EQ);
    }
}
