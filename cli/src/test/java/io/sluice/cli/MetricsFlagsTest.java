package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the metrics listener is asked for: {@code --metrics-address}, Tracee's {@code --server http-address=...},
 * {@code --server metrics}, {@code --server healthz}, and the config file's {@code server} section (which also gives
 * the event service's {@code grpc-address}); what each serves, and one clear line for what cannot be served.
 */
class MetricsFlagsTest
{
    @TempDir
    Path dir;

    private final CommandRun run = new CommandRun();

    @Test
    void traceeFlagsChooseTheEndpointsAndTheAddress()
    {
        assertEquals(ExitCodes.OK, run.run("--source", "synthetic:count=10", "--output", "none", "--server", "healthz",
            "--server", "http-address=127.0.0.1:0"));
        assertTrue(run.err.toString().matches("(?s).*sluice: metrics: listening on http://127\\.0\\.0\\.1:\\d+ \\(/healthz\\)\n.*"),
            run.err.toString());
        assertEquals(ExitCodes.OK, run.run("--source", "synthetic:count=10", "--output", "none", "--metrics-address", "0"));
        assertTrue(run.err.toString().matches("(?s).*listening on http://127\\.0\\.0\\.1:\\d+ \\(/metrics, /healthz\\)\n.*"),
            "a port alone binds loopback: " + run.err);
    }

    @Test
    void theConfigFilesServerSectionAsksForTheListener() throws Exception
    {
        final Path config = write("server:\n  http-address: 127.0.0.1:0\n  metrics: true\n  healthz: false\n  pprof: false\n");
        assertEquals(ExitCodes.OK, run.run("--source", "synthetic:count=10", "--output", "none", "--config", config.toString()));
        assertTrue(run.err.toString().matches("(?s).*listening on http://127\\.0\\.0\\.1:\\d+ \\(/metrics\\)\n.*"), run.err.toString());
    }

    @Test
    void whatCannotBeServedIsRefusedInOneLine() throws Exception
    {
        refused("sluice: --server http-address: '127.0.0.1:0': serves nothing without metrics or healthz (--server metrics,"
            + " --server healthz, or server.metrics/server.healthz: true)\n", "--server", "http-address=127.0.0.1:0");
        refused("sluice: --metrics-address: 'nope': expected HOST:PORT, :PORT or PORT\n", "--metrics-address", "nope");
        refused("sluice: --server: 'http-address=127.0.0.1:1': the metrics address is given twice\n",
            "--metrics-address", "127.0.0.1:2", "--server", "http-address=127.0.0.1:1");
        refused("sluice: --healthz-stall: needs --metrics-address or --server healthz\n", "--healthz-stall", "5s");
        refused("sluice: --healthz-stall: must be more than 0\n", "--metrics-address", "--healthz-stall", "0s");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            assertEquals(ExitCodes.USAGE, run.run("--source", "synthetic:count=1", "--output", "none", "--metrics-address",
                String.valueOf(busy.getLocalPort())));
            assertTrue(run.err.toString().startsWith("sluice: metrics: cannot listen on 127.0.0.1:" + busy.getLocalPort() + ": "),
                run.err.toString());
        }
    }

    @Test
    void aServerSectionSluiceCannotServeIsRefusedNamingFileAndLine() throws Exception
    {
        refusedFile("server:\n  pprof: true\n", ":2: server.pprof = 'true': not served by sluice (a Go profiler of Tracee's);"
            + " only false is accepted");
        refusedFile("server:\n  healthz: 3\n", ":2: server.healthz = '3': expected true or false");
        refusedFile("server:\n  metrics: true\n  listen: 1\n", ":3: server.listen: unknown key (expected http-address,"
            + " grpc-address, metrics, healthz, pprof, pyroscope)");
        refusedFile("server:\n  http-address: 127.0.0.1:0\n", ":2: server.http-address: '127.0.0.1:0': serves nothing"
            + " without metrics or healthz (--server metrics, --server healthz, or server.metrics/server.healthz: true)");
        refusedFile("server:\n  grpc-address: nope\n", ":2: server.grpc-address = 'nope': expected HOST:PORT, PORT,"
            + " tcp:HOST:PORT or unix:/path");
        refusedFile("server: [metrics]\n", ":1: server: expected a mapping (http-address, metrics, healthz ...)");
    }

    private void refused(final String message, final String... flags)
    {
        final String[] args = new String[flags.length + 4];
        System.arraycopy(new String[] {"--source", "synthetic:count=1", "--output", "none"}, 0, args, 0, 4);
        System.arraycopy(flags, 0, args, 4, flags.length);
        assertEquals(ExitCodes.USAGE, run.run(args), run.err.toString());
        assertEquals(message, run.err.toString());
    }

    private void refusedFile(final String yaml, final String message) throws Exception
    {
        final Path config = write(yaml);
        refused("sluice: " + config + message + "\n", "--config", config.toString());
    }

    private Path write(final String yaml) throws Exception
    {
        return Files.writeString(dir.resolve("sluice.yaml"), yaml);
    }
}
