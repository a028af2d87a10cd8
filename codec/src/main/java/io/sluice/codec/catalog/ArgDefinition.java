package io.sluice.codec.catalog;

/**
 * One argument of a catalog event: its name in {@code data[]} and its type.
 *
 * @param name the data field name, for instance {@code pathname}.
 * @param type how it is carried and printed.
 */
public record ArgDefinition(String name, ArgType type)
{
}
