package io.sluice.log;

import org.slf4j.event.KeyValuePair;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * Renders one log line and writes it whole. Text: {@code sluice: <message>} (a library's line names its logger,
 * {@code sluice: org.apache.kafka.clients.NetworkClient: <message>}; debug lines say {@code debug:}), the form every
 * diagnostic of Sluice has always had. JSON: {@code {"ts":"2026-11-30T02:07:02.123Z","level":"warn","msg":"...",
 * "logger":"...",<key fields>}}, one object per line. Logging is not on the hot path: a line may allocate.
 */
final class LogLine
{
    private static final String OWN_PREFIX = "io.sluice.";

    private LogLine()
    {
    }

    /**
     * @param out       where the line goes.
     * @param format    text or JSON.
     * @param level     the line's level.
     * @param logger    the logger's name.
     * @param message   the formatted message.
     * @param fields    key fields (JSON only), may be null.
     * @param throwable what was thrown, may be null.
     */
    static void write(final PrintStream out, final LogFormat format, final LogLevel level, final String logger, final String message,
        final List<KeyValuePair> fields, final Throwable throwable)
    {
        final String line = format == LogFormat.JSON ? json(level, logger, message, fields, throwable) :
            text(level, logger, message, throwable);
        out.println(line);
        out.flush();
    }

    static String text(final LogLevel level, final String logger, final String message, final Throwable throwable)
    {
        final StringBuilder line = new StringBuilder("sluice: ");
        if (level == LogLevel.DEBUG)
        {
            line.append("debug: ");
        }
        if (!logger.startsWith(OWN_PREFIX))
        {
            line.append(logger).append(": ");
        }
        line.append(message);
        if (throwable != null)
        {
            line.append(": ").append(throwable);
        }
        return line.toString();
    }

    static String json(final LogLevel level, final String logger, final String message, final List<KeyValuePair> fields,
        final Throwable throwable)
    {
        final StringBuilder line = new StringBuilder(128);
        line.append("{\"ts\":\"").append(Instant.now()).append("\",\"level\":\"").append(level.key()).append('"');
        field(line, "msg", message);
        field(line, "logger", logger);
        if (throwable != null)
        {
            field(line, "error", throwable.toString());
        }
        if (fields != null)
        {
            for (final KeyValuePair pair : fields)
            {
                field(line, pair.key, String.valueOf(pair.value));
            }
        }
        return line.append('}').toString();
    }

    private static void field(final StringBuilder line, final String key, final String value)
    {
        line.append(',');
        quote(line, key);
        line.append(':');
        quote(line, value);
    }

    private static void quote(final StringBuilder line, final String text)
    {
        line.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default ->
                {
                    if (c < 0x20)
                    {
                        line.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
