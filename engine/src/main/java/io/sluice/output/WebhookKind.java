package io.sluice.output;

import io.sluice.config.DestinationConfig;
import io.sluice.config.DestinationSettings;
import io.sluice.config.FormatSpec;
import io.sluice.config.RetryPolicy;
import io.sluice.config.Setting;
import io.sluice.destination.Destination;
import io.sluice.destination.http.WebhookDestination;
import io.sluice.destination.http.WebhookRules;
import io.sluice.destination.http.WebhookSettings;
import io.sluice.format.Formats;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code webhook} entry of {@link DestinationKinds}: events POSTed to an {@code http://} or {@code https://}
 * {@code url} (required; a url with no {@code type} and no {@code tag} parameter means webhook), format {@code json}
 * unless given (any format of the registry a webhook may use; Tracee's {@code ?gotemplate=FILE} parameter sets it too),
 * and its own settings ({@link WebhookSettings#KEYS}), each a URL query parameter or a key. Nothing is checked before
 * the run but the configuration: a peer that is down is a failed request, retried.
 */
final class WebhookKind implements DestinationKind
{
    /** The type key. */
    static final String KEY = "webhook";

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
        return WebhookSettings.KEYS;
    }

    @Override
    public DestinationConfig resolve(final DestinationSettings raw)
    {
        if (raw.path() != null)
        {
            throw raw.path().error("a webhook destination takes a url, not a path");
        }
        if (raw.roll() != null)
        {
            throw raw.roll().error("roll is for journal destinations");
        }
        final Setting<?> rotate = RotationRules.firstKey(raw);
        if (rotate != null)
        {
            throw rotate.error("rotate is for file destinations");
        }
        if (raw.url() == null)
        {
            throw raw.missing("url", "missing: a webhook destination needs a url (http:// or https://)");
        }
        final Map<String, String> options = WebhookRules.resolve(raw.url(), raw::option);
        final Setting<String> template = WebhookRules.gotemplate(raw.url());
        if (template != null && raw.format() != null)
        {
            throw raw.format().error("the url's gotemplate parameter gives the format too; keep one");
        }
        final Setting<String> format = template != null ? template : raw.format();
        final FormatSpec spec = format == null ? FormatSpec.JSON : Formats.resolve(format, KEY);
        return new DestinationConfig(raw.name(), KEY, spec, null, raw.url().value(), null, null, RetryPolicy.DEFAULTS,
            options);
    }

    @Override
    public void preflight(final DestinationConfig config)
    {
        // an unreachable host is not refused: the run retries it as any failed request
    }

    @Override
    public Destination create(final DestinationConfig config, final DestinationContext context)
    {
        return new WebhookDestination(config.name(), context.stream(), WebhookSettings.of(config.url(), config.options()),
            context.problems(), Formats.byKey(config.format().key()).recordSeparator());
    }
}
