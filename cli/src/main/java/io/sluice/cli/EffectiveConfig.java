package io.sluice.cli;

import io.sluice.config.DestinationConfig;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.config.RetryPolicy;
import io.sluice.config.RotationConfig;
import io.sluice.config.StreamConfig;
import io.sluice.config.StreamExportConfig;
import io.sluice.config.UrlSecrets;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyDocument;
import io.sluice.policy.PolicySet;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code sluice validate} prints of a valid configuration: the output options, the policies (scope and rules as
 * written), the global export, redaction and field filters, and each stream (filters, buffer, its own filters) with its
 * destinations (type, format, path or url, the type's own keys, rotation, retry). Secrets are masked
 * ({@link UrlSecrets}), so the text can be pasted into an issue.
 */
final class EffectiveConfig
{
    private final PrintWriter out;

    EffectiveConfig(final PrintWriter out)
    {
        this.out = out;
    }

    void options(final OutputOptions options)
    {
        out.printf("options: sort-events %s, parse-arguments %s, exec-env %s, stack-addresses %s%n", onOff(options.sortEvents()),
            onOff(options.parseArguments()), onOff(options.execEnv()), onOff(options.stackAddresses()));
    }

    void policies(final PolicySet policies, final List<PolicyDocument> documents)
    {
        if (policies == null)
        {
            out.println("policies: none");
            return;
        }
        for (int i = 0; i < policies.policies().size(); i++)
        {
            final Policy policy = policies.policies().get(i);
            out.printf("policy %s (%s): %d events%s%n", policy.name(), policy.origin(), policy.eventIds().length,
                policy.follow() ? ", follow" : "");
            final PolicyDocument document = documents.get(i);
            out.println("  scope " + (document.scope().isEmpty() ? "global" : String.join(", ", document.scope())));
            for (final PolicyDocument.Rule rule : document.rules())
            {
                out.println("  rule " + rule.event() + (rule.filters().isEmpty() ? "" : ": " + String.join(", ", rule.filters())));
            }
        }
    }

    void globalFilters(final List<String> given, final List<String> values)
    {
        for (final String filters : given)
        {
            out.println("global filters " + filters);
        }
        for (final String value : values)
        {
            out.println("  " + value);
        }
    }

    void streams(final OutputConfig output)
    {
        for (final StreamConfig stream : output.streams())
        {
            out.printf("stream %s%s: %s, buffer %d, events %s, policies %s%n", stream.name(),
                stream.implicit() ? " (implicit)" : "", stream.mode().key(), stream.bufferSize(),
                stream.events().isEmpty() ? "all" : String.join(",", stream.events()),
                stream.policies().isEmpty() ? "all" : String.join(",", stream.policies()));
            exports(stream.exports());
            for (final String name : stream.destinations())
            {
                final DestinationConfig destination = output.destination(name);
                out.printf("  destination %s: %s %s -> %s%s%n", name, destination.type(), destination.format(),
                    destination.path() != null ? destination.path() : UrlSecrets.masked(destination.url()),
                    options(destination) + extras(destination) + retry(destination));
            }
        }
    }

    private void exports(final StreamExportConfig exports)
    {
        exports.allow().forEach(filter -> out.println("  filters.allow " + filter));
        exports.deny().forEach(filter -> out.println("  filters.deny " + filter));
        exports.redact().forEach(filter -> out.println("  filters.redact " + filter));
        exports.fields().forEach(filter -> out.println("  filters.fields " + filter));
    }

    private static String options(final DestinationConfig destination)
    {
        final StringBuilder text = new StringBuilder();
        for (final Map.Entry<String, String> option : new TreeMap<>(destination.options()).entrySet())
        {
            text.append(", ").append(option.getKey()).append('=').append(UrlSecrets.maskedOption(option.getKey(), option.getValue()));
        }
        return text.toString();
    }

    private static String retry(final DestinationConfig destination)
    {
        final RetryPolicy retry = destination.retry();
        return retry.equals(RetryPolicy.DEFAULTS) ? "" : ", retry every " + retry.backoff().toMillis() +
            "ms up to " + retry.maxBackoff().toMillis() + "ms";
    }

    private static String extras(final DestinationConfig destination)
    {
        if (destination.roll() != null)
        {
            return ", roll " + destination.roll().key();
        }
        final RotationConfig rotation = destination.rotation();
        if (rotation == null)
        {
            return "";
        }
        return ", rotate at " + rotation.maxSizeBytes() / RotationConfig.MEGABYTE + " MB, keep " +
            (rotation.maxBackups() == 0 ? "all" : Integer.toString(rotation.maxBackups())) + " backups" +
            (rotation.compress() ? ", gzip" : "") + (rotation.interval().isZero() ? "" :
            ", every " + rotation.interval().toString().substring(2).toLowerCase(Locale.ROOT));
    }

    private static String onOff(final boolean on)
    {
        return on ? "on" : "off";
    }
}
