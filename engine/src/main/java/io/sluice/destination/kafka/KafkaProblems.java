package io.sluice.destination.kafka;

import org.apache.kafka.common.errors.TimeoutException;

/**
 * One line for what went wrong with a broker, from Kafka's exception and what the destination knows: a send that timed
 * out waiting for the topic's metadata names the brokers and the likely causes, since Kafka cannot tell an
 * unreachable broker from a topic that does not exist.
 */
final class KafkaProblems
{
    private KafkaProblems()
    {
    }

    /**
     * @param error    what Kafka threw or filed.
     * @param settings the destination's settings.
     * @return one line.
     */
    static String describe(final Throwable error, final KafkaSettings settings)
    {
        final Throwable cause = error.getCause() != null && error.getMessage() != null
            && error.getMessage().startsWith("Failed to construct") ? error.getCause() : error;
        final String said = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        final String message = said.endsWith(".") ? said.substring(0, said.length() - 1) : said;
        if (cause instanceof TimeoutException && message.contains("not present in metadata"))
        {
            return message + " (no broker answered at " + settings.bootstrap() + ", or topic " + settings.topic()
                + " does not exist and the broker does not create topics)";
        }
        return message;
    }
}
