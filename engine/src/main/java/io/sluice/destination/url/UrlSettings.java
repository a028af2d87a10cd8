package io.sluice.destination.url;

import io.sluice.config.Setting;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What every network destination does with its {@code url}: parse it (one line naming the setting when it is no URL),
 * read its query as Tracee does ({@link UrlQuery}), and take each of its own settings from a destination key or from a
 * URL parameter of the same name, never both. The checks of scheme, host and port, which differ by type, stay with the
 * type's rules.
 */
public final class UrlSettings
{
    /** The highest TCP port. */
    public static final int MAX_PORT = 65_535;

    private UrlSettings()
    {
    }

    /**
     * @param url a destination's {@code url}.
     * @return it parsed.
     * @throws io.sluice.config.ConfigException when it is no valid URL.
     */
    public static URI parse(final Setting<String> url)
    {
        try
        {
            return new URI(url.value());
        }
        catch (final URISyntaxException ex)
        {
            throw url.error("not a valid URL (" + ex.getReason() + ")");
        }
    }

    /**
     * @param uri a parsed URL.
     * @return its scheme in lower case, or the empty string.
     */
    public static String scheme(final URI uri)
    {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    /**
     * @param url the {@code url} setting.
     * @param uri it parsed.
     * @return its query parameters, decoded.
     * @throws io.sluice.config.ConfigException when the query is not validly percent-encoded.
     */
    public static Map<String, String> query(final Setting<String> url, final URI uri)
    {
        try
        {
            return UrlQuery.parse(uri.getRawQuery());
        }
        catch (final IllegalArgumentException ex)
        {
            throw url.error("the query is not validly percent-encoded");
        }
    }

    /**
     * Each setting from a destination key or from a URL parameter, never both; the default when neither is given.
     *
     * @param url          the {@code url} setting (parameters are refused naming it).
     * @param query        its query parameters.
     * @param order        the settings' names, in the order they are validated.
     * @param keys         the destination's own keys by name; null when not given.
     * @param emptyDefault true when an empty URL parameter means the default (as Tracee's forward output reads it).
     * @param defaults     a setting's default value by name.
     * @param validate     a given setting's validated value, by name.
     * @return every setting's value, in {@code order}.
     * @throws io.sluice.config.ConfigException naming the offending setting.
     */
    public static Map<String, String> resolve(
        final Setting<String> url,
        final Map<String, String> query,
        final List<String> order,
        final Function<String, Setting<String>> keys,
        final boolean emptyDefault,
        final Function<String, String> defaults,
        final BiFunction<String, Setting<String>, String> validate)
    {
        final Map<String, String> values = new LinkedHashMap<>();
        for (final String key : order)
        {
            final Setting<String> given = keys.apply(key);
            final String inUrl = query.get(key);
            if (given != null && inUrl != null)
            {
                throw given.error("also given in the url (" + key + "=" + inUrl + "); keep one");
            }
            final boolean inUrlCounts = inUrl != null && !(emptyDefault && inUrl.isEmpty());
            final Setting<String> setting = given != null ? given : inUrlCounts ? new UrlParameter(url, key, inUrl) : null;
            values.put(key, setting == null ? defaults.apply(key) : validate.apply(key, setting));
        }
        return values;
    }
}
