package io.sluice.output;

import io.sluice.config.DestinationConfig;
import io.sluice.config.DestinationSettings;
import io.sluice.config.FormatSpec;
import io.sluice.config.RetryPolicy;
import io.sluice.config.Setting;
import io.sluice.destination.Destination;
import io.sluice.destination.forward.ForwardDestination;
import io.sluice.destination.forward.ForwardRules;
import io.sluice.destination.forward.ForwardSettings;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code forward} entry of {@link DestinationKinds}: events sent to a Fluentd Forward peer at a {@code tcp://},
 * {@code tls://} or {@code http://} {@code url} (required; a {@code tcp://}, {@code tls://} or {@code udp://} url, or one
 * with a {@code tag} parameter, means forward), each record Tracee's {@code {"event": "<json>"}} or the event's JSON as
 * a map, so the format is {@code json} (the only one it takes), with its own settings ({@link ForwardSettings#KEYS}),
 * each a URL query parameter or a key. A peer that is down is not refused before the run: the run retries it.
 */
final class ForwardKind implements DestinationKind
{
    /** The type key. */
    static final String KEY = "forward";

    @Override
    public String key()
    {
        return KEY;
    }

    @Override
    public List<String> commonKeys()
    {
        return List.of("url", "format", "retry");
    }

    @Override
    public Set<String> optionKeys()
    {
        return ForwardSettings.KEYS;
    }

    @Override
    public DestinationConfig resolve(final DestinationSettings raw)
    {
        final Setting<?> misplaced = misplaced(raw);
        if (misplaced != null)
        {
            throw misplaced.error("not a key of forward destinations (they take a url)");
        }
        if (raw.url() == null)
        {
            throw raw.missing("url", "missing: a forward destination needs a url (tcp://HOST:PORT)");
        }
        if (raw.format() != null && !raw.format().value().trim().equals(FormatSpec.JSON.key()))
        {
            throw raw.format().error("a forward destination sends each event as JSON in {\"event\": \"<json>\"}"
                + " or as the map its JSON says (format json only)");
        }
        final Map<String, String> options = ForwardRules.resolve(raw.url(), raw::option);
        return new DestinationConfig(raw.name(), KEY, FormatSpec.JSON, null, raw.url().value(), null, null,
            RetryPolicy.DEFAULTS, options);
    }

    @Override
    public void preflight(final DestinationConfig config)
    {
        // an unreachable peer is not refused: the run retries it
    }

    @Override
    public Destination create(final DestinationConfig config, final DestinationContext context)
    {
        return new ForwardDestination(config.name(), ForwardSettings.of(config.url(), config.options()));
    }

    private static Setting<?> misplaced(final DestinationSettings raw)
    {
        if (raw.path() != null)
        {
            return raw.path();
        }
        return raw.roll() != null ? raw.roll() : RotationRules.firstKey(raw);
    }
}
