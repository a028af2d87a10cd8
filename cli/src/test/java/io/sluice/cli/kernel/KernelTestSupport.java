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
        skipOrFailIf(!Files.isExecutable(loader()), "the loader is not built: " + loader());
    }

    /**
     * Skip (or fail, when kernel tests are required) unless the loader is built and we are root.
     */
    static void requireKernel()
    {
        requireLoader();
        skipOrFailIf(!"root".equals(System.getProperty("user.name")), "kernel tests need root");
    }

    /** Skip the test when {@code missing}, or fail it when the run requires kernel tests (CI). */
    static void skipOrFailIf(final boolean missing, final String reason)
    {
        if (!missing)
        {
            return;
        }
        if ("1".equals(System.getenv(REQUIRE)))
        {
            Assertions.fail(REQUIRE + "=1 but " + reason);
        }
        Assumptions.abort(reason);
    }

    /**
     * Starts {@code sluice} as a user would (its own JVM, the built loader), stdout discarded, stderr to a file.
     */
    static Process startSluice(final Path stderr, final String... args) throws IOException
    {
        final java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-Dsluice.loader=" + loader(),
            "-cp", System.getProperty("java.class.path"), io.sluice.cli.Main.class.getName()));
        command.addAll(java.util.List.of(args));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    }

    /**
     * Waits for the "sluice: ready" announcement on stderr (the sensor is attached), failing if sluice exits first.
     */
    static void awaitReady(final Process sluice, final Path stderr) throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline)
        {
            final String text = Files.exists(stderr) ? Files.readString(stderr) : "";
            if (text.contains("sluice: ready"))
            {
                return;
            }
            if (!sluice.isAlive())
            {
                Assertions.fail("sluice exited " + sluice.exitValue() + ": " + text);
            }
            Thread.sleep(50);
        }
        Assertions.fail("sluice did not become ready: " + Files.readString(stderr));
    }

    /**
     * @return the events of a JSON destination, parsed by protobuf's own parser.
     */
    static java.util.List<io.sluice.proto.v1beta1.Event> readEvents(final Path output) throws IOException
    {
        final java.util.List<io.sluice.proto.v1beta1.Event> events = new java.util.ArrayList<>();
        for (final String line : Files.readAllLines(output, StandardCharsets.UTF_8))
        {
            final io.sluice.proto.v1beta1.Event.Builder builder = io.sluice.proto.v1beta1.Event.newBuilder();
            com.google.protobuf.util.JsonFormat.parser().merge(line, builder);
            events.add(builder.build());
        }
        return events;
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
