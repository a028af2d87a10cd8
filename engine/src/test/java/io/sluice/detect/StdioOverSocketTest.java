package io.sluice.detect;

import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.SaFamilyT;
import io.sluice.proto.v1beta1.Severity;
import io.sluice.proto.v1beta1.SockAddr;
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
 * Tracee's {@code stdio_over_socket}: a reverse shell's standard input or output becomes a connected internet socket,
 * connected as fd 0-2 or duplicated there; other fds, port 0, Unix sockets, closed fds and other processes are not.
 */
class StdioOverSocketTest
{
    private static Event.Builder connect(final int fd, final SockAddr.Builder address, final long result)
    {
        return event("connect", int32("sockfd", fd), EventValue.newBuilder().setName("addr").setSockaddr(address).build(),
            int64("returnValue", result));
    }

    private static SockAddr.Builder inet(final int port)
    {
        return SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_INET).setSinAddr("192.0.2.7").setSinPort(port);
    }

    private static Event.Builder dup2(final int oldfd, final int newfd)
    {
        return event("dup2", int32("oldfd", oldfd), int32("newfd", newfd), int64("returnValue", newfd));
    }

    private static Event.Builder close(final int fd)
    {
        return event("close", int32("fd", fd), int64("returnValue", 0));
    }

    private static Event.Builder ofProcess(final int hostPid, final Event.Builder event)
    {
        event.getWorkloadBuilder().getProcessBuilder().setHostPid(UInt32Value.newBuilder().setValue(hostPid));
        return event;
    }

    private static List<Event> run(final Event.Builder... events)
    {
        final Detections.Run run = new Detections.Run("stdio_over_socket");
        final List<Event> detections = new ArrayList<>();
        for (final Event.Builder event : events)
        {
            detections.addAll(run.detections(event));
        }
        return detections;
    }

    @Test
    void aSocketConnectedAsStandardInputIsDetected()
    {
        final List<Event> detections = run(connect(0, inet(4444), 0));
        assertEquals(1, detections.size());
        assertTracee(detections.get(0), "stdio_over_socket", "TRC-101", Severity.HIGH, "Execution", "T1059.004", "Unix Shell",
            "execution");
    }

    @Test
    void aConnectedSocketDuplicatedOntoStandardOutputIsDetected()
    {
        assertEquals(List.of("dup2"), run(connect(3, inet(4444), -115), dup2(3, 1)).stream()
            .map(e -> e.getDetectedFrom().getName()).toList());
        assertEquals(2, run(connect(3, inet(4444), 0), dup2(3, 1), dup2(1, 0)).size(), "followed from fd 1 to fd 0");
        assertEquals(1, run(connect(3, inet(4444), 0), event("dup3", int32("oldfd", 3), int32("newfd", 2), int32("flags", 0),
            int64("returnValue", 2))).size());
    }

    @Test
    void otherSocketsFdsAndProcessesAreNot()
    {
        assertEquals(List.of(), run(connect(0, inet(0), 0)), "port 0");
        assertEquals(List.of(), run(connect(0, SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_UNIX).setSunPath("/run/x.sock"), 0)));
        assertEquals(List.of(), run(connect(0, inet(4444), -111)), "refused");
        assertEquals(List.of(), run(connect(3, inet(4444), 0), dup2(3, 5)), "not standard input or output");
        assertEquals(List.of(), run(connect(3, inet(4444), 0), close(3), dup2(3, 1)), "closed, the fd is something else now");
        assertEquals(List.of(), run(connect(3, inet(4444), 0), ofProcess(99, dup2(3, 1))), "another process's fd 3");
        assertEquals(List.of(), run(connect(3, inet(4444), 0), dup2(4, 1), dup2(1, 0)), "fd 1 was replaced by a non-socket");
    }
}
