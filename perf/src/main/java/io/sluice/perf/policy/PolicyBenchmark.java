package io.sluice.perf.policy;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoEncoder;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Policy evaluation at ingest with 64 policies: decode the event once ({@link EventView#wrap}) and compute its
 * matched-policies bitmap ({@link PolicySet#match}), cycling through an {@code openat} of {@code /etc/shadow}, an
 * {@code execve} and a {@code connect} (no policy has a rule for it). The policies use every kind of scope and
 * filter: comm, uid, pid, executable with wildcards, not-container, mntns; data string wildcards, integer data,
 * retval, containerId. One operation = one event; run with {@code -prof gc} for bytes per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyBenchmark
{
    private final EventView view = new EventView(null);
    private PolicySet policies;
    private ExpandableArrayBuffer[] records;
    private int[] lengths;
    private int next;

    /** Compile the 64 policies and encode the events. */
    @Setup
    public void setup()
    {
        final EventCatalog catalog = EventCatalog.standard();
        policies = new PolicyCompiler(catalog).compile(sixtyFourPolicies());
        final List<Event> events = List.of(
            event(catalog, "openat", "cat", 1000, EventValue.newBuilder().setName("dirfd").setInt32(-100).build(),
                EventValue.newBuilder().setName("pathname").setStr("/etc/shadow").build(),
                EventValue.newBuilder().setName("flags").setInt32(0).build(),
                EventValue.newBuilder().setName("returnValue").setInt64(3).build()),
            event(catalog, "execve", "bash", 0, EventValue.newBuilder().setName("pathname").setStr("/usr/bin/ls").build(),
                EventValue.newBuilder().setName("returnValue").setInt64(0).build()),
            event(catalog, "connect", "curl", 1000, EventValue.newBuilder().setName("sockfd").setInt32(5).build()));
        records = new ExpandableArrayBuffer[events.size()];
        lengths = new int[events.size()];
        final EventProtoEncoder encoder = new EventProtoEncoder(catalog);
        for (int i = 0; i < records.length; i++)
        {
            records[i] = new ExpandableArrayBuffer(1024);
            lengths[i] = encoder.encode(events.get(i), records[i], 0);
        }
        if (policies.match(view.wrap(records[0], 0, lengths[0])) == 0 || policies.match(view.wrap(records[2], 0, lengths[2])) != 0)
        {
            throw new IllegalStateException("the openat must match some policies, the connect none");
        }
    }

    /** @return the bitmap of the next event. */
    @Benchmark
    public long decodeAndMatch()
    {
        final int i = next;
        next = i == records.length - 1 ? 0 : i + 1;
        return policies.match(view.wrap(records[i], 0, lengths[i]));
    }

    private static Event event(final EventCatalog catalog, final String name, final String comm, final int uid,
        final EventValue... data)
    {
        return Event.newBuilder().setIdValue(catalog.byName(name).id()).setWorkload(Workload.newBuilder().setProcess(
            Process.newBuilder().setThread(Thread.newBuilder().setName(comm).setSyscall(name))
                .setHostPid(UInt32Value.newBuilder().setValue(4242)).setPid(UInt32Value.newBuilder().setValue(4242))
                .setRealUser(User.newBuilder().setId(UInt32Value.newBuilder().setValue(uid)))
                .setExecutable(Executable.newBuilder().setPath("/usr/bin/" + comm))))
            .addAllData(List.of(data)).build();
    }

    /** @return 64 policies on openat, execve and ptrace with scopes and filters of every kind. */
    static List<PolicyDocument> sixtyFourPolicies()
    {
        final String[][] scopes = {
            {"global"}, {"comm=bash,cat"}, {"uid>=1000"}, {"pid!=1"}, {"executable=/usr/bin/*"}, {"not-container"},
            {"comm!=sshd", "uid<65534"}, {"mntns!=0"}};
        final String[][] filters = {
            {}, {"data.pathname=/etc/*"}, {"data.pathname=*shadow*"}, {"retval<0"}, {"data.flags!=0", "retval>=0"},
            {"comm=cat"}, {"data.pathname!=*.so"}, {"containerId!=abc*"}};
        final List<PolicyDocument> documents = new ArrayList<>();
        for (int i = 0; i < 64; i++)
        {
            documents.add(new PolicyDocument("policy-" + i, "p" + i + ".yaml", List.of(scopes[i % scopes.length]), List.of(
                new PolicyDocument.Rule("spec.rules[0]", "openat", List.of(filters[(i / 8) % filters.length])),
                new PolicyDocument.Rule("spec.rules[1]", i % 2 == 0 ? "execve" : "ptrace", List.of()))));
        }
        return documents;
    }
}
