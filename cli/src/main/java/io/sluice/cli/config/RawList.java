package io.sluice.cli.config;

import java.util.List;

/**
 * A raw list setting (stream destinations, event or policy filters): the list's own source and each item with its own.
 *
 * @param items  the items in order.
 * @param source where the list as a whole came from.
 */
record RawList(List<RawValue<String>> items, Source source)
{
}
