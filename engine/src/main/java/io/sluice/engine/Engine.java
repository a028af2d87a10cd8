package io.sluice.engine;

import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.OutputOptions;
import io.sluice.filter.export.ExportFilters;
import io.sluice.filter.lineage.LineageCondition;
import io.sluice.filter.lineage.LineageMarker;
import io.sluice.parse.ArgumentParsing;
import io.sluice.parse.ParsedArguments;
import io.sluice.format.FormatContext;
import io.sluice.policy.EventView;
import io.sluice.policy.PolicySet;
import io.sluice.process.KernelEventEnricher;
import io.sluice.process.ProcessTree;
import io.sluice.ring.BatchedSignalWaitStrategy;
import io.sluice.ring.EventSlot;
import io.sluice.ring.SharedRing;
import io.sluice.sort.ArrivalOrder;
import io.sluice.sort.EventOrder;
import io.sluice.sort.TimestampOrder;
import io.sluice.source.EventSource;
import io.sluice.report.Problems;
import io.sluice.stream.DrainDeadline;
import io.sluice.stream.Stream;
import io.sluice.stream.StreamEnvironment;
import org.agrona.concurrent.MessageHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The running pipeline: source → shared Agrona ring → ingest thread → main Disruptor ring → one router per
 * stream (and, with the event service on, one {@link io.sluice.stream.ClientHub} carrying its clients' streams) → stream rings → stream
 * writers → destinations. {@link #run()} owns every thread it starts and returns
 * when the source is done (or was stopped) and every stream has delivered what it holds, or the drain deadline
 * ({@link EngineOptions#drainTimeout()}) passed: what was still undelivered then is counted as such.
 */
public final class Engine
{
    /** How often the running engine checks for destinations gone and the source done, when nothing wakes it. */
    private static final long RUNNING_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How often a draining engine checks for writers stuck past the deadline. */
    private static final long DRAINING_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final EventSource source;
    private final EngineOptions options;
    private final List<Stream> streams;
    private final Disruptor<EventSlot> mainDisruptor;
    private final SharedRing sharedRing;
    private final IngestLoop ingest;
    private final CountDownLatch sourceStarted = new CountDownLatch(1);
    private final Problems problems;
    private final DrainDeadline deadline;
    private final ServiceHook service;
    private final EngineReadings readings;
    private final StageReload reloads;
    private final EngineDrain drain;
    private volatile boolean stopRequested;
    /** The ingest's thread: a stop request cuts its park short; its end wakes the thread in {@link #run()}. */
    private final IngestThread ingestThread;

    /**
     * Build the pipeline; nothing runs until {@link #run()}. The output config is compiled into a {@link StreamPlan}
     * and pre-flighted (a destination a run could not open is refused here, before anything starts); the ingest stages
     * the pipeline gives are applied at ingest after the policies, so no stream, and no destination, sees an event they
     * drop or a secret they mask. The output options {@code sort-events} (records read from the shared ring in
     * timestamp order within a window) and {@code parse-arguments} (arguments rendered as Tracee renders them, last,
     * before an event is published) are ingest stages too.
     *
     * @param pipeline what to assemble.
     * @throws io.sluice.config.ConfigException for a configuration a run cannot start with.
     */
    public Engine(final Pipeline pipeline)
    {
        final EventCatalog catalog = pipeline.catalog();
        final PolicySet policies = pipeline.policies();
        this.source = pipeline.source();
        this.options = pipeline.options();
        this.problems = Problems.toStderr();
        this.deadline = new DrainDeadline(options.drainTimeout());
        final StreamPlan plan = StreamPlan.compile(pipeline.output(), catalog, options.policyNames());
        plan.preflight();
        final LineageMarker marker = lineageMarker(pipeline.exportFilters(), plan);
        // the source is launched before the stages are built: the kernel sensor's loader loads and verifies its
        // programs (about half a second) meanwhile, and a start is that much shorter
        // (docs/performance-log.md, "Twelfth pass")
        this.sharedRing = SharedRing.createAnonymous(options.sharedRingCapacity());
        source.launch(sharedRing);
        try
        {
            final FormatContext formats = new FormatContext(catalog, options.policyNames(), options.color(), false,
                policies != null && policies.scopesContainers());
            final int routerThreads = MainRingHandlers.routerThreads(pipeline.routerThreads(), plan.streams().size());
            this.streams = new StreamFactory(formats, source.description()).build(plan, new StreamEnvironment(
                () -> WaitStrategies.forStreamWriter(options.waitStrategy()), threads("sluice-stream"),
                problems, deadline));
            final BatchedSignalWaitStrategy mainRingSignals = new BatchedSignalWaitStrategy(
                WaitStrategies.byName(options.waitStrategy()), options.mainRingSize() / 4);
            this.mainDisruptor = new Disruptor<>(EventSlot::new, options.mainRingSize(), threads("sluice-route"),
                ProducerType.SINGLE, mainRingSignals);
            this.service = ServiceHook.of(pipeline.service(), mainDisruptor.getRingBuffer());
            final MainRingHandlers.IngestHandoff handoff =
                MainRingHandlers.attach(mainDisruptor, mainRingSignals, streams, service.hub(), problems, routerThreads);
            final ProcessTree tree = source.writesKernelRecords() ? ProcessTree.system() : null;
            KernelEventEnricher enricher = null;
            if (tree != null)
            {
                tree.seed();
                enricher = new KernelEventEnricher(catalog, tree, System.getProperty("os.arch"));
            }
            // the view is there even when no stage is: a reload may bring one
            this.ingest = new IngestLoop(sharedRing, handoff.slots(), mainRingSignals, source, enricher,
                IngestStages.of(catalog, pipeline, marker), new EventView(tree), order(pipeline.output().options(), problems),
                arguments(pipeline.output().options(), catalog), handoff.routing());
            this.reloads = new StageReload(pipeline, ingest, streams);
            this.ingestThread = new IngestThread(ingest);
            this.drain = new EngineDrain(streams, service, deadline, mainDisruptor, problems);
            this.readings = new EngineReadings(ingest, sharedRing.ring(), mainDisruptor.getRingBuffer(), tree,
                policies == null ? List.of() : List.of(policies.names()), streams, source, catalog);
            service.bind(hub -> new LiveEngine(hub, catalog, options, problems, threads("sluice-client"), ingest, streams));
        }
        catch (final RuntimeException | Error ex)
        {
            // nothing runs yet but the launched source: it is stopped and its ring released
            source.requestStop();
            sharedRing.close();
            throw ex;
        }
    }

    /**
     * Export filter fields that need the process lineage are answered once per event at ingest, for every stream:
     * counted here, before anything is allocated or read (more than 64 is a configuration error).
     */
    private static LineageMarker lineageMarker(final ExportFilters exportFilters, final StreamPlan plan)
    {
        final List<LineageCondition> lineage = new ArrayList<>();
        if (exportFilters != null)
        {
            lineage.addAll(exportFilters.lineageConditions());
        }
        lineage.addAll(plan.lineageConditions());
        return LineageMarker.assign(lineage);
    }

    private static Function<MessageHandler, EventOrder> order(final OutputOptions options, final Problems problems)
    {
        return options.sortEvents() ? next -> new TimestampOrder(next, problems) : ArrivalOrder::new;
    }

    private static ArgumentParsing arguments(final OutputOptions options, final EventCatalog catalog)
    {
        return options.parseArguments() ? ParsedArguments.forArchitecture(catalog, System.getProperty("os.arch"))
            : ArgumentParsing.NONE;
    }

    /**
     * Run until the source is done or {@link #requestStop()} is called, then drain and flush everything, waiting for
     * block streams no longer than the drain deadline.
     *
     * @return what happened.
     */
    public EngineSummary run()
    {
        for (final Stream stream : streams)
        {
            stream.start();
        }
        mainDisruptor.start();
        // before the wait: routers without a thread of their own start on the ingest's (it idles until the source runs)
        ingestThread.start();
        awaitHandlersRunning();
        try
        {
            source.start(sharedRing);
        }
        finally
        {
            sourceStarted.countDown();
        }
        if (stopRequested)
        {
            source.requestStop();
        }
        awaitIngest();
        drain.finish();
        readings.sharedRingClosing();
        sharedRing.close();
        final Throwable failure = ingest.failure() != null ? ingest.failure() : source.failure();
        return summary(failure);
    }

    /**
     * Start no source before every router and writer runs, and the clients' hub (see {@link Stream#awaitRunning}).
     */
    private void awaitHandlersRunning()
    {
        try
        {
            for (final Stream stream : streams)
            {
                if (!stream.awaitRunning(10, TimeUnit.SECONDS))
                {
                    problems.report("stream " + stream.config().name() + ": start",
                        "stream " + stream.config().name() + ": its threads did not start within 10 s");
                }
            }
            if (service.hub() != null && !service.hub().awaitRunning(10, TimeUnit.SECONDS))
            {
                problems.report("event service: start", "event service: the clients' hub did not start within 10 s");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Wait for the ingest thread to finish (the source is done and the shared ring drained). The drain deadline starts
     * when the source is done or a stop was asked for; past it and its grace, at every check, the block streams still
     * holding events give up and every other writer has a write blocked in the kernel made to fail ({@link
     * EngineDrain#check}), so the rings behind them drain.
     * This thread is woken at once by the ingest's end and by a stop request; otherwise it checks once a second for
     * destinations gone and for a source that ended by itself while the ingest was held up behind a full main ring
     * (the drain deadline then starts up to a second late), and five times a second for writers stuck once draining.
     * A wake-up costs this VM 0.1–1 ms of CPU, so an idle tracer's main thread wakes once a second, not five times
     * (docs/performance-log.md, "Wake-ups at idle, third pass"); a park, not {@link Thread#join(long)}, whose monitor
     * wait costs more per wake-up.
     */
    private void awaitIngest()
    {
        boolean interrupted = false;
        while (!ingestThread.ended())
        {
            final boolean draining = stopRequested || source.isDone();
            LockSupport.parkNanos(this, draining ? DRAINING_CHECK_NANOS : RUNNING_CHECK_NANOS);
            interrupted |= Thread.interrupted();
            if (!stopRequested && drain.allDestinationsGone())
            {
                problems.report("engine: destinations gone", "every destination is gone (readers left, or they could not"
                    + " be opened): stopping");
                requestStop();
            }
            drain.check(stopRequested || source.isDone());
        }
        interrupted |= ingestThread.join();
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Put a new set of policies, stream filters and export, redaction and field filters in force while the engine runs
     * (SIGHUP), compiled whole from {@code next} before anything is swapped: on success every stage switches at one
     * event, without losing or repeating any; on failure nothing changes. See {@link StageReload} for what may not change.
     *
     * @param next the pipeline as the configuration now describes it (same source and destinations).
     * @return what was put in force, for one log line.
     * @throws io.sluice.config.ConfigException naming what is wrong or cannot change while running.
     */
    public String reload(final Pipeline next)
    {
        return reloads.apply(next);
    }

    /**
     * @return the counters so far, as the summary prints them at exit (SIGUSR1); no failure is known yet.
     */
    public EngineSummary snapshot()
    {
        return summary(null);
    }

    private EngineSummary summary(final Throwable failure)
    {
        final IngestCounters counters = ingest.counters();
        return EngineSummary.of(source.description(), counters.ingested(), counters.published(), counters.lostUpstream(),
            counters.rejected(), streams, problems.counted(), failure);
    }

    /**
     * Ask the source to stop; {@link #run()} then drains what was produced and returns. Safe from any thread.
     */
    public void requestStop()
    {
        stopRequested = true;
        deadline.start();
        source.requestStop();
        ingest.stopRequested();
        ingestThread.wake();
    }

    /**
     * Wait until the source has started (the kernel sensor is attached and ready), or failed to.
     *
     * @param timeout how long to wait.
     * @param unit    its unit.
     * @return true when it started or failed within the time; check {@link EngineSummary#failure()} at the end.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitSourceStarted(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return sourceStarted.await(timeout, unit);
    }

    /**
     * @return the streams, for live counters.
     */
    public List<Stream> streams()
    {
        return streams;
    }

    /**
     * @return what an observer (metrics, health) reads of this engine while it runs.
     */
    public EngineReadings readings()
    {
        return readings;
    }

    /**
     * @return events read from the shared ring so far.
     */
    public long ingested()
    {
        return ingest.counters().ingested();
    }

    private static ThreadFactory threads(final String prefix)
    {
        final AtomicInteger count = new AtomicInteger();
        return runnable ->
        {
            final Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
