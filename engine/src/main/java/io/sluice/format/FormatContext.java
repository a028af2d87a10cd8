package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;

/**
 * What a {@link Format} may need to build its formatter beyond its own spec: the event catalog (names of ids and
 * arguments) and the policies in force, by bit. One record, so that a format needing something new adds a component
 * here instead of changing every format's signature.
 *
 * @param catalog     the event catalog.
 * @param policyNames the names of the policies in force: bit i of an event's matched policies is
 *                    {@code policyNames[i]}.
 */
public record FormatContext(EventCatalog catalog, String[] policyNames)
{
}
