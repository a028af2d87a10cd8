package io.sluice.format;

import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventValueCursor;
import io.sluice.codec.sbe.ValueType;
import io.sluice.process.ArgumentText;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The details of an exec, as Tetragon prints a {@code process_exec}: the arguments after argv[0] joined as Tetragon's
 * {@code process.arguments} ({@link ArgumentText}), quoted as one text when they hold a space, in cyan, and printed
 * (empty) even when there are none. For the {@code execve} and {@code execveat} syscalls the path being executed comes
 * first: the binary of such a line is the caller's.
 */
final class CompactExecDetails implements CompactDetails
{
    private static final byte[] ARGV = "argv".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_ARGUMENTS = 64 * 1024;

    private final byte[] pathArg;
    private final ArgumentText arguments = new ArgumentText(MAX_ARGUMENTS);
    private final UnsafeBuffer text = new UnsafeBuffer(0, 0);
    private byte[] argv = new byte[256];

    /**
     * @param pathArg the argument holding the executed path ({@code pathname}), or null to print the arguments alone.
     */
    CompactExecDetails(final String pathArg)
    {
        this.pathArg = pathArg == null ? null : pathArg.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void render(final EventRecordView view, final CompactLine line)
    {
        if (pathArg != null)
        {
            final EventValueCursor path = RecordFields.find(view, pathArg);
            if (path != null && path.type() == ValueType.STR)
            {
                line.open(CompactLine.CYAN);
                line.text(view.buffer(), path.valueOffset(), path.valueLength());
                line.close();
                line.space();
            }
        }
        arguments.clear();
        final EventValueCursor found = RecordFields.find(view, ARGV);
        if (found != null && found.type() == ValueType.STR_ARRAY)
        {
            final int length = found.valueLength();
            if (argv.length < length)
            {
                argv = new byte[Math.max(length, argv.length * 2)];
            }
            view.buffer().getBytes(found.valueOffset(), argv, 0, length);
            arguments.ofStrArray(argv, 0, length);
        }
        text.wrap(arguments.bytes(), 0, arguments.length());
        line.open(CompactLine.CYAN);
        line.text(text, 0, arguments.length());
        line.close();
    }
}
