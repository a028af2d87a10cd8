package io.sluice.cli.getevents;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.StreamConfig;
import io.sluice.filter.StreamExportFilters;
import io.sluice.policy.EventView;
import io.sluice.proto.v1beta1.StreamEventsRequest;
import io.sluice.service.ClientStreamConfig;
import io.sluice.service.RequestFilters;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The filters of a {@code StreamEvents} request, run here on events read from stdin instead of by a server: the request
 * becomes the stream a server would make of it ({@link ClientStreamConfig}), its filters resolved as the server resolves
 * them ({@link RequestFilters}: event names and sets, policies, allow/deny and field filters; a refusal names the flag),
 * and applied to each record as a stream's router applies them: event id, matched policies, then the export filters,
 * which may rewrite the record.
 * Policy bits are the client's ({@link PolicyOrder}); when they move, the filters are compiled again.
 */
final class LocalFilter
{
    /** {@link #apply} result: the event does not pass. */
    static final int DROPPED = StreamExportFilters.DROPPED;

    private static final String STREAM = "getevents";
    /** The request's fields as getevents' flags. */
    private static final RequestFilters.Names FLAGS = new RequestFilters.Names("--event-types", "--policy-names",
        "--processes/--namespaces/--pods", "deny_list", "--include-fields/--exclude-fields", "sluice list");

    private final StreamEventsRequest request;
    private final EventCatalog catalog;
    private final PolicyOrder policies;
    private final EventView view = new EventView(null);
    private final StreamConfig config;
    private RequestFilters stream;
    private int compiledVersion = -1;

    /**
     * @param request  what the flags ask for.
     * @param catalog  the event catalog.
     * @param policies the policy bits.
     * @throws IllegalArgumentException for an unknown event or set or a bad filter, naming the flag.
     */
    LocalFilter(final StreamEventsRequest request, final EventCatalog catalog, final PolicyOrder policies)
    {
        this.request = request;
        this.config = ClientStreamConfig.of(STREAM, request);
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
        stream = RequestFilters.resolve(config, request, catalog, policies.names(), FLAGS);
        compiledVersion = policies.version();
    }
}
