package io.sluice.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The backend's loggers, one per name.
 */
final class SluiceLogFactory implements ILoggerFactory
{
    private final ConcurrentHashMap<String, SluiceLogger> loggers = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(final String name)
    {
        return loggers.computeIfAbsent(name, n -> new SluiceLogger(n, null));
    }
}
