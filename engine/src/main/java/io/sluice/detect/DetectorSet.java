package io.sluice.detect;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.policy.EventView;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The detectors in force, indexed by the events they watch: for each event the ingest thread asks how many
 * detectors watch it and runs each, which encodes a detection record when it fires.
 */
public final class DetectorSet
{
    private static final Detector[] NONE = new Detector[0];

    private final Detector[][] byInput;
    private final DetectionEncoder.EncodedThreat[][] threats;
    private final DetectionEncoder encoder = new DetectionEncoder();
    private final List<Detector> detectors;
    /** Per event id and watching detector: its index in {@link #detectors}, whose hits it counts. */
    private final int[][] positions;
    private final java.util.concurrent.atomic.AtomicLongArray hits;

    private DetectorSet(final EventCatalog catalog, final List<Detector> detectors)
    {
        this.detectors = List.copyOf(detectors);
        int maxInput = 0;
        for (final Detector detector : detectors)
        {
            for (final String input : detector.inputs())
            {
                maxInput = Math.max(maxInput, definition(catalog, input).id());
            }
        }
        final List<List<Detector>> lists = new ArrayList<>();
        for (int i = 0; i <= maxInput; i++)
        {
            lists.add(new ArrayList<>());
        }
        for (final Detector detector : detectors)
        {
            for (final String input : detector.inputs())
            {
                lists.get(definition(catalog, input).id()).add(detector);
            }
        }
        byInput = new Detector[maxInput + 1][];
        threats = new DetectionEncoder.EncodedThreat[maxInput + 1][];
        positions = new int[maxInput + 1][];
        hits = new java.util.concurrent.atomic.AtomicLongArray(detectors.size());
        for (int id = 0; id <= maxInput; id++)
        {
            final List<Detector> watching = lists.get(id);
            byInput[id] = watching.isEmpty() ? NONE : watching.toArray(new Detector[0]);
            threats[id] = new DetectionEncoder.EncodedThreat[watching.size()];
            positions[id] = new int[watching.size()];
            for (int k = 0; k < watching.size(); k++)
            {
                final Detector detector = watching.get(k);
                threats[id][k] = new DetectionEncoder.EncodedThreat(definition(catalog, detector.eventName()).id(),
                    detector.threat(), detector.populatesThreat(), detector.populatesDetectedFrom(), detector.fields());
                positions[id][k] = detectors.indexOf(watching.get(k));
            }
        }
    }

    /** @return every detector Sluice ships. */
    public static List<Detector> standard()
    {
        return List.of(new AntiDebugging(), new FilelessExecution(), new KernelModuleLoading(), new ShadowFileAccess(),
            new LdPreload(),
            new SudoersModification(),
            new ScheduledTaskModification(),
            new RcdModification(),
            new CgroupReleaseAgent(),
            new CgroupNotifyOnRelease(),
            new CorePatternModification(),
            new SystemRequestKeyModification(),
            new ProcKcoreRead(),
            new SchedDebugRecon(),
            new AslrInspection(),
            new ProcMemAccess(),
            new ProcMemCodeInjection(),
            new DefaultLoaderModification(),
            new K8sServiceAccountToken(),
            new K8sCertTheft(),
            new K8sApiConnection(),
            new StdioOverSocket(),
            new DynamicCodeLoading(),
            new DockerAbuse(),
            new DiskMount(),
            new IllegitimateShell(),
            new PtraceCodeInjection(),
            new ProcessVmWriteCodeInjection(),
            new DroppedExecutable(),
            new HiddenFileCreated());
    }

    /**
     * @param catalog the event catalog of the run.
     * @return every detector of the run: those Sluice ships, then those loaded with the catalog ({@code --detectors}).
     */
    public static List<Detector> all(final EventCatalog catalog)
    {
        final List<Detector> all = new ArrayList<>(standard());
        all.addAll(CatalogDetectors.of(catalog));
        return all;
    }

    /**
     * @param catalog  the event catalog.
     * @param eventIds the events wanted (by policies); the detectors raising one of them are kept.
     * @return the detectors in force, or null when none is wanted.
     */
    public static DetectorSet wanted(final EventCatalog catalog, final Collection<Integer> eventIds)
    {
        final List<Detector> wanted = new ArrayList<>();
        for (final Detector detector : all(catalog))
        {
            if (eventIds.contains(definition(catalog, detector.eventName()).id()))
            {
                wanted.add(detector);
            }
        }
        return wanted.isEmpty() ? null : new DetectorSet(catalog, wanted);
    }

    /**
     * The kernel events to trace: those wanted that the sensor produces, plus every input of a wanted detector.
     *
     * @param catalog  the event catalog.
     * @param eventIds the events wanted.
     * @return the kernel events, in id order.
     */
    public static List<EventDefinition> kernelEvents(final EventCatalog catalog, final Collection<Integer> eventIds)
    {
        final Set<Integer> ids = new TreeSet<>();
        for (final int id : eventIds)
        {
            if (id < EventCatalog.FIRST_DETECTOR_ID)
            {
                ids.add(id);
            }
        }
        for (final Detector detector : all(catalog))
        {
            if (eventIds.contains(definition(catalog, detector.eventName()).id()))
            {
                detector.inputs().forEach(input -> ids.add(definition(catalog, input).id()));
            }
        }
        final List<EventDefinition> events = new ArrayList<>();
        ids.forEach(id -> events.add(catalog.byId(id)));
        return events;
    }

    private static EventDefinition definition(final EventCatalog catalog, final String name)
    {
        final EventDefinition definition = catalog.byName(name);
        if (definition == null)
        {
            throw new IllegalStateException("events.yaml has no event " + name + " (a detector needs it)");
        }
        return definition;
    }

    /**
     * @param eventId an event id.
     * @return how many detectors watch it.
     */
    public int watching(final int eventId)
    {
        return eventId >= 0 && eventId < byInput.length ? byInput[eventId].length : 0;
    }

    /**
     * Run the k-th detector watching the event and encode its detection when it fires.
     *
     * @param k     which detector, below {@link #watching(int)}.
     * @param event the decoded triggering event.
     * @param out   where the detection record goes (from index 0; expandable).
     * @return the detection record's length, or 0 when the detector did not fire.
     */
    public int detect(final int k, final EventView event, final MutableDirectBuffer out)
    {
        final int id = event.eventId();
        if (!byInput[id][k].detect(event))
        {
            return 0;
        }
        final int position = positions[id][k];
        hits.lazySet(position, hits.get(position) + 1);
        return encoder.encode(threats[id][k], event, event.buffer(), event.offset(), out);
    }

    /**
     * @param detector an index in {@link #detectors()}.
     * @return how often it fired so far (counted by the ingest thread, read from any thread).
     */
    public long hits(final int detector)
    {
        return hits.get(detector);
    }

    /**
     * @param other another set.
     * @return true when both run the same detectors, in the same order (a reload may then keep this set and its counts).
     */
    public boolean sameAs(final DetectorSet other)
    {
        if (other.detectors.size() != detectors.size())
        {
            return false;
        }
        for (int i = 0; i < detectors.size(); i++)
        {
            if (!detectors.get(i).eventName().equals(other.detectors.get(i).eventName()))
            {
                return false;
            }
        }
        return true;
    }

    /** @return the detectors in force. */
    public List<Detector> detectors()
    {
        return detectors;
    }
}
