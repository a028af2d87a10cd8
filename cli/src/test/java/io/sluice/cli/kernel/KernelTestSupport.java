package io.sluice.cli.kernel;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * What kernel tests share: the loader built by bpf-native, the rule that they must run (not skip) when
 * {@code SLUICE_REQUIRE_KERNEL=1}, and small C programs compiled for the test.
 */
final class KernelTestSupport
{
    static final String REQUIRE = "SLUICE_REQUIRE_KERNEL";

    private KernelTestSupport()
    {
    }

    static Path loader()
    {
        return Paths.get("").toAbsolutePath().getParent().resolve("bpf-native/target/sluice-loader");
    }

    /**
     * Skip (or fail, when kernel tests are required) unless the loader is built.
     */
    static void requireLoader()
    {
        if (!Files.isExecutable(loader()))
        {
            final String reason = "the loader is not built: " + loader();
            if ("1".equals(System.getenv(REQUIRE)))
            {
                Assertions.fail(REQUIRE + "=1 but " + reason);
            }
            Assumptions.abort(reason);
        }
    }

    /**
     * Skip (or fail, when kernel tests are required) unless the loader is built and we are root.
     */
    static void requireKernel()
    {
        String reason = null;
        if (!Files.isExecutable(loader()))
        {
            reason = "the loader is not built: " + loader();
        }
        else if (!"root".equals(System.getProperty("user.name")))
        {
            reason = "kernel tests need root";
        }
        if (reason != null)
        {
            if ("1".equals(System.getenv(REQUIRE)))
            {
                Assertions.fail(REQUIRE + "=1 but " + reason);
            }
            Assumptions.abort(reason);
        }
    }

    static Path compile(final String program, final Path dir) throws IOException, InterruptedException
    {
        final Path source = Paths.get("src/test/c", program + ".c").toAbsolutePath();
        final Path binary = dir.resolve(program);
        final Process gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-o", binary.toString(), source.toString())
            .redirectErrorStream(true).start();
        final String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assertions.assertTrue(gcc.waitFor(60, TimeUnit.SECONDS) && gcc.exitValue() == 0, "gcc " + program + ": " + output);
        return binary;
    }
}
