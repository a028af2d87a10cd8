package io.sluice.perf.filter;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.filter.export.ExportFilters;
import io.sluice.filter.field.FieldFilters;
import io.sluice.filter.lineage.LineageMarker;
import io.sluice.filter.redact.RedactionFilters;
import io.sluice.policy.EventView;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.StringArray;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tetragon's export filters at ingest, per event: decode once, the lineage fields answered (the arguments regex),
 * allowlist (two objects: an event set with a binary regex, an arguments regex), denylist (a binary regex), redaction ({@code --password})
 * and a field filter
 * (EXCLUDE of ancestors and thread). Events cycle through an exec carrying a password (redacted), an exec without
 * one, and an {@code openat}. {@code secrets=false} replaces the password exec by a plain one, showing the cost
 * without any redaction (which rewrites the arguments). {@code distinct=4096} cycles through that many variants of
 * the three (executables and arguments of their own), more than the filters' caches hold. Run with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExportFilterBenchmark
{
    /** Whether one event in three carries a password to redact. */
    @Param({"true", "false"})
    public boolean secrets;

    /**
     * How many variants of the three events (each with its own executable and arguments) the benchmark cycles
     * through: 1 repeats the same three, so after the first round every text is in the filters' caches; 4096 is
     * more texts than they hold, so every regular expression runs (the cost of a cache miss).
     */
    @Param({"1"})
    public int distinct;

    private final EventView view = new EventView(null);
    private final ExpandableArrayBuffer redacted = new ExpandableArrayBuffer(4096);
    private final ExpandableArrayBuffer masked = new ExpandableArrayBuffer(4096);
    private ExportFilters exportFilters;
    private LineageMarker lineage;
    private RedactionFilters redactions;
    private FieldFilters fieldFilters;
    private ExpandableArrayBuffer[] records;
    private int[] lengths;
    private int next;

    /** Compile the filters and encode the events. */
    @Setup
    public void setup()
    {
        final EventCatalog catalog = EventCatalog.standard();
        final String[] policies = {};
        exportFilters = new ExportFilters(
            ExportFilters.parse("--export-allowlist", "{\"event_set\": [\"sched_process_exec\", \"openat\"], \"binary_regex\": [\"^/usr/bin/\"]}\n"
                + "{\"arguments_regex\": [\"--verbose\"]}", catalog, policies),
            ExportFilters.parse("--export-denylist", "{\"binary_regex\": [\"(?:^|/)sshd$\"]}", catalog, policies));
        lineage = LineageMarker.assign(exportFilters.lineageConditions());
        redactions = new RedactionFilters(RedactionFilters.parse("--redaction-filters", "{\"redact\": [\"--password(?:\\\\s+|=)(\\\\S*)\"]}"));
        fieldFilters = new FieldFilters(FieldFilters.parse("--field-filters",
            "{\"fields\": \"workload.process.ancestors,workload.process.thread\", \"action\": \"EXCLUDE\"}", catalog), catalog);
        final List<Event> events = new ArrayList<>();
        for (int v = 0; v < distinct; v++)
        {
            final String suffix = v == 0 ? "" : "-" + v;
            events.add(exec(catalog, "/usr/bin/app" + suffix, secrets ? "--password=hunter2" + suffix : "--user=alice" + suffix));
            events.add(exec(catalog, "/usr/bin/app" + suffix, "--verbose" + suffix));
            events.add(Event.newBuilder().setIdValue(catalog.byName("openat").id()).setWorkload(workload("/usr/bin/cat" + suffix))
                .addData(EventValue.newBuilder().setName("pathname").setStr("/etc/hosts")).build());
        }
        records = new ExpandableArrayBuffer[events.size()];
        lengths = new int[events.size()];
        final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
        for (int i = 0; i < records.length; i++)
        {
            records[i] = new ExpandableArrayBuffer(1024);
            lengths[i] = encoder.encode(events.get(i), records[i], 0);
        }
    }

    /** @return the length of what would be published (0 when dropped). */
    @Benchmark
    public int filterOneEvent()
    {
        final int i = next;
        next = i == records.length - 1 ? 0 : i + 1;
        view.wrap(records[i], 0, lengths[i]);
        lineage.mark(view);
        if (!exportFilters.keep(view))
        {
            return 0;
        }
        final int redactedLength = redactions.redact(view, redacted);
        final int maskedLength = redactedLength > 0 ?
            fieldFilters.apply(view.eventId(), redacted, 0, masked) : fieldFilters.apply(view, masked);
        return maskedLength > 0 ? maskedLength : lengths[i];
    }

    private static Event exec(final EventCatalog catalog, final String exe, final String argument)
    {
        return Event.newBuilder().setIdValue(catalog.byName("sched_process_exec").id()).setWorkload(workload(exe))
            .addData(EventValue.newBuilder().setName("pathname").setStr(exe))
            .addData(EventValue.newBuilder().setName("argv").setStrArray(StringArray.newBuilder().addAllValue(
                List.of("app", "--config=/etc/app.conf", argument, "serve"))))
            .build();
    }

    private static Workload workload(final String exe)
    {
        return Workload.newBuilder().setProcess(Process.newBuilder().setThread(Thread.newBuilder().setName("app"))
            .setPid(UInt32Value.newBuilder().setValue(4242)).setExecutable(Executable.newBuilder().setPath(exe))).build();
    }
}
