package io.sluice.destination.url;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query parameters of a webhook or forward URL, read as Go's {@code url.ParseQuery} reads them (what Tracee's webhook does):
 * {@code &}-separated {@code key=value} pairs, percent-decoded with {@code +} as a space, the first value of a repeated
 * key winning, as Tracee's {@code getParameterValue} takes it.
 */
public final class UrlQuery
{
    private UrlQuery()
    {
    }

    /**
     * @param rawQuery the query as written (undecoded), or null.
     * @return each key's first value, in order.
     * @throws IllegalArgumentException when a part is not validly percent-encoded.
     */
    public static Map<String, String> parse(final String rawQuery)
    {
        final Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty())
        {
            return parameters;
        }
        for (final String pair : rawQuery.split("&", -1))
        {
            if (pair.isEmpty())
            {
                continue;
            }
            final int eq = pair.indexOf('=');
            final String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            final String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.putIfAbsent(key, value);
        }
        return parameters;
    }

    private static String decode(final String text)
    {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
