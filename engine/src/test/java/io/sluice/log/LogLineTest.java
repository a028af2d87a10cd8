package io.sluice.log;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backend's lines: {@code sluice: <message>} text (a library's logger named, debug said), JSON objects with the
 * message's key fields and every character escaped, at the threshold in force; SLF4J finds the backend.
 */
class LogLineTest
{
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @AfterEach
    void defaults()
    {
        Logging.reset();
    }

    @Test
    void slf4jFindsTheBackend()
    {
        assertInstanceOf(SluiceLogger.class, LoggerFactory.getLogger("io.sluice.anything"));
    }

    @Test
    void textKeepsTheSluicePrefixAndNamesALibrarysLogger()
    {
        final SluiceLogger own = SluiceLogger.to("io.sluice.engine.Engine", out);
        final SluiceLogger library = SluiceLogger.to("net.openhft.chronicle.Queue", out);
        own.info("ready: {}", "synthetic");
        own.debug("hidden at info");
        library.warn("careful");
        library.info("hidden: libraries say warnings and errors only");
        Logging.byFlags(LogLevel.DEBUG, null);
        own.debug("shown");
        own.atError().setCause(new IllegalStateException("why")).log("failed");
        assertEquals(List.of("sluice: ready: synthetic", "sluice: net.openhft.chronicle.Queue: careful", "sluice: debug: shown",
            "sluice: failed: java.lang.IllegalStateException: why"), lines());
    }

    @Test
    void jsonCarriesKeyFieldsAndEscapes()
    {
        Logging.byFlags(null, LogFormat.JSON);
        SluiceLogger.to("io.sluice.report.Problems", out).atWarn().addKeyValue("problem", "stream \"s\"").log("tab\there\nnew");
        final String line = lines().get(0);
        assertTrue(line.matches("\\{\"ts\":\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\",\"level\":\"warn\",\"msg\":\"tab\\\\there\\\\nnew\","
            + "\"logger\":\"io.sluice.report.Problems\",\"problem\":\"stream \\\\\"s\\\\\"\"}"), line);
    }

    @Test
    void kafkasClientIsSilentAndTheThresholdHidesWhatIsBelowIt()
    {
        SluiceLogger.to("org.apache.kafka.clients.NetworkClient", out).error("broker down");
        Logging.byFlags(LogLevel.ERROR, null);
        SluiceLogger.to("io.sluice.x", out).warn("below error");
        assertEquals(List.of(), lines());
    }

    @Test
    void flagsWinOverTheConfigAndTheConfigOverTheDefaults()
    {
        Logging.byConfig("c.yaml:1", LogLevel.WARN, LogFormat.JSON, null);
        assertEquals(new LogSettings(LogLevel.WARN, LogFormat.JSON, null, null), Logging.settings());
        Logging.byFlags(LogLevel.DEBUG, null);
        Logging.byConfig("c.yaml:1", LogLevel.ERROR, null, null);
        assertEquals(new LogSettings(LogLevel.DEBUG, LogFormat.TEXT, null, null), Logging.settings());
    }

    @Test
    void aReloadsLoggingSectionIsInForceOnlyWhenTheReloadIsAccepted()
    {
        Logging.hold();
        Logging.byConfig("c.yaml:1", LogLevel.ERROR, LogFormat.JSON, null);
        assertEquals(LogSettings.DEFAULTS, Logging.settings());
        Logging.release(false);
        assertEquals(LogSettings.DEFAULTS, Logging.settings());
        Logging.hold();
        Logging.byConfig("c.yaml:1", LogLevel.ERROR, LogFormat.JSON, null);
        Logging.release(true);
        assertEquals(new LogSettings(LogLevel.ERROR, LogFormat.JSON, null, null), Logging.settings());
    }

    private List<String> lines()
    {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
