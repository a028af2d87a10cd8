package io.sluice.engine;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.ConfigException;
import io.sluice.config.OutputConfig;
import io.sluice.config.StreamConfig;
import io.sluice.filter.lineage.LineageCondition;
import io.sluice.filter.lineage.LineageMarker;
import io.sluice.stream.RouteFilters;
import io.sluice.stream.Stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A running engine's reload (SIGHUP): the ingest stages (policies and their detectors, global export, redaction and
 * field filters, lineage marks) and every stream's filters (events, policies, its own Tetragon filters) are compiled
 * from the new pipeline, all of them, before anything changes; then the ingest thread's set and each router's set are
 * each swapped in one volatile write, so every event is decided by one whole set at each stage and none is lost or
 * repeated. What cannot change while running is refused, and the old sets stay: the policies' names and order (streams,
 * formats and clients name policies by bit), the destinations, the streams themselves (names, destinations, buffer)
 * and the output options (they chose the ingest thread's order and argument parsing at start).
 *
 * <p>Each reload is a generation: the ingest stamps every event with the generation of the stages that decided it,
 * and each router routes it with the filters of the same generation, so an event's lineage bits (given out anew by
 * each reload) are always read by the filters they were given for, and both stages switch at the same event. The
 * routers get their new filters first and hold them until the first event of the new generation reaches them; then
 * the ingest set is swapped. (Two reloads closer together than the main ring takes to drain: the events of the middle
 * generation are routed by the filters they came with only if the router saw one of them before the second reload.)
 */
final class StageReload
{
    private final Pipeline running;
    private final IngestLoop ingest;
    private final List<Stream> streams;
    /** The generation in force: the signal thread's alone ({@link #apply} is synchronized). */
    private int generation;

    StageReload(final Pipeline running, final IngestLoop ingest, final List<Stream> streams)
    {
        this.running = running;
        this.ingest = ingest;
        this.streams = streams;
    }

    /**
     * @param next the pipeline the configuration now describes.
     * @return what is now in force, in a few words.
     * @throws ConfigException for a configuration that does not compile or changes what cannot change.
     */
    synchronized String apply(final Pipeline next)
    {
        final EventCatalog catalog = running.catalog();
        final String[] names = running.options().policyNames();
        if (!Arrays.equals(names, next.options().policyNames()))
        {
            throw new ConfigException("--policy", "metadata.name", String.join(",", next.options().policyNames()),
                "a reload cannot add, remove, rename or reorder policies (running: " + String.join(",", names) +
                "; streams, formats and clients name them by bit): restart to change them");
        }
        sameOutput(running.output(), next.output());
        final StreamPlan plan = StreamPlan.compile(next.output(), catalog, names);
        final List<LineageCondition> lineage = new ArrayList<>();
        if (next.exportFilters() != null)
        {
            lineage.addAll(next.exportFilters().lineageConditions());
        }
        lineage.addAll(plan.lineageConditions());
        final int nextGeneration = generation + 1;
        final IngestStages stages = IngestStages.of(catalog, next, LineageMarker.assign(lineage), nextGeneration,
            ingest.stages());
        final List<RouteFilters> routes = new ArrayList<>();
        for (final PlannedStream planned : plan.streams())
        {
            routes.add(new RouteFilters(planned.events(), planned.policies(), planned.exports(), nextGeneration));
        }
        // everything compiled: the routers hold their new filters, then the ingest decides with the new generation
        for (int i = 0; i < streams.size(); i++)
        {
            streams.get(i).reloadFilters(routes.get(i));
        }
        ingest.reload(stages);
        generation = nextGeneration;
        return describe(stages, plan.streams().size());
    }

    private static String describe(final IngestStages stages, final int streamCount)
    {
        final List<String> parts = new ArrayList<>();
        final int policies = stages.policies == null ? 0 : stages.policies.names().length;
        parts.add(policies == 0 ? "no policies" : policies == 1 ? "1 policy" : policies + " policies");
        if (stages.exportFilters != null)
        {
            parts.add("export filters");
        }
        if (stages.redactions != null)
        {
            parts.add("redaction filters");
        }
        if (stages.fieldFilters != null)
        {
            parts.add("field filters");
        }
        parts.add("filters of " + streamCount + (streamCount == 1 ? " stream" : " streams"));
        return String.join(", ", parts);
    }

    /** Streams and destinations are fixed for the run: only their filters may change. */
    private static void sameOutput(final OutputConfig was, final OutputConfig now)
    {
        if (!was.destinations().equals(now.destinations()))
        {
            throw new ConfigException("--config/--output", "destinations", changedDestination(was, now),
                "destinations cannot change on reload (only filters and policies do): restart to change them");
        }
        if (!was.options().equals(now.options()))
        {
            throw new ConfigException("--config/--output", "options", now.options().toString(),
                "output options cannot change on reload: restart to change them");
        }
        if (was.streams().size() != now.streams().size())
        {
            throw new ConfigException("--config/--output", "streams", Integer.toString(now.streams().size()),
                "streams cannot be added or removed on reload (running: " + was.streams().size() + "): restart to change them");
        }
        for (int i = 0; i < was.streams().size(); i++)
        {
            final StreamConfig before = was.streams().get(i);
            final StreamConfig after = now.streams().get(i);
            if (!before.name().equals(after.name()) || !before.destinations().equals(after.destinations()) ||
                before.mode() != after.mode() || before.bufferSize() != after.bufferSize())
            {
                throw new ConfigException("--config/--output", "streams." + after.name(), null,
                    "a stream's name, destinations and buffer cannot change on reload (only its filters do): restart to change them");
            }
        }
    }

    private static String changedDestination(final OutputConfig was, final OutputConfig now)
    {
        for (int i = 0; i < now.destinations().size(); i++)
        {
            if (i >= was.destinations().size() || !now.destinations().get(i).equals(was.destinations().get(i)))
            {
                return now.destinations().get(i).name();
            }
        }
        return was.destinations().get(now.destinations().size()).name();
    }
}
