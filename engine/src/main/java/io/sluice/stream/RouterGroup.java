package io.sluice.stream;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import io.sluice.config.BufferMode;
import io.sluice.report.Problems;
import io.sluice.ring.EventSlot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routers of several streams on one thread of the main ring, or on none (on two cores or fewer the ingest runs the
 * group as it publishes, and says when a batch ends: {@link #endOfBatch()}): each event is handed to each router in
 * turn, so a run has as many router threads as its cores call for ({@link #threadsFor}), not one per stream.
 *
 * <p>What sharing a thread changes: each stream keeps its claim strategy on its own ring. A drop stream keeps its
 * promise: it claims with {@code tryNext()}, so it never waits; a full ring is a counted drop. A block stream whose
 * ring is full waits for room ({@link io.sluice.ring.RingRoom}, then {@code next()}), and while it waits the other
 * streams of its group get no event either: they are held back with it, as every stream already is once the main ring
 * fills behind a blocked block stream. What they were given before it waits is published first, so their writers
 * deliver it meanwhile; new events wait in the main and shared rings and, past them, in the kernel's. Each router
 * contains its own failures: a filter that throws fails that event for its stream alone, and anything else escaping a
 * router is reported for that stream while the group goes on with the next router.
 *
 * <p>Rendering once: when two or more streams of the group have destinations of the same {@link SharedFormat}, or the
 * group routes for one block stream alone, the group renders each event in that format once ({@link SharedRendering}),
 * lazily, on the first of those streams that takes the event unchanged, and every such stream's router hands its slot
 * a reference to the rendering, which the writer offers instead of rendering again. A stream whose
 * every format the group renders, and none of whose destinations reads records, gets an unchanged event without its
 * record (no copy of it at all). An event a stream's own export filters rewrote is rendered by that stream's writer.
 * In a group of several streams, a format only one of them uses stays that stream's writer's work (the group's thread
 * would take on the rendering of every format; a lone stream's router would otherwise only copy the record). A lone
 * drop stream's writer renders its events itself: rendering on the group's thread would put that cost on the main
 * ring's path, where a drop stream must never hold the other streams back.
 */
public final class RouterGroup implements EventHandler<EventSlot>
{
    private final StreamRouter[] routers;
    private final ExceptionHandler<EventSlot>[] exceptions;
    private final SharedRendering[] renderings;
    private final String name;
    private final Problems problems;

    @SuppressWarnings("unchecked")
    private RouterGroup(final List<Stream> streams, final Problems problems)
    {
        this.problems = problems;
        this.routers = new StreamRouter[streams.size()];
        this.exceptions = new ExceptionHandler[streams.size()];
        final StringBuilder names = new StringBuilder();
        for (int i = 0; i < routers.length; i++)
        {
            routers[i] = streams.get(i).groupedRouter();
            routers[i].publishInBatches();
            exceptions[i] = streams.get(i).routerExceptions();
            names.append(i == 0 ? "" : ", ").append(streams.get(i).config().name());
        }
        for (final StreamRouter router : routers)
        {
            router.runsWith(routers);
        }
        this.name = "routers of " + names;
        this.renderings = shareRenderings(streams, problems);
    }

    /**
     * @param cores   the processors the run has ({@code Runtime.availableProcessors()}).
     * @param streams the configured streams.
     * @return how many router threads they get: none on two cores or fewer (one group, run by the ingest thread as it
     *         publishes: on so few cores a thread of its own costs each batch a wake-up and each record a hand-over
     *         between CPUs, docs/performance-log.md, "Sixteenth pass"); otherwise half the cores (the ingest and the
     *         writers need the rest), at least one, at most one per stream.
     */
    public static int threadsFor(final int cores, final int streams)
    {
        return cores <= 2 ? 0 : Math.max(1, Math.min(streams, cores / 2));
    }

    /**
     * @param streams  the configured streams, not started.
     * @param threads  how many router threads (groups) to spread them over, at least 1.
     * @param problems the run's reporter.
     * @return the groups, each to run on one thread of the main ring; stream i goes to group {@code i % groups}.
     */
    public static List<RouterGroup> split(final List<Stream> streams, final int threads, final Problems problems)
    {
        if (threads < 1)
        {
            throw new IllegalArgumentException("router threads: must be 1 or more, got " + threads);
        }
        final int groups = Math.min(threads, streams.size());
        final List<List<Stream>> members = new ArrayList<>();
        for (int g = 0; g < groups; g++)
        {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < streams.size(); i++)
        {
            members.get(i % groups).add(streams.get(i));
        }
        final List<RouterGroup> split = new ArrayList<>();
        for (final List<Stream> group : members)
        {
            split.add(new RouterGroup(group, problems));
        }
        return split;
    }

    /**
     * Formats two or more streams of the group use, or every format of a lone block stream: one rendering each, its
     * index put in each user's router; then, the streams that need no record.
     */
    private static SharedRendering[] shareRenderings(final List<Stream> streams, final Problems problems)
    {
        final Map<SharedFormat, List<Stream>> users = new LinkedHashMap<>();
        for (final Stream stream : streams)
        {
            for (final Renderer renderer : stream.renderers())
            {
                final List<Stream> using = renderer.shared() == null ? null
                    : users.computeIfAbsent(renderer.shared(), unused -> new ArrayList<>());
                if (using != null && !using.contains(stream))
                {
                    using.add(stream);
                }
            }
        }
        final List<SharedRendering> renderings = new ArrayList<>();
        for (final Map.Entry<SharedFormat, List<Stream>> format : users.entrySet())
        {
            if (format.getValue().size() < 2 && (streams.size() > 1 || streams.get(0).mode() != BufferMode.BLOCK))
            {
                // one user: rendered on the group's thread only for a lone block stream, which holds the main ring
                // back when it falls behind anyway; a drop stream's rendering stays off the main ring's path
                continue;
            }
            final SharedRendering rendering = new SharedRendering(format.getKey(), problems);
            renderings.add(rendering);
            for (final Stream stream : format.getValue())
            {
                final int index = stream.groupedRouter().share(rendering);
                for (final Renderer renderer : stream.renderers())
                {
                    if (format.getKey().equals(renderer.shared()))
                    {
                        renderer.shareAt(index);
                    }
                }
            }
        }
        for (final Stream stream : streams)
        {
            if (!stream.writerNeedsRecords())
            {
                stream.groupedRouter().withoutRecord();
            }
        }
        return renderings.toArray(new SharedRendering[0]);
    }

    @Override
    public void onStart()
    {
        for (final StreamRouter router : routers)
        {
            router.onStart();
        }
    }

    /**
     * For a group run by its producer's thread rather than by the main ring's (which says when a batch ends): every
     * router publishes what it holds to its stream's ring and signals the writer. Call on the group's thread.
     */
    public void endOfBatch()
    {
        for (final StreamRouter router : routers)
        {
            router.endOfBatch();
        }
    }

    @Override
    public void onEvent(final EventSlot slot, final long sequence, final boolean endOfBatch)
    {
        for (int i = 0; i < routers.length; i++)
        {
            try
            {
                routers[i].onEvent(slot, sequence, endOfBatch);
            }
            catch (final Throwable ex)
            {
                // a router settles what its filters throw; this is a bug, reported for its stream, and the others go on
                exceptions[i].handleEventException(ex, sequence, slot);
            }
        }
    }

    /**
     * @param format index of a shared format, below {@link #sharedFormats()}.
     * @return its renderings in slots their writers have not passed yet (read after the group's thread ended, or on it).
     */
    int held(final int format)
    {
        return renderings[format].held();
    }

    /**
     * @return what reports an exception escaping the group itself (its routers' are contained per stream).
     */
    public ExceptionHandler<EventSlot> exceptions()
    {
        return new ContainedExceptions(name, problems);
    }

    /**
     * @return how many formats the group renders once for several streams.
     */
    public int sharedFormats()
    {
        return renderings.length;
    }

    /**
     * @param format index of a shared format, below {@link #sharedFormats()}.
     * @return events rendered in it so far (read after the group's thread ended, or on it).
     */
    long renders(final int format)
    {
        return renderings[format].renders();
    }

    @Override
    public String toString()
    {
        return name;
    }
}
