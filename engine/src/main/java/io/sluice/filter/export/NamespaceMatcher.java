package io.sluice.filter.export;

import io.sluice.policy.EventView;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** {@code namespace}: the pod's namespace is one of these, compared byte for byte; {@code ""} = host processes. */
final class NamespaceMatcher implements ExportMatcher
{
    private final byte[][] namespaces;

    /**
     * @param value the namespaces.
     */
    NamespaceMatcher(final FieldValue value)
    {
        final List<String> names = value.strings();
        namespaces = new byte[names.size()][];
        for (int i = 0; i < namespaces.length; i++)
        {
            namespaces[i] = names.get(i).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public boolean matches(final EventView event)
    {
        for (final byte[] namespace : namespaces)
        {
            if (namespace.length == event.podNamespaceLength() &&
                Arrays.equals(namespace, 0, namespace.length, event.podNamespace(), 0, namespace.length))
            {
                return true;
            }
        }
        return false;
    }
}
