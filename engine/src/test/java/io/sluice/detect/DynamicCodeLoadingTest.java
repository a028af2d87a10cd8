package io.sluice.detect;

import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Severity;
import io.sluice.proto.v1beta1.UInt32Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.sluice.detect.Detections.assertTracee;
import static io.sluice.detect.Detections.event;
import static io.sluice.detect.Detections.int32;
import static io.sluice.detect.Detections.int64;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tracee's {@code dynamic_code_loading}: writable memory made executable and not writable (code written, then run);
 * memory that was never writable, that stays writable, that was unmapped, or another process's, is not.
 */
class DynamicCodeLoadingTest
{
    private static final int READ = 1;
    private static final int WRITE = 2;
    private static final int EXEC = 4;
    private static final long REGION = 0x7f00_0000_0000L;

    private static EventValue u64(final String name, final long value)
    {
        return EventValue.newBuilder().setName(name).setUInt64(value).build();
    }

    private static Event.Builder mmap(final int prot)
    {
        return event("mmap", u64("addr", 0), u64("length", 4096), int32("prot", prot), int32("flags", 0x22), int32("fd", -1),
            int64("off", 0), int64("returnValue", REGION));
    }

    private static Event.Builder mprotect(final int prot)
    {
        return event("mprotect", u64("addr", REGION), u64("len", 4096), int32("prot", prot), int64("returnValue", 0));
    }

    private static List<Event> run(final Event.Builder... events)
    {
        final Detections.Run run = new Detections.Run("dynamic_code_loading");
        final List<Event> detections = new ArrayList<>();
        for (final Event.Builder event : events)
        {
            detections.addAll(run.detections(event));
        }
        return detections;
    }

    @Test
    void writableMemoryMadeExecutableIsDetected()
    {
        final List<Event> detections = run(mmap(READ | WRITE), mprotect(READ | EXEC));
        assertEquals(1, detections.size());
        assertTracee(detections.get(0), "dynamic_code_loading", "TRC-104", Severity.MEDIUM, "Defense Evasion", "T1027.002",
            "Software Packing", "defense-evasion");
        assertEquals("mprotect", detections.get(0).getDetectedFrom().getName());
        assertEquals(1, run(mmap(READ), mprotect(READ | WRITE), mprotect(READ | WRITE | EXEC), mprotect(EXEC)).size(),
            "writable through mprotect, then executable only once");
    }

    @Test
    void memoryThatWasNotWritableOrStaysWritableIsNot()
    {
        assertEquals(List.of(), run(mmap(READ), mprotect(READ | EXEC)), "never writable");
        assertEquals(List.of(), run(mmap(READ | WRITE), mprotect(READ | WRITE | EXEC)), "still writable");
        assertEquals(List.of(), run(mmap(READ | WRITE), event("munmap", u64("addr", REGION), u64("length", 4096),
            int64("returnValue", 0)), mprotect(READ | EXEC)), "unmapped");
        final Event.Builder other = mprotect(READ | EXEC);
        other.getWorkloadBuilder().getProcessBuilder().setHostPid(UInt32Value.newBuilder().setValue(99));
        assertEquals(List.of(), run(mmap(READ | WRITE), other), "another process's memory");
        assertEquals(List.of(), run(mmap(READ | WRITE), mprotect(READ), mprotect(READ | EXEC)), "made read-only first");
    }
}
