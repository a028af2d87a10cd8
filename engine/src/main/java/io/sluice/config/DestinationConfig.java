package io.sluice.config;

/**
 * One validated destination.
 *
 * @param name   unique name, referenced by streams.
 * @param type   where events go.
 * @param format how they are rendered.
 * @param path   for {@link DestinationType#FILE}: {@code stdout}, {@code stderr} or a file path; else null.
 * @param url    for network types: the URL; else null.
 */
public record DestinationConfig(String name, DestinationType type, FormatSpec format, String path, String url)
{
}
