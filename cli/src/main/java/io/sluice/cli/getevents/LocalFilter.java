package io.sluice.cli.getevents;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.OutputConfig;
import io.sluice.config.OutputOptions;
import io.sluice.engine.PlannedStream;
import io.sluice.engine.StreamPlan;
import io.sluice.filter.StreamExportFilters;
import io.sluice.policy.EventView;
import io.sluice.proto.v1beta1.StreamEventsRequest;
import io.sluice.service.ClientStreamConfig;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/**
 * The filters of a {@code StreamEvents} request, run here on events read from stdin instead of by a server: the request
 * becomes the stream a server would make of it ({@link ClientStreamConfig}), compiled as every stream is
 * ({@link StreamPlan}: its events, its policies, its allow/deny and field filter lines), and applied to each record as
 * a stream's router applies them: event id, matched policies, then the export filters, which may rewrite the record.
 * Policy bits are the client's ({@link PolicyOrder}); when they move, the filters are compiled again.
 */
final class LocalFilter
{
    /** {@link #apply} result: the event does not pass. */
    static final int DROPPED = StreamExportFilters.DROPPED;

    private static final String STREAM = "getevents";

    private final StreamEventsRequest request;
    private final EventCatalog catalog;
    private final PolicyOrder policies;
    private final EventView view = new EventView(null);
    private PlannedStream stream;
    private int compiledVersion = -1;

    /**
     * @param request  what the flags ask for.
     * @param catalog  the event catalog.
     * @param policies the policy bits.
     * @throws io.sluice.config.ConfigException for an unknown event or policy or a bad filter.
     */
    LocalFilter(final StreamEventsRequest request, final EventCatalog catalog, final PolicyOrder policies)
    {
        this.request = request;
        this.catalog = catalog;
        this.policies = policies;
        compile();
    }

    /**
     * @param record an event record.
     * @param length its length (from offset 0).
     * @return {@link #DROPPED}, 0 when the record passes unchanged, or the length of the rewritten record in
     *         {@link #out()}.
     */
    int apply(final MutableDirectBuffer record, final int length)
    {
        if (compiledVersion != policies.version())
        {
            compile();
        }
        view.wrap(record, 0, length);
        if (!stream.events().matches(view.eventId()) || !stream.policies().matches(view.policiesMatched()))
        {
            return DROPPED;
        }
        return stream.exports() == null ? 0 : stream.exports().apply(view);
    }

    /** @return where the last rewritten record is. */
    DirectBuffer out()
    {
        return stream.exports().out();
    }

    private void compile()
    {
        final OutputConfig output = new OutputConfig(List.of(), List.of(ClientStreamConfig.of(STREAM, request)),
            OutputOptions.NONE);
        stream = StreamPlan.compile(output, catalog, policies.names()).streams().get(0);
        compiledVersion = policies.version();
    }
}
