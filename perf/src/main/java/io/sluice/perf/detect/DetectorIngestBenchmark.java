package io.sluice.perf.detect;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.detect.DetectorSet;
import io.sluice.detect.yaml.YamlDetectors;
import io.sluice.filter.export.ExportFilters;
import io.sluice.policy.EventView;
import io.sluice.policy.PolicyCompiler;
import io.sluice.policy.PolicyDocument;
import io.sluice.policy.PolicySet;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.User;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ingest cost per event, as the ingest thread spends it, in one run: decode and match the policies (plain); the same
 * with every detector Sluice ships and 10 YAML detectors running (the policy names all their events); the same as plain
 * with a Tetragon {@code cel_expression} export filter. The events cycle through a {@code sched_process_exec} of
 * {@code /usr/bin/nc} (3 YAML detectors fire: a plain copy, a computed CEL field, a condition), an {@code openat}
 * of {@code /etc/shadow} (shadow_file_access and one YAML detector fire) and a {@code connect}. One operation = one
 * event; run with {@code -prof gc} for bytes per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DetectorIngestBenchmark
{
    private static final List<String> KERNEL = List.of("sched_process_exec", "openat", "connect");

    private final EventView view = new EventView(null);
    private final ExpandableArrayBuffer detection = new ExpandableArrayBuffer(4096);
    private PolicySet plainPolicies;
    private PolicySet detectorPolicies;
    private DetectorSet detectors;
    private PolicySet copyPolicies;
    private DetectorSet copyDetectors;
    private ExportFilters celFilter;
    private ExpandableArrayBuffer[] records;
    private int[] lengths;
    private int next;

    /** Write and load the YAML detectors, compile the policies and the filter, encode the events. */
    @Setup
    public void setup() throws IOException
    {
        final Path dir = Files.createTempDirectory("sluice-yaml-detectors");
        for (int i = 0; i < 10; i++)
        {
            Files.writeString(dir.resolve("d" + i + ".yaml"), detector(i, i));
        }
        final EventCatalog catalog = YamlDetectors.load(List.of(dir.toString()), EventCatalog.standard());
        plainPolicies = compile(catalog, KERNEL);
        detectorPolicies = compile(catalog, everyEvent(catalog));
        detectors = DetectorSet.wanted(catalog, detectorPolicies.eventIds());
        final Path copies = Files.createTempDirectory("sluice-yaml-copies");
        for (int i = 0; i < 10; i++)
        {
            Files.writeString(copies.resolve("d" + i + ".yaml"), detector(i % 5, i));
        }
        final EventCatalog copyCatalog = YamlDetectors.load(List.of(copies.toString()), EventCatalog.standard());
        copyPolicies = compile(copyCatalog, everyEvent(copyCatalog));
        copyDetectors = DetectorSet.wanted(copyCatalog, copyPolicies.eventIds());
        celFilter = new ExportFilters(ExportFilters.parse("--export-allowlist",
            "{\"cel_expression\":[\"process_exec.process.binary.endsWith('/nc') || "
                + "process_kprobe.args.exists(a, has(a.string_arg) && a.string_arg.startsWith('/etc/'))\"]}", catalog, new String[0]),
            List.of());
        final List<Event> events = List.of(
            event(catalog, "sched_process_exec", "nc", EventValue.newBuilder().setName("pathname").setStr("/usr/bin/nc").build()),
            event(catalog, "openat", "cat", EventValue.newBuilder().setName("dirfd").setInt32(-100).build(),
                EventValue.newBuilder().setName("pathname").setStr("/etc/shadow").build(),
                EventValue.newBuilder().setName("flags").setInt32(0).build(),
                EventValue.newBuilder().setName("returnValue").setInt64(3).build()),
            event(catalog, "connect", "curl", EventValue.newBuilder().setName("sockfd").setInt32(5).build()));
        records = new ExpandableArrayBuffer[events.size()];
        lengths = new int[events.size()];
        final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
        for (int i = 0; i < records.length; i++)
        {
            records[i] = new ExpandableArrayBuffer(1024);
            lengths[i] = encoder.encode(events.get(i), records[i], 0);
        }
        if (detectors.detectors().size() < 38)
        {
            throw new IllegalStateException("expected the shipped detectors and 10 YAML ones: " + detectors.detectors().size());
        }
    }

    /** @return the next event's policy bitmap. */
    @Benchmark
    public long plain()
    {
        final int i = next();
        return plainPolicies.match(view.wrap(records[i], 0, lengths[i]));
    }

    /** @return the next event's policy bitmap and the length of the detections it raised. */
    @Benchmark
    public long withDetectors()
    {
        final int i = next();
        long result = detectorPolicies.match(view.wrap(records[i], 0, lengths[i]));
        final int watching = detectors.watching(view.eventId());
        for (int k = 0; k < watching; k++)
        {
            if (k > 0)
            {
                view.wrap(records[i], 0, lengths[i]);
            }
            result += detectors.detect(k, view, detection);
        }
        return result;
    }

    /**
     * As {@link #withDetectors}, the 10 YAML detectors' outputs all plain copies and without conditions (5 detectors,
     * twice over).
     *
     * @return the next event's policy bitmap and the length of the detections it raised.
     */
    @Benchmark
    public long withCopyDetectors()
    {
        final int i = next();
        long result = copyPolicies.match(view.wrap(records[i], 0, lengths[i]));
        final int watching = copyDetectors.watching(view.eventId());
        for (int k = 0; k < watching; k++)
        {
            if (k > 0)
            {
                view.wrap(records[i], 0, lengths[i]);
            }
            result += copyDetectors.detect(k, view, detection);
        }
        return result;
    }

    /** @return the next event's policy bitmap, and whether the cel_expression filter keeps it. */
    @Benchmark
    public long withCelExportFilter()
    {
        final int i = next();
        final long matched = plainPolicies.match(view.wrap(records[i], 0, lengths[i]));
        return celFilter.keep(view) ? matched : -matched;
    }

    private int next()
    {
        final int i = next;
        next = i == records.length - 1 ? 0 : i + 1;
        return i;
    }

    private static List<String> everyEvent(final EventCatalog catalog)
    {
        final List<String> all = new ArrayList<>(KERNEL);
        for (final EventDefinition event : catalog.events())
        {
            if (event.id() >= EventCatalog.FIRST_DETECTOR_ID)
            {
                all.add(event.name());
            }
        }
        return all;
    }

    private static PolicySet compile(final EventCatalog catalog, final List<String> events)
    {
        final List<PolicyDocument.Rule> rules = new ArrayList<>();
        events.forEach(event -> rules.add(new PolicyDocument.Rule("spec.rules", event, List.of())));
        return new PolicyCompiler(catalog).compile(List.of(new PolicyDocument("bench", "bench.yaml", List.of("global"), rules)));
    }

    /** YAML detector {@code n} of kind {@code i}: filters with plain-copy output (0-4), a computed CEL field (5-7), a condition (8-9). */
    private static String detector(final int i, final int n)
    {
        final boolean open = i == 2 || i == 7;
        final String event = open ? "openat" : "sched_process_exec";
        final String path = i == 0 || i == 5 || i == 8 ? "/usr/bin/nc" : i == 2 ? "/etc/shadow" : open ? "/etc/other" : "/opt/tool" + i;
        final String expression = i < 5 ? "getEventData(\"pathname\")" : i < 8 ? "upper(basename(getEventData(\"pathname\")))"
            : "workload.process.executable.path";
        final String condition = i >= 8 ? "conditions:\n  - workload.process.thread.name != \"sshd\"\n" : "";
        return "type: detector\nid: bench-" + n + "\nproduced_event:\n  name: bench_detector_" + n + "\n  version: 1.0.0\n"
            + "  description: bench\n  fields:\n    - name: path\n      type: string\n"
            + "requirements:\n  events:\n    - name: " + event + "\n      data_filters:\n        - pathname=" + path + "\n"
            + "threat:\n  severity: high\n  description: bench\n" + condition
            + "auto_populate:\n  threat: true\n  detected_from: true\n"
            + "output:\n  fields:\n    - name: path\n      expression: " + expression + "\n";
    }

    private static Event event(final EventCatalog catalog, final String name, final String comm, final EventValue... data)
    {
        return Event.newBuilder().setIdValue(catalog.byName(name).id()).setWorkload(Workload.newBuilder().setProcess(
            Process.newBuilder().setThread(Thread.newBuilder().setName(comm).setSyscall(name))
                .setHostPid(UInt32Value.newBuilder().setValue(4242)).setPid(UInt32Value.newBuilder().setValue(4242))
                .setRealUser(User.newBuilder().setId(UInt32Value.newBuilder().setValue(1000)))
                .setExecutable(Executable.newBuilder().setPath("/usr/bin/" + comm))))
            .addAllData(List.of(data)).build();
    }
}
