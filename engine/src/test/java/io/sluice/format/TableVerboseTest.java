package io.sluice.format;

import io.sluice.proto.v1beta1.Event;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.sluice.format.TableFormatterTest.TIME;
import static io.sluice.format.TableFormatterTest.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code table-verbose} prints the columns of Tracee's last release with it (v0.24.1): UTS_NAME, CONTAINER_ID,
 * MNT_NS, PID_NS, PPID and RET beside the table's, the return value in RET rather than among the arguments, and
 * the event name whole.
 */
class TableVerboseTest
{
    private static final String ARGS = "dirfd: -100, pathname: /etc/nginx/nginx.conf, flags: 0";

    private static UnsafeBuffer sensorRecord(final Event event)
    {
        return Records.withKernelContext(Records.record(event), 0, "web-1", 4_026_531_840L, 4_026_531_836L);
    }

    @Test
    void headersAreTraceesVerboseColumns()
    {
        assertEquals(String.format("%-16s %-17s %-13s %-12s %-12s %-6s %-16s %-7s %-7s %-7s %-16s %-25s %s%n", "TIME",
            "UTS_NAME", "CONTAINER_ID", "MNT_NS", "PID_NS", "UID", "COMM", "PID", "TID", "PPID", "RET", "EVENT", "ARGS"),
            new String(new TableFormatter(Records.CATALOG, TableLayout.verbose(false)).preamble(), StandardCharsets.US_ASCII));
        assertEquals(String.format("%-16s %-17s %-13s %-12s %-12s %-6s %-16s %-15s %-15s %-15s %-16s %-25s %s%n", "TIME",
            "UTS_NAME", "CONTAINER_ID", "MNT_NS", "PID_NS", "UID", "COMM", "PID/host", "TID/host", "PPID/host", "RET", "EVENT",
            "ARGS"), new String(new TableFormatter(Records.CATALOG, TableLayout.verbose(true)).preamble(),
            StandardCharsets.US_ASCII));
    }

    @Test
    void aHostRowHasTheSensorsContextAndTheReturnValueInRet()
    {
        final TableFormatter verbose = new TableFormatter(Records.CATALOG, TableLayout.verbose(false));
        final Event event = open(Records.event("openat", 77, "nginx", "/usr/sbin/nginx")).build();
        assertEquals(String.format("%-16s %-17s %-13s %-12d %-12d %-6s %-16s %-7d %-7d %-7d %-16d %-25s %s", TIME, "web-1", "",
            4_026_531_840L, 4_026_531_836L, "1000", "nginx", 77, 77, 1, 7, "openat", ARGS),
            Records.render(verbose, sensorRecord(event)));
        // a record rebuilt from protobuf knows no UTS name or namespaces; an event without a return value has RET 0
        final Event exec = Records.event("sched_process_exec", 77, "nginx", "/usr/sbin/nginx")
            .addData(Records.str("pathname", "/usr/sbin/nginx")).build();
        assertEquals(String.format("%-16s %-17s %-13s %-12d %-12d %-6s %-16s %-7d %-7d %-7d %-16d %-25s %s", TIME, "", "", 0, 0,
            "1000", "nginx", 77, 77, 1, 0, "sched_process_exec", "pathname: /usr/sbin/nginx"),
            Records.render(verbose, Records.record(exec)));
    }

    @Test
    void aContainerRowHasTheContainerAndHostIds()
    {
        final TableFormatter verbose = new TableFormatter(Records.CATALOG, TableLayout.verbose(true));
        final Event event = Records.inContainer(open(Records.event("openat", 77, "nginx", "/usr/sbin/nginx"))).build();
        assertEquals(String.format("%-16s %-17s %-13s %-12d %-12d %-6s %-16s %-7d/%-7d %-7d/%-7d %-7d/%-7d %-16d %-25s %s", TIME,
            "web-1", "3f1c2a9b8d7e", 4_026_531_840L, 4_026_531_836L, "1000", "nginx", 77, 100_077, 77, 100_077, 1, 4242, 7,
            "openat", ARGS), Records.render(verbose, sensorRecord(event)));
        // without container mode the container id is there too, as in Tracee's verbose table
        assertTrue(Records.render(new TableFormatter(Records.CATALOG, TableLayout.verbose(false)), sensorRecord(event))
            .contains(" 3f1c2a9b8d7e  "));
    }

    @Test
    void theEventNameIsWholeAndAWideRowLeavesTheNextAligned()
    {
        final TableFormatter verbose = new TableFormatter(Records.CATALOG, TableLayout.verbose(false));
        final String header = new String(verbose.preamble(), StandardCharsets.US_ASCII);
        final String wide = Records.render(verbose, Records.record(Records.event("a_rather_long_event_name_for_tests",
            123_456_789, "comm", "/x").setIdValue(5000).addData(Records.int64("returnValue", -9_223_372_036_854_775_807L))
            .build()));
        assertTrue(wide.contains(" -9223372036854775807 a_rather_long_event_name_for_tests "), wide);
        final String next = Records.render(verbose, sensorRecord(open(Records.event("openat", 77, "nginx", "/x")).build()));
        assertEquals(header.indexOf("ARGS"), next.indexOf("dirfd: "));
        assertEquals(header.indexOf("EVENT"), next.indexOf("openat"));
        assertTrue(next.startsWith("7 ", header.indexOf("RET")), next);
        assertTrue(next.startsWith("1 ", header.indexOf("PPID")), next);
    }
}
