package io.sluice.cli.getevents;

import com.google.protobuf.FieldMask;
import io.sluice.proto.v1beta1.ClientMode;
import io.sluice.proto.v1beta1.FieldFilter;
import io.sluice.proto.v1beta1.FieldFilterAction;
import io.sluice.proto.v1beta1.Filter;
import io.sluice.proto.v1beta1.StreamEventsRequest;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code getevents} flags that make its {@code StreamEvents} request, mapped as {@code tetra getevents} maps them:
 * processes, namespaces (with {@code ""} for {@code --host}) and pods as one allow-list filter's {@code binary_regex},
 * {@code namespace} and {@code pod_regex}; {@code --include-fields} and {@code --exclude-fields} as an INCLUDE and an
 * EXCLUDE field filter for every event; and, where Sluice's request has fields of its own (Tracee's), the event types
 * as {@code events} and the policy names as {@code policies}, which a server checks before it decodes anything. The
 * same request is what a server filters with and what {@link LocalFilter} filters piped events with.
 */
final class RequestFlags
{
    @Option(names = {"-e", "--event-types"}, split = ",", paramLabel = "EVENT",
        description = "Only these events (Sluice event names, as 'sluice list' shows them).")
    List<String> eventTypes = new ArrayList<>();

    @Option(names = {"--processes", "--process"}, split = ",", paramLabel = "REGEX",
        description = "Only events of processes whose binary matches one of these regular expressions.")
    List<String> processes = new ArrayList<>();

    @Option(names = {"--pods", "--pod"}, split = ",", paramLabel = "REGEX",
        description = "Only events of pods whose name matches one of these regular expressions.")
    List<String> pods = new ArrayList<>();

    @Option(names = {"-n", "--namespaces", "--namespace"}, split = ",", paramLabel = "NAMESPACE",
        description = "Only events of pods in these Kubernetes namespaces.")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--host", description = "Also (or, alone, only) events of processes outside any pod.")
    boolean host;

    @Option(names = "--policy-names", split = ",", paramLabel = "POLICY",
        description = "Only events that matched one of these policies.")
    List<String> policyNames = new ArrayList<>();

    @Option(names = {"-f", "--include-fields"}, split = ",", paramLabel = "FIELD",
        description = "Only these fields of each event (proto field paths: name,workload.process.pid).")
    List<String> includeFields = new ArrayList<>();

    @Option(names = {"-F", "--exclude-fields"}, split = ",", paramLabel = "FIELD",
        description = "Leave these fields out of each event.")
    List<String> excludeFields = new ArrayList<>();

    @Option(names = "--mode", paramLabel = "MODE",
        description = "What the server does when this client reads slower than events come: drop (default: drop and count) or block.")
    String mode;

    @Option(names = "--buffer-size", paramLabel = "N",
        description = "Events the server holds for this client (a power of two; default: the server's).")
    Integer bufferSize;

    /**
     * @return the request the flags make.
     * @throws IllegalArgumentException for a bad {@code --mode} or {@code --buffer-size}.
     */
    StreamEventsRequest request()
    {
        final StreamEventsRequest.Builder request = StreamEventsRequest.newBuilder()
            .addAllEvents(eventTypes)
            .addAllPolicies(policyNames);
        final Filter.Builder filter = Filter.newBuilder().addAllBinaryRegex(processes).addAllNamespace(namespaces)
            .addAllPodRegex(pods);
        if (host)
        {
            // as tetra: a host process is one whose namespace is empty
            filter.addNamespace("");
        }
        if (!filter.build().equals(Filter.getDefaultInstance()))
        {
            request.addAllowList(filter);
        }
        if (!includeFields.isEmpty())
        {
            request.addFieldFilters(FieldFilter.newBuilder().setFields(FieldMask.newBuilder().addAllPaths(includeFields))
                .setAction(FieldFilterAction.INCLUDE));
        }
        if (!excludeFields.isEmpty())
        {
            request.addFieldFilters(FieldFilter.newBuilder().setFields(FieldMask.newBuilder().addAllPaths(excludeFields))
                .setAction(FieldFilterAction.EXCLUDE));
        }
        if (mode != null)
        {
            request.setMode(switch (mode)
            {
                case "drop" -> ClientMode.CLIENT_MODE_DROP;
                case "block" -> ClientMode.CLIENT_MODE_BLOCK;
                default -> throw new IllegalArgumentException("--mode '" + mode + "': expected drop or block");
            });
        }
        if (bufferSize != null)
        {
            if (bufferSize <= 0 || Integer.bitCount(bufferSize) != 1)
            {
                throw new IllegalArgumentException("--buffer-size " + bufferSize + ": expected a power of two (4096)");
            }
            request.setBufferSize(bufferSize);
        }
        return request.build();
    }

    /** @return the flags given that only a server can act on (for refusing them when stdin is read instead). */
    List<String> serverOnly()
    {
        final List<String> given = new ArrayList<>();
        if (mode != null)
        {
            given.add("--mode");
        }
        if (bufferSize != null)
        {
            given.add("--buffer-size");
        }
        return given;
    }
}
