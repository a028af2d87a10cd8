package io.sluice.detect;

import com.google.protobuf.ByteString;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.sluice.detect.Detections.assertTracee;
import static io.sluice.detect.Detections.detect;
import static io.sluice.detect.Detections.detections;
import static io.sluice.detect.Detections.event;
import static io.sluice.detect.Detections.inContainer;
import static io.sluice.detect.Detections.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Tracee's detectors of {@code magic_write} (the first bytes written at offset 0 of a file): an ELF file dropped in a
 * container, and an ELF file written to a hidden path. Each trigger raises exactly one detection with Tracee's
 * metadata; each near miss none.
 */
class MagicWriteDetectorsTest
{
    private static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0};
    private static final byte[] SCRIPT = "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII);

    private static Event.Builder magicWrite(final String path, final byte[] bytes)
    {
        return event("magic_write", str("pathname", path),
            EventValue.newBuilder().setName("bytes").setBytes(ByteString.copyFrom(bytes)).build());
    }

    @Test
    void droppedExecutableIsAnElfWrittenInAStartedContainer()
    {
        final List<Event> raised = detections("dropped_executable", inContainer(magicWrite("/usr/local/bin/miner", ELF)));
        assertEquals(1, raised.size());
        assertTracee(raised.get(0), "dropped_executable", "TRC-1022", Severity.MEDIUM, "Defense Evasion", "T1036", "Masquerading",
            "defense-evasion");
        assertEquals(List.of(str("path", "/usr/local/bin/miner")), raised.get(0).getDataList(), "the file, as Tracee's path field");
    }

    @Test
    void droppedExecutableNearMisses()
    {
        assertNull(detect("dropped_executable", magicWrite("/usr/local/bin/miner", ELF)), "on the host: not in a container");
        assertNull(detect("dropped_executable", inContainer(magicWrite("/usr/local/bin/run.sh", SCRIPT))), "not an ELF file");
        assertNull(detect("dropped_executable", inContainer(magicWrite("/dev/shm/x", ELF))), "a memory path");
        assertNull(detect("dropped_executable", inContainer(magicWrite("memfd:payload", ELF))), "a memory file");
        assertNull(detect("dropped_executable", inContainer(magicWrite("/tmp/short", new byte[]{0x7f, 'E', 'L'}))),
            "three bytes are not the magic");
    }

    @Test
    void hiddenFileCreatedIsAnElfWrittenUnderADotName()
    {
        final List<Event> raised = detections("hidden_file_created", magicWrite("/tmp/.cache/x", ELF));
        assertEquals(1, raised.size());
        assertTracee(raised.get(0), "hidden_file_created", "TRC-1015", Severity.MEDIUM, "Defense Evasion", "T1564.001",
            "Hidden Files and Directories", "defense-evasion");
        assertEquals(1, detections("hidden_file_created", magicWrite("/home/u/.x", ELF)).size(), "a dot file");
        assertEquals(1, detections("hidden_file_created", inContainer(magicWrite("/.hidden", ELF))).size(), "in a container too");
    }

    @Test
    void hiddenFileCreatedNearMisses()
    {
        assertNull(detect("hidden_file_created", magicWrite("/tmp/cache/x", ELF)), "not hidden");
        assertNull(detect("hidden_file_created", magicWrite("/tmp/.cache/x.sh", SCRIPT)), "hidden, but not an ELF file");
        assertNull(detect("hidden_file_created", magicWrite("/tmp/a.b/x", ELF)), "a dot inside a name hides nothing");
    }
}
