package io.sluice.destination.http;

import io.sluice.config.GoDuration;
import io.sluice.config.Setting;
import io.sluice.destination.url.UrlParameter;
import io.sluice.destination.url.UrlSettings;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rules of a webhook's settings ({@link WebhookSettings#KEYS}): each is read from the URL's query, as Tracee reads
 * {@code timeout} and {@code contentType}, or from a destination key of the same name, never both; each defaults as
 * {@link WebhookSettings} says. The URL must be {@code http://} or {@code https://} with a host. A refusal names the
 * setting's origin, field and value.
 */
public final class WebhookRules
{
    /** The most events one request may carry. */
    public static final int MAX_BATCH = 10_000;
    /** The most requests in flight. */
    public static final int MAX_INFLIGHT = 256;
    /** The longest linger: at exit a lingering batch leaves when its linger has passed, well within the drain timeout. */
    public static final Duration MAX_LINGER = Duration.ofSeconds(1);
    /** The parameter Tracee's {@code --output webhook:URL} reads the format from. */
    public static final String GOTEMPLATE = "gotemplate";

    private static final List<String> ORDER = List.of(WebhookSettings.TIMEOUT, WebhookSettings.CONTENT_TYPE,
        WebhookSettings.BATCH, WebhookSettings.LINGER, WebhookSettings.INFLIGHT);

    private WebhookRules()
    {
    }

    /**
     * @param url  the destination's {@code url}.
     * @param keys the destination's own keys by name ({@code DestinationSettings::option}); null when not given.
     * @return every setting's value, validated (as {@link WebhookSettings#of} reads them).
     * @throws io.sluice.config.ConfigException naming the offending setting.
     */
    public static Map<String, String> resolve(final Setting<String> url, final Function<String, Setting<String>> keys)
    {
        return UrlSettings.resolve(url, query(url), ORDER, keys, false, WebhookRules::defaultOf, WebhookRules::validated);
    }

    /**
     * @param url the destination's {@code url}.
     * @return its {@code gotemplate} parameter as a {@code format} setting ({@code gotemplate=FILE}), or null.
     */
    public static Setting<String> gotemplate(final Setting<String> url)
    {
        final String file = query(url).get(GOTEMPLATE);
        return file == null ? null : new UrlParameter(url, GOTEMPLATE, GOTEMPLATE + "=" + file);
    }

    /**
     * @param url a webhook's {@code url}.
     * @return its query parameters.
     * @throws io.sluice.config.ConfigException when it is no http(s) URL with a host.
     */
    private static Map<String, String> query(final Setting<String> url)
    {
        final URI uri = UrlSettings.parse(url);
        final String scheme = UrlSettings.scheme(uri);
        if (!scheme.equals("http") && !scheme.equals("https"))
        {
            throw url.error("a webhook posts to an http:// or https:// URL");
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null)
        {
            throw url.error("no host in the URL (expected " + scheme + "://HOST[:PORT][/PATH])");
        }
        if (uri.getPort() > UrlSettings.MAX_PORT)
        {
            throw url.error("port " + uri.getPort() + " is out of range (1 to " + UrlSettings.MAX_PORT + ")");
        }
        return UrlSettings.query(url, uri);
    }

    private static String defaultOf(final String key)
    {
        return switch (key)
        {
            case WebhookSettings.TIMEOUT -> WebhookSettings.DEFAULT_TIMEOUT;
            case WebhookSettings.CONTENT_TYPE -> WebhookSettings.DEFAULT_CONTENT_TYPE;
            case WebhookSettings.BATCH -> Integer.toString(WebhookSettings.DEFAULT_BATCH);
            case WebhookSettings.LINGER -> WebhookSettings.DEFAULT_LINGER;
            default -> Integer.toString(WebhookSettings.DEFAULT_INFLIGHT);
        };
    }

    private static String validated(final String key, final Setting<String> setting)
    {
        final String value = setting.value().trim();
        switch (key)
        {
            case WebhookSettings.TIMEOUT -> duration(setting, "(0 = no limit)");
            case WebhookSettings.CONTENT_TYPE -> contentType(setting);
            case WebhookSettings.BATCH -> count(setting, MAX_BATCH);
            case WebhookSettings.LINGER ->
            {
                if (duration(setting, "(0 = send a partly filled batch at once)").compareTo(MAX_LINGER) > 0)
                {
                    throw setting.error("at most 1s");
                }
            }
            default -> count(setting, MAX_INFLIGHT);
        }
        return value;
    }

    private static Duration duration(final Setting<String> setting, final String zero)
    {
        try
        {
            return GoDuration.parse(setting.value());
        }
        catch (final IllegalArgumentException ex)
        {
            throw setting.error("expected a duration such as 500ms, 5s or 1m " + zero);
        }
    }

    private static void count(final Setting<String> setting, final int max)
    {
        final long value;
        try
        {
            value = Long.parseLong(setting.value().trim());
        }
        catch (final NumberFormatException ex)
        {
            throw setting.error("expected a whole number from 1 to " + max);
        }
        if (value < 1 || value > max)
        {
            throw setting.error("must be from 1 to " + max);
        }
    }

    private static void contentType(final Setting<String> setting)
    {
        final String value = setting.value().trim();
        if (value.isEmpty())
        {
            throw setting.error("empty (expected a media type such as application/json)");
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff)
            {
                throw setting.error("not a valid header value (control or non-Latin-1 character)");
            }
        }
    }
}
