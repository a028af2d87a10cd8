package io.sluice.perf.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.json.EventJsonWriter;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.format.gotemplate.GoTemplate;
import io.sluice.format.gotemplate.GoTemplateFormatter;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code gotemplate} format on seed 003's templates against the JSON writer, on the same 512 synthetic records in
 * the same order and in the same run: {@code template} picks the three-field line, the "After" template, the one with
 * {@code define}, or the data-access one; {@code locate} is what both pay first (locating the record). Score: ns per
 * event; with {@code -prof gc}, bytes allocated per event.
 * <pre>
 * java -jar perf/target/benchmarks.jar GoTemplateBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseParallelGC"})
public class GoTemplateBenchmark
{
    private static final String[] POLICIES = {"default-policy", "sensitive-files", "network-egress"};
    private static final int EVENTS = 512;
    private static final Map<String, String> TEMPLATES = Map.of(
        "threeFields", "{{.name}} {{.workload.process.pid.value}} {{.timestamp.seconds}}\n",
        "after", "Event: {{.name}}\nProcess: {{if .workload}}{{if .workload.process}}{{if .workload.process.thread}}"
            + "{{.workload.process.thread.name}}{{end}}{{end}}{{end}} (PID: {{if .workload}}{{if .workload.process}}"
            + "{{if .workload.process.pid}}{{.workload.process.pid.value}}{{end}}{{end}}{{end}})\n"
            + "Time: {{if .timestamp}}{{.timestamp.seconds}}{{end}}\n{{range .data}}\n  {{.name}}: {{.value}}\n{{end}}\n",
        "define", "{{- define \"processName\" -}}\n{{- if and .workload .workload.process .workload.process.thread -}}\n"
            + "{{.workload.process.thread.name}}\n{{- else -}}\n<unknown>\n{{- end -}}\n{{- end -}}\n\n"
            + "{{- define \"pid\" -}}\n{{- if and .workload .workload.process .workload.process.pid -}}\n"
            + "{{.workload.process.pid.value}}\n{{- else -}}\n0\n{{- end -}}\n{{- end -}}\n\n"
            + "Event: {{.name}}\nProcess: {{template \"processName\" .}} (PID: {{template \"pid\" .}})\n"
            + "Time: {{.timestamp.seconds}}.{{.timestamp.nanos}}\n{{range .data}}\n  {{.name}}: {{.value}}\n{{end}}\n",
        "dataAccess", "{{range .data}}\n  {{if eq .name \"pathname\"}}\n    File: {{.str}}\n  {{else if eq .name \"fd\"}}\n"
            + "    FD: {{.int32}}\n  {{else if eq .name \"count\"}}\n    Count: {{.u_int64}}\n  {{end}}\n{{end}}\n");

    /** Which of seed 003's templates. */
    @Param({"threeFields", "after", "define", "dataAccess"})
    public String template;

    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(8192);
    private GoTemplateFormatter formatter;
    private EventJsonWriter json;
    private final EventRecordView view = new EventRecordView();
    private final CpuPerEvent cpu = new CpuPerEvent();
    private UnsafeBuffer[] records;
    private int next;

    /**
     * Parse the template and render every record once with both.
     */
    @Setup
    public void setUp()
    {
        final EventCatalog catalog = EventCatalog.standard();
        formatter = new GoTemplateFormatter(GoTemplate.parse(template,
            TEMPLATES.get(template).getBytes(StandardCharsets.UTF_8)), catalog, POLICIES);
        json = new EventJsonWriter(catalog);
        json.policyNames(POLICIES);
        records = SyntheticRecords.first(catalog, EVENTS);
        for (final UnsafeBuffer record : records)
        {
            formatter.format(record, 0, record.capacity(), out, 0);
            json.write(record, 0, record.capacity(), out, 0);
        }
    }

    /**
     * Start counting the iteration's events and CPU time.
     */
    @Setup(Level.Iteration)
    public void startIteration()
    {
        cpu.start();
    }

    /**
     * Print the iteration's CPU time per event: it stays put when other work shares the cores and the score does not.
     *
     * @param params which benchmark this is.
     */
    @TearDown(Level.Iteration)
    public void endIteration(final BenchmarkParams params)
    {
        cpu.print(params, template);
    }

    /**
     * @return bytes the template rendered for the next record.
     */
    @Benchmark
    public int goTemplate()
    {
        final UnsafeBuffer record = nextRecord();
        return formatter.format(record, 0, record.capacity(), out, 0);
    }

    /**
     * @return bytes of JSON for the next record (the same for every {@code template}: the baseline of the run).
     */
    @Benchmark
    public int json()
    {
        final UnsafeBuffer record = nextRecord();
        return json.write(record, 0, record.capacity(), out, 0);
    }

    /**
     * @return the presence bits of the next record, located as both renderings locate it first: the floor under both.
     */
    @Benchmark
    public int locate()
    {
        final UnsafeBuffer record = nextRecord();
        return view.wrap(record, 0, record.capacity()).presence();
    }

    private UnsafeBuffer nextRecord()
    {
        cpu.count();
        final UnsafeBuffer record = records[next];
        next = next + 1 == records.length ? 0 : next + 1;
        return record;
    }
}
