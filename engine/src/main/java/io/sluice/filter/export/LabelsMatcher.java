package io.sluice.filter.export;

import io.sluice.filter.label.LabelSelector;
import io.sluice.filter.label.LabelSource;
import io.sluice.policy.EventView;

import java.util.List;

/**
 * {@code labels}: Kubernetes label selectors, any of which may match the pod's labels. As in Tetragon, never matches
 * an event without a pod (a host process). Sluice reads no pod labels (there is no Kubernetes API client), so a
 * pod's label set is empty.
 */
final class LabelsMatcher implements ExportMatcher
{
    private static final LabelSource NO_LABELS = key -> null;

    private final LabelSelector[] selectors;

    /**
     * @param value the selectors, one string each.
     * @throws io.sluice.config.ConfigException for a selector apimachinery would refuse.
     */
    LabelsMatcher(final FieldValue value)
    {
        final List<String> strings = value.strings();
        selectors = new LabelSelector[strings.size()];
        for (int i = 0; i < selectors.length; i++)
        {
            selectors[i] = LabelSelector.parse(value.origin(), value.field(), strings.get(i));
        }
    }

    @Override
    public boolean matches(final EventView event)
    {
        if (event.podNameLength() == 0)
        {
            return false;
        }
        for (final LabelSelector selector : selectors)
        {
            if (selector.matches(NO_LABELS))
            {
                return true;
            }
        }
        return false;
    }
}
