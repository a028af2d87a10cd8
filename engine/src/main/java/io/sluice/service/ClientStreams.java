package io.sluice.service;

import io.sluice.config.RetryPolicy;
import io.sluice.config.StreamConfig;
import io.sluice.engine.LiveEngine;
import io.sluice.proto.v1beta1.StreamEventsRequest;
import io.sluice.stream.Stream;
import io.sluice.stream.StreamEnvironment;
import io.sluice.stream.StreamOutput;

import java.util.List;

/**
 * Builds a client's {@link Stream} from its {@code StreamEventsRequest}: the request as a stream's config
 * ({@link ClientStreamConfig}), its filters resolved by {@link RequestFilters} (as getevents resolves them for piped
 * events), and the call as its one destination. A request refused is a {@link BadRequestException} whose message
 * names the request's field and value.
 */
final class ClientStreams
{
    private final LiveEngine engine;

    /**
     * @param engine what client streams are built from.
     */
    ClientStreams(final LiveEngine engine)
    {
        this.engine = engine;
    }

    /**
     * @param name        the client's stream name.
     * @param request     what it asked for.
     * @param destination its call.
     * @param environment what its stream runs with.
     * @return the stream, not started.
     * @throws BadRequestException naming the field and value the server refuses.
     */
    Stream build(final String name, final StreamEventsRequest request, final ClientDestination destination,
        final StreamEnvironment environment)
    {
        final StreamConfig config;
        try
        {
            config = ClientStreamConfig.of(name, request);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new BadRequestException(ex.getMessage());
        }
        final RequestFilters filters = RequestFilters.resolve(config, request, engine.catalog(), engine.policyNames(),
            RequestFilters.Names.REQUEST);
        final List<StreamOutput> outputs = List.of(new StreamOutput(destination,
            new ResponseFormatter(engine.catalog(), engine.policyNames()), RetryPolicy.DEFAULTS));
        return new Stream(config, filters.events(), filters.policies(), filters.exports(), outputs, environment);
    }
}
