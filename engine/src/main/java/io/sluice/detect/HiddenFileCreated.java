package io.sluice.detect;

import io.sluice.policy.EventView;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tracee's TRC-1015 {@code hidden_file_created}: an ELF file is written to a hidden path (one with a {@code /.} in it,
 * a dot file or a file under a dot directory), a way to keep a program out of sight.
 * <p>
 * Differs from Tracee only as {@code magic_write} does (derived from the write syscalls at offset 0).
 */
public final class HiddenFileCreated implements Detector
{
    private static final byte[] HIDDEN = "/.".getBytes(StandardCharsets.UTF_8);
    private static final Threat THREAT = Threat.of("TRC-1015",
        "Hidden executable creation detected",
        "A hidden executable (ELF file) was created on disk. This activity could be legitimate; however, it could " +
        "indicate that an adversary is trying to avoid detection by hiding their programs.",
        Threat.MEDIUM, "Defense Evasion", "T1564.001", "Hidden Files and Directories", "defense-evasion");

    @Override
    public String eventName()
    {
        return "hidden_file_created";
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
        final int path = MagicWrites.path(event);
        return path >= 0 && MagicWrites.elf(event) &&
            ByteSearch.indexOf(event.dataValue(path), event.dataValueLength(path), HIDDEN, 0) >= 0;
    }
}
