package io.sluice.filter.export;

import io.sluice.filter.lineage.LineageMarker;
import io.sluice.filter.redact.RedactionFilters;
import io.sluice.policy.EventView;
import io.sluice.policy.TestEvent;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Export filters with every regular expression field (the lineage fields answered first, as the ingest thread does),
 * and redaction, allocate nothing per event once the events' texts have been seen (non-ASCII and ill-formed paths included),
 * and give the same verdicts as the first time.
 */
class ExportFilterAllocationTest
{
    private static final int ROUNDS = 50_000;
    private static final long SLACK_BYTES = 4096;

    @Test
    void everyRegexFieldAndRedactionAllocateNothingPerEvent()
    {
        final String[] policies = {};
        final ExportFilters filters = new ExportFilters(
            ExportFilters.parse("--export-allowlist", String.join("\n",
                "{\"event_set\": [\"sched_process_exec\"], \"binary_regex\": [\"^/usr/bin/\", \"données\"], \"arguments_regex\": [\"--verbose|é\"]}",
                "{\"parent_binary_regex\": [\"bash$\"], \"ancestor_binary_regex\": [\"init$\"], \"container_name_regex\": [\"^space\"]}",
                "{\"pod_regex\": [\"^xw\"], \"container_id\": [\"^551e\"]}"), TestEvent.CATALOG, policies),
            ExportFilters.parse("--export-denylist", "{\"binary_regex\": [\"(?:^|/)sshd$\"]}", TestEvent.CATALOG, policies));
        final RedactionFilters redactions = new RedactionFilters(RedactionFilters.parse("--redaction-filters",
            "{\"redact\": [\"--password(?:\\\\s+|=)(\\\\S*)\"]}\n{\"binary_regex\": [\"curl$\"], \"redact\": [\"-p(?:\\\\s+|=)(\\\\S*)\"]}"));
        final List<TestEvent> events = List.of(
            TestEvent.of("sched_process_exec").exe("/usr/bin/app").argv("app", "--verbose", "--password=hunter2"),
            TestEvent.of("sched_process_exec").exe("/opt/données/app").argv("app", "--user=é"),
            TestEvent.of("sched_process_exec").exe("/usr/sbin/sshd").argv("sshd", "-D"),
            TestEvent.of("execve").pid(500).exe("/usr/bin/curl").container("551e161c47d8").containerName("spaceship")
                .pod("default", "xwing").ancestor(400, "/bin/bash").ancestor(1, "/sbin/init").argv("curl", "-p", "s3cr3t", "ébpf.io"),
            TestEvent.of("openat").exe("/usr/bin/cat").ancestor(400, "/bin/bash").ancestor(1, "/sbin/init").container("c0ffee")
                .containerName("space😀")
                .str("pathname", "/etc/hosts"),
            TestEvent.of("openat").exe("/tmp/\u00ff\u00fe").str("pathname", "/etc/hosts"));
        final ExpandableArrayBuffer[] records = new ExpandableArrayBuffer[events.size()];
        final int[] lengths = new int[events.size()];
        final int[] length = new int[1];
        for (int i = 0; i < records.length; i++)
        {
            records[i] = events.get(i).record(length);
            lengths[i] = length[0];
        }
        final boolean[] expected = {true, true, false, true, true, false};
        final EventView view = new EventView(null);
        final LineageMarker lineage = LineageMarker.assign(filters.lineageConditions());
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer(4096);
        long checksum = 0;
        for (int round = 0; round < ROUNDS; round++)
        {
            checksum += once(filters, lineage, redactions, view, records, lengths, out, expected);
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(threadId);
        for (int round = 0; round < ROUNDS; round++)
        {
            checksum += once(filters, lineage, redactions, view, records, lengths, out, expected);
        }
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;
        assertTrue(checksum > 0);
        assertTrue(allocated < SLACK_BYTES, "allocated " + allocated + " bytes over " + ROUNDS * records.length + " events");
    }

    private static long once(final ExportFilters filters, final LineageMarker lineage, final RedactionFilters redactions,
        final EventView view,
        final ExpandableArrayBuffer[] records, final int[] lengths, final ExpandableArrayBuffer out, final boolean[] expected)
    {
        long checksum = 0;
        for (int i = 0; i < records.length; i++)
        {
            view.wrap(records[i], 0, lengths[i]);
            lineage.mark(view);
            final boolean kept = filters.keep(view);
            if (kept != expected[i])
            {
                assertEquals(expected[i], kept, "event " + i);
            }
            if (kept)
            {
                checksum += 1 + redactions.redact(view, out);
            }
        }
        return checksum;
    }
}
