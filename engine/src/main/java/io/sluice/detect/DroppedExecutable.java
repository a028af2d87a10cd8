package io.sluice.detect;

import io.sluice.codec.sbe.EventRecordWriter;
import io.sluice.codec.sbe.ValueType;
import io.sluice.policy.EventView;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tracee's TRC-1022 {@code dropped_executable}: in a started container, an ELF file is written to disk (a
 * {@code magic_write} whose bytes start with the ELF magic), outside memory paths ({@code memfd:}, {@code /dev/shm/},
 * {@code /run/shm/}). Container images carry the binaries they need; one dropped at run time may be an intruder's.
 * Its events carry the written file as {@code path}, as Tracee's do.
 * <p>
 * Differs from Tracee only as {@code magic_write} does: it is derived from the write syscalls at offset 0 (see
 * docs/sensor.md), so a file written by {@code splice} or through a memory mapping is not seen.
 */
public final class DroppedExecutable implements Detector
{
    private static final byte[][] MEMORY_PATHS = FileAccess.utf8("memfd:", "/run/shm/", "/dev/shm/");
    private static final Threat THREAT = Threat.of("TRC-1022",
        "New executable dropped",
        "An Executable file was dropped in the system during runtime. Container images are usually built with all " +
        "binaries needed inside. A dropped binary may indicate that an adversary infiltrated your container.",
        Threat.MEDIUM, "Defense Evasion", "T1036", "Masquerading", "defense-evasion");

    private final PathField path = new PathField();

    @Override
    public String eventName()
    {
        return "dropped_executable";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("magic_write");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        if (!event.containerRunning() || !MagicWrites.elf(event))
        {
            return false;
        }
        final int index = MagicWrites.path(event);
        return index >= 0 && !startsWithAny(event.dataValue(index), event.dataValueLength(index));
    }

    @Override
    public DetectionFields fields()
    {
        return path;
    }

    private static boolean startsWithAny(final byte[] text, final int length)
    {
        for (final byte[] prefix : MEMORY_PATHS)
        {
            if (length >= prefix.length && ByteSearch.regionEquals(text, length, 0, prefix))
            {
                return true;
            }
        }
        return false;
    }

    /** The detection's one data entry, {@code path}: the trigger's {@code pathname}, copied (ingest thread only). */
    private static final class PathField implements DetectionFields
    {
        private static final byte[] NAME = "path".getBytes(StandardCharsets.UTF_8);
        private final UnsafeBuffer name = new UnsafeBuffer(NAME);
        private final UnsafeBuffer value = new UnsafeBuffer(new byte[0]);
        private int length;

        @Override
        public int compute(final EventView trigger)
        {
            final int index = MagicWrites.path(trigger);
            length = trigger.dataValueLength(index);
            value.wrap(trigger.dataValue(index));
            return 1;
        }

        @Override
        public void write(final EventRecordWriter out)
        {
            out.dataEntry(ValueType.STR.value(), 0, name, 0, NAME.length, value, 0, length);
        }
    }
}
