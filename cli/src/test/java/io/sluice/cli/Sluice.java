package io.sluice.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code sluice} for the replay tests: in this JVM (exit code and error text), or as a child process started
 * with this JVM's flags (the Chronicle set included); and reads what a JSON destination wrote.
 */
final class Sluice
{
    private static final Pattern SEQ = Pattern.compile("\\{\"name\":\"seq\",\"u_int64\":\"(\\d+)\"}");
    private static final Pattern ID = Pattern.compile("\"id\":\"([a-z0-9_]+)\"");
    private static final Pattern TIMESTAMP = Pattern.compile("^\\{\"timestamp\":\\{\"seconds\":\"(\\d+)\",\"nanos\":(\\d+)}");

    /** Error output of the last {@link #run}. */
    String err = "";

    int run(final String... args)
    {
        final StringWriter text = new StringWriter();
        final CommandLine commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(text, true));
        final int code = commandLine.execute(args);
        err = text.toString();
        return code;
    }

    static Process start(final Path stderr, final String... args) throws IOException
    {
        return start(null, stderr, args);
    }

    /** As {@link #start(Path, String...)}, with standard output to {@code stdout} (discarded when null). */
    static Process start(final Path stdout, final Path stderr, final String... args) throws IOException
    {
        return new ProcessBuilder(command(args)).redirectError(stderr.toFile())
            .redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile())).start();
    }

    /**
     * @param args sluice's arguments.
     * @return the command line that runs sluice in a JVM of its own, with this JVM's module flags and class path.
     */
    static List<String> command(final String... args)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String flag : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (flag.startsWith("--add-") || flag.startsWith("-Dchronicle") || flag.startsWith("--illegal"))
            {
                command.add(flag);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    static List<String> lines(final Path file) throws IOException
    {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    static long seqOf(final String line)
    {
        final Matcher seq = SEQ.matcher(line);
        if (!seq.find())
        {
            throw new AssertionError("no seq in " + line);
        }
        return Long.parseLong(seq.group(1));
    }

    static String eventOf(final String line)
    {
        final Matcher id = ID.matcher(line);
        if (!id.find())
        {
            throw new AssertionError("no id in " + line);
        }
        return id.group(1);
    }

    static long nanosOf(final String line)
    {
        final Matcher time = TIMESTAMP.matcher(line);
        if (!time.find())
        {
            throw new AssertionError("no timestamp in " + line);
        }
        return Long.parseLong(time.group(1)) * 1_000_000_000L + Long.parseLong(time.group(2));
    }
}
