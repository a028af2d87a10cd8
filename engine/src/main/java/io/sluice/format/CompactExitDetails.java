package io.sluice.format;

import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventValueCursor;

import java.nio.charset.StandardCharsets;

/**
 * The details of a {@code sched_process_exit}, as Tetragon prints a {@code process_exit}: in red, the signal that
 * ended the process by name ({@code SIGKILL}) when there is one Linux names, else the exit status ({@code 0}). The
 * arguments Tetragon prints before it are not in Sluice's exit record, so the status follows the binary.
 */
final class CompactExitDetails implements CompactDetails
{
    private static final byte[] SIGNAL_CODE = "signal_code".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EXIT_CODE = "exit_code".getBytes(StandardCharsets.UTF_8);

    @Override
    public void render(final EventRecordView view, final CompactLine line)
    {
        line.open(CompactLine.RED);
        final EventValueCursor signal = RecordFields.find(view, SIGNAL_CODE);
        final byte[] name = signal == null ? null : LinuxNames.signal(signal.intValue());
        if (name != null)
        {
            line.put(name);
        }
        else
        {
            final EventValueCursor status = RecordFields.find(view, EXIT_CODE);
            line.number(status == null ? 0 : status.intValue());
        }
        line.close();
    }
}
