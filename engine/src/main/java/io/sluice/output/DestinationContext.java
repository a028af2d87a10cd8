package io.sluice.output;

/**
 * What a destination may need to know of the run it belongs to, beside its own config: a journal writes the policy
 * names, its stream and the source into its header.
 *
 * @param policyNames       the names of the policies in force, by bit.
 * @param stream            the name of the stream the destination belongs to.
 * @param sourceDescription the source, as the summary describes it.
 */
public record DestinationContext(String[] policyNames, String stream, String sourceDescription)
{
}
