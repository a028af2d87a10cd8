package io.sluice.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Sluice's SLF4J backend, found by SLF4J through {@code META-INF/services}: every logger of the process, Sluice's
 * and its libraries', writes through {@link SluiceLogger}. No MDC (nothing here uses it).
 */
public final class SluiceLogProvider implements SLF4JServiceProvider
{
    private ILoggerFactory factory;
    private IMarkerFactory markers;

    @Override
    public ILoggerFactory getLoggerFactory()
    {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory()
    {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter()
    {
        // stateless: nothing here uses the MDC
        return new NOPMDCAdapter();
    }

    @Override
    public String getRequestedApiVersion()
    {
        return "2.0.99";
    }

    @Override
    public void initialize()
    {
        factory = new SluiceLogFactory();
        markers = new BasicMarkerFactory();
    }
}
