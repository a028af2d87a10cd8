package io.sluice.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sluice.engine.EngineReadings;

import java.util.List;

/**
 * The run-wide metrics: events ingested, unmatched, held back by export filters and published, what the kernel lost,
 * the fill of the shared and main rings, the process tree's size and records, detector hits and policy matches. Each
 * is a callback reading the engine's own counters when scraped.
 */
final class PipelineMetrics
{
    private PipelineMetrics()
    {
    }

    /**
     * @param registry where the metrics go.
     * @param readings the running engine.
     */
    static void register(final PrometheusRegistry registry, final EngineReadings readings)
    {
        counter(registry, "sluice_events_ingested", "Events read from the shared ring (the source's output).",
            readings::ingested);
        counter(registry, "sluice_events_published",
            "Events put on the main ring (ingested, kept by the policies and the export filters, with detections).",
            readings::published);
        counter(registry, "sluice_events_unmatched", "Events no policy matched (read, then dropped at ingest).",
            readings::unmatched);
        counter(registry, "sluice_events_export_filtered", "Events the global export filters held back at ingest.",
            readings::exportFiltered);
        counter(registry, "sluice_kernel_lost_events",
            "Events the kernel sensor could not hand over (kernel ring full, or the sensor blocked), summed over CPUs.",
            readings::kernelLost);
        gauge(registry, "sluice_shared_ring_used_bytes", "Bytes of the shared ring holding records not read yet.",
            readings::sharedRingUsedBytes);
        gauge(registry, "sluice_shared_ring_capacity_bytes", "Data capacity of the shared ring.",
            readings::sharedRingCapacityBytes);
        gauge(registry, "sluice_main_ring_used_slots", "Slots of the main ring published and not yet taken by every router.",
            readings::mainRingUsed);
        gauge(registry, "sluice_main_ring_slots", "Slots of the main ring.", readings::mainRingSize);
        if (readings.processTreeSize() >= 0)
        {
            gauge(registry, "sluice_process_tree_entries", "Processes the process tree holds (kernel source only).",
                readings::processTreeSize);
            counter(registry, "sluice_process_tree_records",
                "Fork, exec and exit records the kernel sensor sent for the process tree only (no event selected them).",
                readings::processTreeRecords);
        }
        final List<String> detectors = readings.detectorNames();
        if (!detectors.isEmpty())
        {
            CounterWithCallback.builder().name("sluice_detector_hits").help("Detections each detector raised.")
                .labelNames("detector").callback(callback ->
                {
                    for (int d = 0; d < detectors.size(); d++)
                    {
                        callback.call(readings.detectorHits(d), detectors.get(d));
                    }
                }).register(registry);
        }
        final List<String> policies = readings.policyNames();
        if (!policies.isEmpty())
        {
            CounterWithCallback.builder().name("sluice_policy_matched_events").help("Events each policy matched at ingest.")
                .labelNames("policy").callback(callback ->
                {
                    for (int bit = 0; bit < policies.size(); bit++)
                    {
                        callback.call(readings.policyMatches(bit), policies.get(bit));
                    }
                }).register(registry);
        }
    }

    private static void counter(final PrometheusRegistry registry, final String name, final String help,
        final java.util.function.LongSupplier value)
    {
        CounterWithCallback.builder().name(name).help(help).callback(callback -> callback.call(value.getAsLong()))
            .register(registry);
    }

    private static void gauge(final PrometheusRegistry registry, final String name, final String help,
        final java.util.function.LongSupplier value)
    {
        GaugeWithCallback.builder().name(name).help(help).callback(callback -> callback.call(value.getAsLong()))
            .register(registry);
    }
}
