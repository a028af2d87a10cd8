package io.sluice.format.gotemplate;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * One {@code .name} of a field chain, compiled at parse time: the name's {@link FieldNames id} for messages, and its
 * bytes for map lookups.
 */
final class FieldStep
{
    final String name;
    final int id;
    final UnsafeBuffer bytes;

    FieldStep(final String name)
    {
        this.name = name;
        this.id = FieldNames.idOf(name);
        this.bytes = new UnsafeBuffer(name.getBytes(StandardCharsets.UTF_8));
    }
}
