package io.sluice.filter.label;

/**
 * The labels a {@link LabelSelector} is matched against (a pod's labels): a lookup by key. A {@code Map<String, String>}
 * is one ({@code map::get}); an event view can answer from its own buffers through a reused {@link CharSequence}.
 */
@FunctionalInterface
public interface LabelSource
{
    /**
     * Called on the matching path: implementations should not allocate. The returned sequence is read before the
     * next call only, so a view reused from call to call is fine.
     *
     * @param key a label key ({@code app.kubernetes.io/name}).
     * @return the label's value ({@code ""} for a label with an empty value), or null when there is no such label.
     */
    CharSequence label(String key);
}
