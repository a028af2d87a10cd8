package io.sluice.log;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

import java.io.PrintStream;

/**
 * One named logger of the backend. Its threshold is the run's ({@link Logging#settings()}, read at each call, so a
 * reload or a flag takes effect at once), raised for libraries: warnings and errors only from them, nothing from Kafka's
 * client (the kafka destination reports a broker it cannot reach itself, once, naming the destination), errors only
 * from the Chronicle classes that warn about a damaged journal the replay opens on purpose and from gRPC's shaded
 * Netty (socket options a Unix socket lacks). The fluent API's key
 * fields ({@code addKeyValue}) become JSON fields.
 */
public final class SluiceLogger extends LegacyAbstractLogger implements LoggingEventAware
{
    private static final long serialVersionUID = 1L;

    /** Never printed: a floor above every level. */
    private static final int OFF = LogLevel.values().length;

    private final transient PrintStream fixed;
    private final int floor;

    SluiceLogger(final String name, final PrintStream fixed)
    {
        this.name = name;
        this.fixed = fixed;
        this.floor = floor(name);
    }

    /**
     * @param name  the logger's name.
     * @param out   where its lines go, whatever the settings say (a test's capture).
     * @return a logger writing to {@code out} in the run's format and at its level.
     */
    public static SluiceLogger to(final String name, final PrintStream out)
    {
        return new SluiceLogger(name, out);
    }

    private static int floor(final String name)
    {
        if (name.startsWith("io.sluice."))
        {
            return LogLevel.DEBUG.ordinal();
        }
        if (name.startsWith("org.apache.kafka"))
        {
            return OFF;
        }
        // gRPC's shaded Netty warns about socket options a Unix socket lacks (SO_KEEPALIVE): errors only
        if (name.equals("net.openhft.chronicle.queue.impl.single.SCQMeta") ||
            name.equals("net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder") ||
            name.startsWith("io.grpc.netty.shaded."))
        {
            return LogLevel.ERROR.ordinal();
        }
        return LogLevel.WARN.ordinal();
    }

    private boolean enabled(final LogLevel level)
    {
        return level.ordinal() >= floor && Logging.settings().level().allows(level);
    }

    @Override
    public boolean isTraceEnabled()
    {
        return enabled(LogLevel.DEBUG);
    }

    @Override
    public boolean isDebugEnabled()
    {
        return enabled(LogLevel.DEBUG);
    }

    @Override
    public boolean isInfoEnabled()
    {
        return enabled(LogLevel.INFO);
    }

    @Override
    public boolean isWarnEnabled()
    {
        return enabled(LogLevel.WARN);
    }

    @Override
    public boolean isErrorEnabled()
    {
        return enabled(LogLevel.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName()
    {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(final Level level, final Marker marker, final String messagePattern,
        final Object[] arguments, final Throwable throwable)
    {
        final LogSettings settings = Logging.settings();
        LogLine.write(fixed != null ? fixed : settings.out(), settings.format(), LogLevel.of(level), name,
            MessageFormatter.basicArrayFormat(messagePattern, arguments), null, throwable);
    }

    @Override
    public void log(final LoggingEvent event)
    {
        final LogLevel level = LogLevel.of(event.getLevel());
        if (!enabled(level))
        {
            return;
        }
        final LogSettings settings = Logging.settings();
        LogLine.write(fixed != null ? fixed : settings.out(), settings.format(), level, name,
            MessageFormatter.basicArrayFormat(event.getMessage(), event.getArgumentArray()), event.getKeyValuePairs(),
            event.getThrowable());
    }
}
