package io.sluice.cli.config;

import io.sluice.config.DestinationConfig;
import io.sluice.config.DestinationType;
import io.sluice.config.FormatKind;
import io.sluice.config.FormatSpec;
import io.sluice.config.JournalRoll;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns one {@link RawDestination} into a {@link DestinationConfig}: type (given, or inferred from a {@code url}),
 * format and path, with Tracee's defaults (type {@code file}, format {@code table} for files, path {@code stdout});
 * a file's {@code rotate.*}, a journal's directory and {@code roll}. Types other than {@code file} and
 * {@code journal} and formats other than {@code json} and {@code table} are recognised and refused as not available
 * yet.
 */
final class DestinationResolver
{
    /** The format of a file destination that names none, as Tracee's. */
    static final FormatSpec DEFAULT_FILE_FORMAT = FormatSpec.TABLE;
    /** The path of a file destination that names none. */
    static final String DEFAULT_PATH = "stdout";

    private DestinationResolver()
    {
    }

    /**
     * @param raw the destination as read.
     * @return the validated destination.
     * @throws io.sluice.config.ConfigException naming the offending field and value.
     */
    static DestinationConfig resolve(final RawDestination raw)
    {
        if (raw.type != null)
        {
            final DestinationType type = DestinationType.byKey(raw.type.value());
            if (type == null)
            {
                throw raw.type.error("unknown type (expected one of: file, webhook, forward, journal, kafka)");
            }
            if (type == DestinationType.JOURNAL)
            {
                return journal(raw);
            }
            if (type != DestinationType.FILE)
            {
                throw raw.type.error("not available yet (file and journal destinations for now)");
            }
        }
        else if (raw.url != null)
        {
            final DestinationType inferred = inferType(raw.url);
            throw raw.url.error("a " + inferred.key() + " destination (type inferred from the URL): not available yet"
                + " (file and journal destinations for now)");
        }
        if (raw.url != null)
        {
            throw raw.url.error("a file destination takes a path, not a url");
        }
        if (raw.roll != null)
        {
            throw raw.roll.error("roll is for journal destinations (a file rotates with rotate.*)");
        }
        final FormatSpec format = raw.format == null ? DEFAULT_FILE_FORMAT : format(raw.format);
        final String path = raw.path == null ? DEFAULT_PATH : raw.path.value();
        if (path.isEmpty())
        {
            throw raw.path.error("empty path (use stdout, stderr or a file path)");
        }
        return new DestinationConfig(raw.name, DestinationType.FILE, format, path, null, RotationResolver.resolve(raw, path), null);
    }

    private static DestinationConfig journal(final RawDestination raw)
    {
        if (raw.url != null)
        {
            throw raw.url.error("a journal destination takes a path (its directory), not a url");
        }
        if (raw.format != null && !raw.format.value().equals(FormatKind.SBE.key()))
        {
            throw raw.format.error("a journal stores the SBE records as they are: leave format out (or write sbe)");
        }
        if (raw.path == null)
        {
            throw raw.declaredAt.withField(raw.declaredAt.field() + ".path").error(null,
                "missing: a journal destination needs a path (the journal directory)");
        }
        final String path = raw.path.value();
        if (path.isEmpty() || path.equals("stdout") || path.equals("stderr"))
        {
            throw raw.path.error("a journal needs a directory path");
        }
        RotationResolver.refuseForJournal(raw);
        JournalRoll roll = JournalRoll.DEFAULT;
        if (raw.roll != null)
        {
            roll = JournalRoll.byKey(raw.roll.value());
            if (roll == null)
            {
                throw raw.roll.error("unknown roll (expected one of: " + JournalRoll.keys() + ")");
            }
        }
        return new DestinationConfig(raw.name, DestinationType.JOURNAL, FormatSpec.SBE, path, null, null, roll);
    }

    /**
     * Design §3: {@code tcp://} or {@code udp://}, or a {@code tag} query parameter, means forward; other http(s) means
     * webhook.
     *
     * @param url a destination URL with no type.
     * @return the type it implies.
     */
    static DestinationType inferType(final RawValue<String> url)
    {
        final URI uri;
        try
        {
            uri = new URI(url.value());
        }
        catch (final URISyntaxException ex)
        {
            throw url.error("not a valid URL (" + ex.getReason() + ")");
        }
        final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("tcp") || scheme.equals("udp") || hasTag(uri.getRawQuery()))
        {
            return DestinationType.FORWARD;
        }
        if (scheme.equals("http") || scheme.equals("https"))
        {
            return DestinationType.WEBHOOK;
        }
        throw url.error("cannot infer the destination type from this URL (tcp:// and udp:// mean forward,"
            + " http:// and https:// mean webhook); set type");
    }

    private static boolean hasTag(final String query)
    {
        if (query == null)
        {
            return false;
        }
        for (final String param : query.split("&"))
        {
            if (param.equals("tag") || param.startsWith("tag="))
            {
                return true;
            }
        }
        return false;
    }

    private static FormatSpec format(final RawValue<String> raw)
    {
        final String value = raw.value();
        if (value.equals("gotemplate") || value.equals("gotemplate="))
        {
            throw raw.error("needs a template file: gotemplate=FILE");
        }
        if (value.startsWith("gotemplate=") || value.equals("table-verbose"))
        {
            throw raw.error("not available yet (json and table for now)");
        }
        final FormatKind kind = FormatKind.byKey(value);
        if (kind == FormatKind.SBE)
        {
            throw raw.error("sbe is the format of journal destinations (type: journal), not of files");
        }
        if (kind == null)
        {
            throw raw.error("unknown format (expected json or table; gotemplate=FILE, compact and protobuf later)");
        }
        return switch (kind)
        {
            case JSON -> FormatSpec.JSON;
            case TABLE -> FormatSpec.TABLE;
            default -> throw raw.error("not available yet (json and table for now)");
        };
    }
}
