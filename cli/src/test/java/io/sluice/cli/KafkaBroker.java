package io.sluice.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a real single-node Kafka broker on loopback, started and stopped with {@code scripts/kafka-local.sh}
 * (Kafka from Maven Central) on free ports with its data in a directory of the test's, and read back with {@code kcat}
 * (Debian's librdkafka consumer, independent of kafka-clients).
 */
final class KafkaBroker implements AutoCloseable
{
    private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("scripts/kafka-local.sh");

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final boolean autoCreate;

    /**
     * Start a broker.
     *
     * @param dir        where it keeps its data and log.
     * @param autoCreate whether it creates a topic when first written to.
     */
    KafkaBroker(final Path dir, final boolean autoCreate) throws IOException, InterruptedException
    {
        this.dir = dir;
        this.port = freePort();
        this.controllerPort = freePort();
        this.autoCreate = autoCreate;
        start();
    }

    /** Start it again (after {@link #stop}), with the same data. */
    void start() throws IOException, InterruptedException
    {
        final List<String> args = new ArrayList<>(List.of("start", "--controller-port", Integer.toString(controllerPort)));
        if (!autoCreate)
        {
            args.add("--no-auto-create");
        }
        script(args);
    }

    /** Stop it, keeping its data. */
    void stop() throws IOException, InterruptedException
    {
        script(List.of("stop", "--keep"));
    }

    /** @return {@code 127.0.0.1:PORT}. */
    String address()
    {
        return "127.0.0.1:" + port;
    }

    void topic(final String name, final int partitions) throws IOException, InterruptedException
    {
        script(List.of("topic", name, Integer.toString(partitions)));
    }

    /**
     * @param topic  a topic.
     * @param format kcat's output format for each message ({@code %p} partition, {@code %k} key, {@code %s} value,
     *               {@code %h} headers).
     * @return every message of the topic, partition by partition, each in offset order, bytes read as Latin-1.
     */
    List<String> consume(final String topic, final String format) throws IOException, InterruptedException
    {
        return Files.readAllLines(dump(topic, format), StandardCharsets.ISO_8859_1);
    }

    private Path dump(final String topic, final String format) throws IOException, InterruptedException
    {
        final Path out = dir.resolve("kcat-" + topic + ".out");
        final Process kcat = new ProcessBuilder("kcat", "-C", "-b", address(), "-t", topic, "-o", "beginning", "-e", "-q",
            "-f", format).redirectOutput(out.toFile()).redirectError(dir.resolve("kcat.err").toFile()).start();
        if (!kcat.waitFor(120, TimeUnit.SECONDS))
        {
            kcat.destroyForcibly();
            throw new AssertionError("kcat did not finish");
        }
        if (kcat.exitValue() != 0)
        {
            throw new AssertionError("kcat failed: " + Files.readString(dir.resolve("kcat.err")));
        }
        return out;
    }

    /**
     * Produce one record without key or headers, with {@code kcat}.
     *
     * @param topic a topic.
     * @param value its value.
     */
    void produce(final String topic, final String value) throws IOException, InterruptedException
    {
        final Path in = dir.resolve("kcat.in");
        Files.writeString(in, value + "\n", StandardCharsets.UTF_8);
        final Process kcat = new ProcessBuilder("kcat", "-P", "-b", address(), "-t", topic).redirectInput(in.toFile())
            .redirectErrorStream(true).redirectOutput(dir.resolve("kcat.err").toFile()).start();
        if (!kcat.waitFor(60, TimeUnit.SECONDS) || kcat.exitValue() != 0)
        {
            kcat.destroyForcibly();
            throw new AssertionError("kcat -P failed: " + Files.readString(dir.resolve("kcat.err")));
        }
    }

    /**
     * @param topic a topic.
     * @return the value of every message of the topic, partition by partition, each in offset order, as bytes.
     */
    List<byte[]> values(final String topic) throws IOException, InterruptedException
    {
        final List<byte[]> values = new ArrayList<>();
        final byte[] sized = Files.readAllBytes(dump(topic, "%S\n%s"));
        int at = 0;
        while (at < sized.length)
        {
            int newline = at;
            while (sized[newline] != '\n')
            {
                newline++;
            }
            final int size = Integer.parseInt(new String(sized, at, newline - at, StandardCharsets.US_ASCII));
            values.add(java.util.Arrays.copyOfRange(sized, newline + 1, newline + 1 + size));
            at = newline + 1 + size;
        }
        return values;
    }

    @Override
    public void close() throws IOException, InterruptedException
    {
        script(List.of("stop"));
    }

    private void script(final List<String> args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(args);
        command.addAll(List.of("--port", Integer.toString(port), "--dir", dir.resolve("broker").toString()));
        final Path log = dir.resolve("kafka-local.out");
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0)
        {
            process.destroyForcibly();
            throw new AssertionError("kafka-local.sh " + args + " failed: " + Files.readString(log));
        }
    }

    static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
