package io.sluice.cli.kernel;

import io.sluice.ring.SharedRing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loader's contract with whoever starts it: "ready" once attached, one clear line and exit 1 when the kernel
 * refuses it, exit 2 on usage errors, and no life of its own once its parent is gone.
 */
class LoaderLifecycleTest
{
    @BeforeAll
    static void kernel()
    {
        KernelTestSupport.requireKernel();
    }

    @Test
    void diesWithItsParent() throws Exception
    {
        try (SharedRing ring = SharedRing.createAnonymous(1 << 16))
        {
            final Process shell = new ProcessBuilder("/bin/sh", "-c",
                KernelTestSupport.loader() + " --ring " + ring.file() + " --events 1016 & wait")
                .redirectErrorStream(true).start();
            final String ready = new String(shell.getInputStream().readNBytes(6), StandardCharsets.UTF_8);
            assertEquals("ready\n", ready, "the loader announces itself once attached");
            final ProcessHandle loader = shell.toHandle().children().findFirst().orElseThrow();
            assertTrue(loader.isAlive());

            shell.destroyForcibly();
            assertTrue(shell.waitFor(10, TimeUnit.SECONDS));
            assertTrue(loader.onExit().get(10, TimeUnit.SECONDS) != null, "the loader exits when its parent dies");
            assertFalse(loader.isAlive());
        }
    }

    @Test
    void anUnprivilegedUserGetsOneClearLine() throws Exception
    {
        final Path file = Files.createTempFile(Paths.get(SharedRing.DEFAULT_DIR), "sluice-test-", ".ring");
        try (SharedRing ring = SharedRing.create(file, 1 << 16))
        {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
            final Process loader = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                KernelTestSupport.loader().toString(), "--ring", file.toString(), "--events", "1015").start();
            final String stderr = new String(loader.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(loader.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, loader.exitValue(), stderr);
            assertEquals("sluice-loader: eBPF programs could not be loaded: operation not permitted; run as root or grant "
                + "CAP_BPF and CAP_PERFMON\n", stderr);
        }
    }

    @Test
    void usageErrorsExitTwoNamingTheOption() throws Exception
    {
        final Process loader = new ProcessBuilder(KernelTestSupport.loader().toString(),
            "--ring", "/nonexistent", "--events", "258:99999:s").start();
        final String stderr = new String(loader.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(loader.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, loader.exitValue(), stderr);
        assertTrue(stderr.contains("--events") && stderr.contains("99999"), stderr);
    }
}
