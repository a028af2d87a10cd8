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
 * name, never both. The URL is {@code tcp://HOST[:PORT]}, {@code tls://} (TLS on) or {@code http://} (plain TCP, as
 * Tracee's streams page writes a forward URL), with an optional {@code user:password@} for the handshake's user
 * authentication. Refused, one line each: {@code udp://} (Fluentd's forward input takes events over TCP only), other
 * schemes, a user without a password (as Tracee), and TLS or handshake settings without TLS or a handshake to apply to.
 */
public final class ForwardRules
{
    /** The most events one chunk may carry. */
    public static final int MAX_BATCH = 100_000;

    private static final int MAX_TAG = 255;
    private static final List<String> ORDER = List.of(ForwardSettings.TAG, ForwardSettings.REQUIRE_ACK,
        ForwardSettings.CONNECTION_TIMEOUT, ForwardSettings.ACK_TIMEOUT, ForwardSettings.BATCH, ForwardSettings.MODE,
        ForwardSettings.RECORD, ForwardSettings.SHARED_KEY, ForwardSettings.SELF_HOSTNAME, ForwardSettings.TLS,
        ForwardSettings.TLS_VERIFY, ForwardSettings.TLS_CA);

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
        final URI uri = UrlSettings.parse(url);
        final Map<String, String> query = query(url, uri);
        // as Tracee: an empty url parameter means the default
        final Map<String, String> values = UrlSettings.resolve(url, query, ORDER, keys, true, ForwardRules::defaultOf,
            ForwardRules::validated);
        ForwardSecurityRules.check(url, uri, values, key -> keys.apply(key) != null ? keys.apply(key)
            : query.containsKey(key) && !query.get(key).isEmpty() ? new UrlParameter(url, key, query.get(key)) : null);
        return values;
    }

    private static Map<String, String> query(final Setting<String> url, final URI uri)
    {
        final String scheme = UrlSettings.scheme(uri);
        if (scheme.equals("udp"))
        {
            throw url.error("udp:// is not available: Fluentd's forward input takes events over TCP only (use tcp://)");
        }
        if (!scheme.equals("tcp") && !scheme.equals("tls") && !scheme.equals("http"))
        {
            throw url.error("a forward destination sends to a tcp://HOST[:PORT] URL (or tls://, for TLS)");
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
            case ForwardSettings.BATCH -> Integer.toString(ForwardSettings.DEFAULT_BATCH);
            case ForwardSettings.MODE -> ForwardSettings.PACKED;
            case ForwardSettings.RECORD -> ForwardSettings.EVENT_RECORD;
            case ForwardSettings.TLS -> "false";
            case ForwardSettings.TLS_VERIFY -> "true";
            default -> "";
        };
    }

    private static String validated(final String key, final Setting<String> setting)
    {
        final String value = setting.value().trim();
        return switch (key)
        {
            case ForwardSettings.TAG -> tag(setting, value);
            case ForwardSettings.REQUIRE_ACK, ForwardSettings.TLS, ForwardSettings.TLS_VERIFY -> bool(setting, value);
            case ForwardSettings.CONNECTION_TIMEOUT, ForwardSettings.ACK_TIMEOUT -> positiveDuration(setting, value);
            case ForwardSettings.BATCH -> count(setting, value);
            case ForwardSettings.MODE -> oneOf(setting, value, ForwardSettings.PACKED, "forward");
            case ForwardSettings.RECORD -> oneOf(setting, value, ForwardSettings.EVENT_RECORD, "map");
            case ForwardSettings.TLS_CA -> ForwardSecurityRules.readableFile(setting, value);
            default -> setting.value();
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

    private static String oneOf(final Setting<String> setting, final String value, final String first, final String second)
    {
        if (!value.equals(first) && !value.equals(second))
        {
            throw setting.error("expected " + first + " or " + second);
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
