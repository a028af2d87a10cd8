package io.sluice.service;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.config.ConfigException;
import io.sluice.config.StreamConfig;
import io.sluice.filter.StreamExportFilters;
import io.sluice.filter.route.EventIdFilter;
import io.sluice.filter.route.PolicyFilter;
import io.sluice.proto.v1beta1.StreamEventsRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The filters a {@code StreamEvents} request asks for, resolved once for the server and for {@code sluice getevents}
 * filtering piped events, so both accept and refuse the same requests: {@code events} (event names or set names),
 * {@code policies} (names of the policies in force), and the Tetragon filters compiled as configured streams' are. A
 * refusal is a {@link BadRequestException} of one line naming the request's field ({@link Names#REQUEST}) or whatever
 * the caller calls it (getevents' flags).
 */
public final class RequestFilters
{
    private final EventIdFilter events;
    private final PolicyFilter policies;
    private final StreamExportFilters exports;

    private RequestFilters(final EventIdFilter events, final PolicyFilter policies, final StreamExportFilters exports)
    {
        this.events = events;
        this.policies = policies;
        this.exports = exports;
    }

    /**
     * What the fields of a request are called in refusals, and where the names of events are listed.
     *
     * @param events       {@code events}.
     * @param policies     {@code policies}.
     * @param allowList    {@code allow_list}.
     * @param denyList     {@code deny_list}.
     * @param fieldFilters {@code mask} and {@code field_filters}.
     * @param eventNames   where event and set names are listed.
     */
    public record Names(String events, String policies, String allowList, String denyList, String fieldFilters,
        String eventNames)
    {
        /** The request's own field names (the server). */
        public static final Names REQUEST = new Names("events", "policies", "allow_list", "deny_list", "mask/field_filters",
            "GetEventDefinitions");
    }

    /**
     * @param config      the request as a stream's config ({@link ClientStreamConfig#of}).
     * @param request     the request.
     * @param catalog     the event catalog.
     * @param policyNames the names of the policies in force, by bit.
     * @param names       what to call the request's fields in a refusal.
     * @return the resolved filters.
     * @throws BadRequestException naming the field and value refused.
     */
    public static RequestFilters resolve(final StreamConfig config, final StreamEventsRequest request,
        final EventCatalog catalog, final String[] policyNames, final Names names)
    {
        final StreamExportFilters exports;
        try
        {
            exports = StreamExportFilters.compile(config.name(), config.exports(), catalog, policyNames);
        }
        catch (final ConfigException ex)
        {
            throw new BadRequestException(describe(config.name(), ex, names));
        }
        if (exports != null && !exports.lineageConditions().isEmpty())
        {
            throw new BadRequestException(exports.lineageConditions().get(0).field() + ": a client's filters cannot use"
                + " process lineage (pid_set, ancestor_binary_regex, arguments_regex, parent_arguments_regex): the ingest"
                + " thread marks lineage only for the filters configured when the run starts");
        }
        return new RequestFilters(eventsNamed(request.getEventsList(), catalog, names),
            policies(request.getPoliciesList(), policyNames, names), exports);
    }

    /** @return the events asked for (every event when none is named). */
    public EventIdFilter events()
    {
        return events;
    }

    /** @return the policies asked for (any when none is named). */
    public PolicyFilter policies()
    {
        return policies;
    }

    /** @return the compiled Tetragon filters, or null when the request has none. */
    public StreamExportFilters exports()
    {
        return exports;
    }

    /**
     * @param requested event names or set names.
     * @param catalog   the catalog.
     * @param names     what to call the field in a refusal.
     * @return the filter of their events (every event when none is named).
     * @throws BadRequestException for a name that is neither.
     */
    static EventIdFilter eventsNamed(final List<String> requested, final EventCatalog catalog, final Names names)
    {
        if (requested.isEmpty())
        {
            return EventIdFilter.all();
        }
        final Set<Integer> ids = new LinkedHashSet<>();
        for (final String name : requested)
        {
            final List<EventDefinition> named = catalog.eventsNamed(name);
            named.forEach(event -> ids.add(event.id()));
            if (named.isEmpty())
            {
                throw new BadRequestException(names.events() + ": '" + name + "': no such event or set (see "
                    + names.eventNames() + ")");
            }
        }
        return EventIdFilter.of(new ArrayList<>(ids));
    }

    private static PolicyFilter policies(final List<String> requested, final String[] policyNames, final Names names)
    {
        long mask = 0;
        for (final String name : requested)
        {
            final int bit = PolicyFilter.bitOf(policyNames, name);
            if (bit < 0)
            {
                throw new BadRequestException(names.policies() + ": '" + name + "': no such policy (in force: " +
                    (policyNames.length == 0 ? "none" : String.join(", ", policyNames)) + ")");
            }
            mask |= 1L << bit;
        }
        return PolicyFilter.ofMask(mask);
    }

    /**
     * The filter compiler names a configured stream's section ({@code streams.<name>.filters.allow}); a client's message
     * names the request's field instead.
     */
    private static String describe(final String stream, final ConfigException ex, final Names names)
    {
        final String prefix = "streams." + stream + ".filters.";
        final String origin = ex.origin();
        if (!origin.startsWith(prefix))
        {
            return ex.getMessage();
        }
        final String section = switch (origin.substring(prefix.length()))
        {
            case "allow" -> names.allowList();
            case "deny" -> names.denyList();
            case "fields" -> names.fieldFilters();
            default -> origin.substring(prefix.length());
        };
        return section + ex.getMessage().substring(origin.length());
    }
}
