package io.sluice.output;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.report.Problems;

/**
 * What a destination may need to know of the run it belongs to, beside its own config: a journal writes the policy
 * names, its stream and the source into its header; a webhook reports the answers it gives up on (a 400) as problems;
 * a kafka destination names each event in a header.
 *
 * @param policyNames       the names of the policies in force, by bit.
 * @param stream            the name of the stream the destination belongs to.
 * @param sourceDescription the source, as the summary describes it.
 * @param problems          the run's problem reporter.
 * @param catalog           the event catalog (a kafka record's {@code event} header names the event).
 */
public record DestinationContext(String[] policyNames, String stream, String sourceDescription, Problems problems,
    EventCatalog catalog)
{
}
