package io.sluice.cli.kernel;

import com.google.protobuf.util.JsonFormat;
import io.sluice.proto.v1beta1.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 004's redaction on the real kernel: {@code /bin/echo --password=foo} is traced, and every destination sees
 * {@code --password=*****} in the exec's argv; the secret is written nowhere.
 */
class RedactionKernelTest
{
    @BeforeAll
    static void kernel()
    {
        KernelTestSupport.requireKernel();
    }

    @Test
    void passwordsInArgumentsAreRedactedBeforeAnyDestination(@TempDir final Path dir) throws Exception
    {
        final Path json = dir.resolve("events.json");
        final Path table = dir.resolve("events.txt");
        final Path stderr = dir.resolve("sluice.err");
        final String secret = "s3cret-" + UUID.randomUUID();
        final Process sluice = KernelTestSupport.startSluice(stderr,
            "--events", "sched_process_exec", "--scope", "comm=echo",
            "--redaction-filters", "{\"redact\": [\"--password(?:\\\\s+|=)(\\\\S*)\"]}",
            "--output", "json:" + json, "--output", "table:" + table);
        final long echoPid;
        try
        {
            KernelTestSupport.awaitReady(sluice, stderr);
            final Process echo = new ProcessBuilder("/bin/echo", "--password=" + secret, "--password", secret)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(0, echo.waitFor());
            echoPid = echo.pid();
            Thread.sleep(500);
        }
        finally
        {
            sluice.destroy();
            assertTrue(sluice.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(0, sluice.exitValue(), Files.readString(stderr));
        final String written = Files.readString(json) + Files.readString(table);
        assertFalse(written.contains(secret), "the secret reached a destination: " + written);
        boolean seen = false;
        for (final String line : Files.readAllLines(json, StandardCharsets.UTF_8))
        {
            final Event.Builder event = Event.newBuilder();
            JsonFormat.parser().merge(line, event);
            if (event.getWorkload().getProcess().getHostPid().getValue() == echoPid &&
                event.getWorkload().getProcess().getExecutable().getPath().endsWith("/echo"))
            {
                final List<String> argv = event.getDataList().stream().filter(v -> v.getName().equals("argv")).findFirst()
                    .orElseThrow().getStrArray().getValueList();
                assertEquals(List.of("/bin/echo", "--password=*****", "--password", "*****"), argv);
                seen = true;
            }
        }
        assertTrue(seen, "the echo's exec was traced");
    }
}
