package io.sluice.destination.forward;

import io.sluice.config.GoDuration;
import io.sluice.config.Setting;
import io.sluice.destination.url.UrlParameter;
import io.sluice.destination.url.UrlSettings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rules of a forward destination's settings ({@link ForwardSettings#KEYS}): each is read from the URL's query, as
 * Tracee reads {@code tag}, {@code requireAck} and {@code connectionTimeout}, or from a destination key of the same
 * name, never both. The URL must be {@code tcp://HOST[:PORT]}. What Sluice does not build is refused, one line each:
 * {@code udp://} (Fluentd's forward input takes events over TCP only), user information (the shared-key handshake)
 * and the {@code record} parameter (the record is always Tracee's {@code {"event": "<json>"}}).
 */
public final class ForwardRules
{
    /** The most events one chunk may carry. */
    public static final int MAX_BATCH = 100_000;

    private static final int MAX_TAG = 255;
    private static final List<String> ORDER = List.of(ForwardSettings.TAG, ForwardSettings.REQUIRE_ACK,
        ForwardSettings.CONNECTION_TIMEOUT, ForwardSettings.ACK_TIMEOUT, ForwardSettings.BATCH);

    private ForwardRules()
    {
    }

    /**
     * @param url  the destination's {@code url}.
     * @param keys the destination's own keys by name ({@code DestinationSettings::option}); null when not given.
     * @return every setting's value, validated and normalised (as {@link ForwardSettings#of} reads them).
     * @throws io.sluice.config.ConfigException naming the offending setting.
     */
    public static Map<String, String> resolve(final Setting<String> url, final Function<String, Setting<String>> keys)
    {
        final Map<String, String> query = query(url);
        if (query.containsKey("record"))
        {
            throw new UrlParameter(url, "record", query.get("record")).error(
                "not available: the record is always {\"event\": \"<json>\"}, as Tracee sends it");
        }
        // as Tracee: an empty url parameter means the default
        return UrlSettings.resolve(url, query, ORDER, keys, true, ForwardRules::defaultOf, ForwardRules::validated);
    }

    private static Map<String, String> query(final Setting<String> url)
    {
        final URI uri = UrlSettings.parse(url);
        final String scheme = UrlSettings.scheme(uri);
        if (scheme.equals("udp"))
        {
            throw url.error("udp:// is not available: Fluentd's forward input takes events over TCP only (use tcp://)");
        }
        if (!scheme.equals("tcp"))
        {
            throw url.error("a forward destination sends to a tcp://HOST[:PORT] URL");
        }
        if (uri.getRawUserInfo() != null)
        {
            throw url.error("user:password in the URL (the shared-key handshake) is not available yet");
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null)
        {
            throw url.error("no host in the URL (expected tcp://HOST[:PORT])");
        }
        if (uri.getPort() > UrlSettings.MAX_PORT || uri.getPort() == 0)
        {
            throw url.error("port " + uri.getPort() + " is out of range (1 to " + UrlSettings.MAX_PORT + ")");
        }
        return UrlSettings.query(url, uri);
    }

    private static String defaultOf(final String key)
    {
        return switch (key)
        {
            case ForwardSettings.TAG -> ForwardSettings.DEFAULT_TAG;
            case ForwardSettings.REQUIRE_ACK -> ForwardSettings.DEFAULT_REQUIRE_ACK;
            case ForwardSettings.CONNECTION_TIMEOUT -> ForwardSettings.DEFAULT_CONNECTION_TIMEOUT;
            case ForwardSettings.ACK_TIMEOUT -> ForwardSettings.DEFAULT_ACK_TIMEOUT;
            default -> Integer.toString(ForwardSettings.DEFAULT_BATCH);
        };
    }

    private static String validated(final String key, final Setting<String> setting)
    {
        final String value = setting.value().trim();
        return switch (key)
        {
            case ForwardSettings.TAG -> tag(setting, value);
            case ForwardSettings.REQUIRE_ACK -> bool(setting, value);
            case ForwardSettings.CONNECTION_TIMEOUT, ForwardSettings.ACK_TIMEOUT -> positiveDuration(setting, value);
            default -> count(setting, value);
        };
    }

    private static String tag(final Setting<String> setting, final String value)
    {
        if (value.isEmpty() || value.getBytes(StandardCharsets.UTF_8).length > MAX_TAG)
        {
            throw setting.error("expected a tag of 1 to " + MAX_TAG + " bytes");
        }
        return value;
    }

    /** As Go's {@code strconv.ParseBool}, which Tracee uses. */
    private static String bool(final Setting<String> setting, final String value)
    {
        return switch (value)
        {
            case "1", "t", "T", "true", "TRUE", "True" -> "true";
            case "0", "f", "F", "false", "FALSE", "False" -> "false";
            default -> throw setting.error("expected true or false");
        };
    }

    private static String positiveDuration(final Setting<String> setting, final String value)
    {
        final Duration duration;
        try
        {
            duration = GoDuration.parse(value);
        }
        catch (final IllegalArgumentException ex)
        {
            throw setting.error("expected a duration such as 500ms, 5s or 1m");
        }
        if (duration.isZero() || duration.isNegative())
        {
            throw setting.error("must be more than 0");
        }
        return value;
    }

    private static String count(final Setting<String> setting, final String value)
    {
        final long parsed;
        try
        {
            parsed = Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            throw setting.error("expected a whole number from 1 to " + MAX_BATCH);
        }
        if (parsed < 1 || parsed > MAX_BATCH)
        {
            throw setting.error("must be from 1 to " + MAX_BATCH);
        }
        return value;
    }
}
