package io.sluice.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ObjLongConsumer;

/**
 * Reads what a JSON destination wrote, line by line, pulling out the two things counting tests need:
 * the event name ({@code "id":"..."}) and the synthetic {@code seq} data field.
 */
final class OutputLines
{
    private static final String SEQ = "{\"name\":\"seq\",\"u_int64\":\"";
    private static final String ID = "\"id\":\"";

    private OutputLines()
    {
    }

    static long seqOf(final String line)
    {
        final int at = line.lastIndexOf(SEQ);
        if (at < 0)
        {
            throw new AssertionError("no seq field in line: " + line);
        }
        final int start = at + SEQ.length();
        return Long.parseLong(line.substring(start, line.indexOf('"', start)));
    }

    static String eventOf(final String line)
    {
        final int at = line.indexOf(ID);
        if (at < 0)
        {
            throw new AssertionError("no event id in line: " + line);
        }
        final int start = at + ID.length();
        return line.substring(start, line.indexOf('"', start));
    }

    /**
     * Call {@code each} with (event name, seq) for every line of a JSON output file.
     */
    static long forEach(final Path file, final ObjLongConsumer<String> each) throws IOException
    {
        long lines = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                each.accept(eventOf(line), seqOf(line));
                lines++;
            }
        }
        return lines;
    }
}
