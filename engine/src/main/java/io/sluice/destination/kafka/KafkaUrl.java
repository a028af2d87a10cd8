package io.sluice.destination.kafka;

import io.sluice.config.Setting;
import io.sluice.destination.url.UrlQuery;

import java.util.Map;

/**
 * A kafka destination's {@code url}, {@code kafka://HOST:PORT[,HOST:PORT...]/TOPIC[?KEY=VALUE...]}, parsed by hand:
 * a list of brokers is no URI authority. Each broker needs a host and a port; the topic is one of Kafka's legal names
 * ({@code [a-zA-Z0-9._-]}, at most 249 characters, not {@code .} or {@code ..}).
 *
 * @param bootstrap the brokers as the producer's {@code bootstrap.servers}.
 * @param topic     the topic.
 * @param query     the URL's parameters, decoded.
 */
public record KafkaUrl(String bootstrap, String topic, Map<String, String> query)
{
    /** The scheme. */
    public static final String SCHEME = "kafka://";
    private static final int MAX_TOPIC = 249;
    private static final int MAX_PORT = 65_535;

    /**
     * @param bootstrap the brokers.
     * @param topic     the topic.
     * @param query     the URL's parameters.
     */
    public KafkaUrl
    {
        query = Map.copyOf(query);
    }

    /**
     * @param url the {@code url} setting.
     * @return it parsed.
     * @throws io.sluice.config.ConfigException naming the setting when it is no kafka URL.
     */
    public static KafkaUrl parse(final Setting<String> url)
    {
        final String value = url.value();
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()))
        {
            throw url.error("a kafka destination's url is kafka://HOST:PORT[,HOST:PORT...]/TOPIC");
        }
        final String rest = value.substring(SCHEME.length());
        final int question = rest.indexOf('?');
        final String beforeQuery = question < 0 ? rest : rest.substring(0, question);
        final int slash = beforeQuery.indexOf('/');
        if (slash < 0 || slash == beforeQuery.length() - 1)
        {
            throw url.error("no topic in the URL (expected kafka://HOST:PORT[,HOST:PORT...]/TOPIC)");
        }
        final String brokers = beforeQuery.substring(0, slash);
        for (final String broker : brokers.split(",", -1))
        {
            checkBroker(url, broker);
        }
        final String topic = beforeQuery.substring(slash + 1);
        checkTopic(url, topic);
        final Map<String, String> query;
        try
        {
            query = UrlQuery.parse(question < 0 ? null : rest.substring(question + 1));
        }
        catch (final IllegalArgumentException ex)
        {
            throw url.error("the query is not validly percent-encoded");
        }
        return new KafkaUrl(brokers, topic, query);
    }

    private static void checkBroker(final Setting<String> url, final String broker)
    {
        final int at = broker.lastIndexOf('@');
        if (at >= 0)
        {
            // never echo what precedes '@': it is a user and password
            throw url.error("broker '***" + broker.substring(at) + "' carries credentials: a Kafka URL takes none (give them as"
                + " kafka.sasl.jaas.config, see docs/fleet.md)");
        }
        final int colon = broker.lastIndexOf(':');
        if (broker.isEmpty() || colon <= 0 || colon == broker.length() - 1)
        {
            throw url.error("broker '" + broker + "' is not HOST:PORT (expected kafka://HOST:PORT[,HOST:PORT...]/TOPIC)");
        }
        final int port;
        try
        {
            port = Integer.parseInt(broker.substring(colon + 1));
        }
        catch (final NumberFormatException ex)
        {
            throw url.error("broker '" + broker + "': the port is not a number");
        }
        if (port < 1 || port > MAX_PORT)
        {
            throw url.error("broker '" + broker + "': port " + port + " is out of range (1 to " + MAX_PORT + ")");
        }
    }

    private static void checkTopic(final Setting<String> url, final String topic)
    {
        if (topic.length() > MAX_TOPIC || topic.equals(".") || topic.equals(".."))
        {
            throw url.error("'" + topic + "' is not a legal Kafka topic name");
        }
        for (int i = 0; i < topic.length(); i++)
        {
            final char c = topic.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'))
            {
                throw url.error("'" + topic + "' is not a legal Kafka topic name (letters, digits, '.', '_' and '-')");
            }
        }
    }
}
