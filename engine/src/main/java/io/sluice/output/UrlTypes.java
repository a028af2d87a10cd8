package io.sluice.output;

import io.sluice.config.Setting;
import io.sluice.destination.url.UrlSettings;

import java.net.URI;

/**
 * The type a destination with a {@code url} and no {@code type} has (design §3): {@code tcp://}, {@code tls://} or
 * {@code udp://}, or a {@code tag} query parameter, means {@code forward}; other {@code http(s)://} means {@code webhook};
 * {@code kafka://} means {@code kafka}.
 */
final class UrlTypes
{
    private UrlTypes()
    {
    }

    /**
     * @param url a destination URL with no type.
     * @return the key of the type it implies.
     * @throws io.sluice.config.ConfigException when it is no URL or implies no type.
     */
    static String infer(final Setting<String> url)
    {
        if (url.value().regionMatches(true, 0, "kafka://", 0, "kafka://".length()))
        {
            // a list of brokers is no URI authority: the kafka type parses its URL itself
            return "kafka";
        }
        final URI uri = UrlSettings.parse(url);
        final String scheme = UrlSettings.scheme(uri);
        if (scheme.equals("tcp") || scheme.equals("tls") || scheme.equals("udp") || hasTag(uri.getRawQuery()))
        {
            return "forward";
        }
        if (scheme.equals("http") || scheme.equals("https"))
        {
            return "webhook";
        }
        throw url.error("cannot infer the destination type from this URL (tcp://, tls:// and udp:// mean forward,"
            + " http:// and https:// mean webhook, kafka:// means kafka); set type");
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
}
