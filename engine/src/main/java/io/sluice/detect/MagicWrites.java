package io.sluice.detect;

import io.sluice.policy.EventView;

import java.nio.charset.StandardCharsets;

/**
 * What Tracee's detectors read of a {@code magic_write} (the first bytes written at offset 0 of a file): whether they
 * start with the ELF magic ({@code elf.IsElf}: {@code 7f 45 4c 46}) and the path written.
 */
final class MagicWrites
{
    static final byte[] PATHNAME = "pathname".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BYTES = "bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

    private MagicWrites()
    {
    }

    /**
     * @param event a {@code magic_write}.
     * @return true when the bytes written start with the ELF magic.
     */
    static boolean elf(final EventView event)
    {
        final int bytes = event.dataIndex(BYTES);
        return bytes >= 0 && event.dataValueLength(bytes) >= ELF_MAGIC.length &&
            ByteSearch.regionEquals(event.dataValue(bytes), event.dataValueLength(bytes), 0, ELF_MAGIC);
    }

    /**
     * @param event a {@code magic_write}.
     * @return the index of its {@code pathname}, or -1.
     */
    static int path(final EventView event)
    {
        return event.dataIndex(PATHNAME);
    }
}
