package io.sluice.destination.http;

import io.sluice.config.GoDuration;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * What a webhook destination does, validated ({@link WebhookRules}): where it posts (the URL as written, query
 * included, as Tracee posts it; credentials in the URL become a Basic {@code Authorization} header, as Go's client
 * sends them), how long a request may take, the {@code Content-Type} it sends, how many events one request carries, how
 * long a partly filled batch may wait for more, and how many requests may be in flight at once.
 *
 * @param target        the URL posted to, without user information or fragment.
 * @param redacted      the URL for messages: the password, if any, replaced by {@code xxxxx}.
 * @param authorization the {@code Authorization} header value, or null.
 * @param timeout       the longest a request may take, connecting included; zero for no limit (as Go's client).
 * @param contentType   the {@code Content-Type} of each request.
 * @param batch         the most events one request carries (newline-separated).
 * @param linger        the longest a partly filled batch waits for more events.
 * @param inflight      the most requests sent and not yet answered.
 */
public record WebhookSettings(URI target, String redacted, String authorization, Duration timeout, String contentType,
    int batch, Duration linger, int inflight)
{
    /** Tracee's URL parameter: the request timeout, a Go duration. */
    public static final String TIMEOUT = "timeout";
    /** Tracee's URL parameter: the request's Content-Type. */
    public static final String CONTENT_TYPE = "contentType";
    /** Sluice's: events per request. */
    public static final String BATCH = "batch";
    /** Sluice's: how long a partly filled batch waits. */
    public static final String LINGER = "linger";
    /** Sluice's: requests in flight at once. */
    public static final String INFLIGHT = "inflight";
    /** Every setting, each taken as a URL query parameter or as a destination key. */
    public static final Set<String> KEYS = Set.of(TIMEOUT, CONTENT_TYPE, BATCH, LINGER, INFLIGHT);

    /** Tracee's default timeout. */
    public static final String DEFAULT_TIMEOUT = "10s";
    /** Tracee's default Content-Type. */
    public static final String DEFAULT_CONTENT_TYPE = "application/json";
    /** One event per request, as Tracee. */
    public static final int DEFAULT_BATCH = 1;
    /** A partly filled batch waits at most this long. */
    public static final String DEFAULT_LINGER = "5ms";
    /** Requests in flight at once. */
    public static final int DEFAULT_INFLIGHT = 4;

    /**
     * @param url     the URL as written, valid.
     * @param options every key of {@link #KEYS} with its validated value (as {@link WebhookRules#resolve} gives them).
     * @return the settings.
     */
    public static WebhookSettings of(final String url, final Map<String, String> options)
    {
        final URI uri;
        try
        {
            uri = new URI(url);
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalArgumentException("not a valid URL: " + url, ex);
        }
        final String userInfo = uri.getRawUserInfo();
        final String hostPort = userInfo == null ? uri.getRawAuthority() :
            uri.getRawAuthority().substring(userInfo.length() + 1);
        final String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        final String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        final String scheme = uri.getScheme();
        final URI target = URI.create(scheme + "://" + hostPort + path + query);
        String redacted = url;
        String authorization = null;
        if (userInfo != null)
        {
            final int colon = userInfo.indexOf(':');
            final String shownUser = colon < 0 ? userInfo : userInfo.substring(0, colon) + ":xxxxx";
            redacted = scheme + "://" + shownUser + "@" + hostPort + path + query;
            authorization = "Basic " + Base64.getEncoder().encodeToString(
                (colon < 0 ? uri.getUserInfo() + ":" : uri.getUserInfo()).getBytes(StandardCharsets.UTF_8));
        }
        return new WebhookSettings(target, redacted, authorization, GoDuration.parse(options.get(TIMEOUT)),
            options.get(CONTENT_TYPE), Integer.parseInt(options.get(BATCH)), GoDuration.parse(options.get(LINGER)),
            Integer.parseInt(options.get(INFLIGHT)));
    }
}
