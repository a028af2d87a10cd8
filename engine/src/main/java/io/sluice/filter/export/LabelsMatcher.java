package io.sluice.filter.export;

import io.sluice.filter.label.LabelSelector;
import io.sluice.filter.label.LabelSource;
import io.sluice.policy.EventView;

/**
 * {@code labels}: Kubernetes label selectors, any of which may match the pod's labels. As in Tetragon, never matches
 * an event without a pod (a host process). Sluice reads no pod labels (there is no Kubernetes API client), so a
 * pod's label set is empty.
 */
final class LabelsMatcher implements ExportMatcher
{
    private static final LabelSource NO_LABELS = key -> null;

    private final boolean anyMatchesNoLabels;

    /**
     * @param value the selectors, one string each.
     * @throws io.sluice.config.ConfigException for a selector apimachinery would refuse.
     */
    LabelsMatcher(final FieldValue value)
    {
        // Sluice reads no pod labels, so a pod's label set is always empty: each selector's answer is known now
        boolean any = false;
        for (final String selector : value.strings())
        {
            any |= LabelSelector.parse(value.origin(), value.field(), selector).matches(NO_LABELS);
        }
        anyMatchesNoLabels = any;
    }

    @Override
    public boolean matches(final EventView event)
    {
        return event.podNameLength() != 0 && anyMatchesNoLabels;
    }
}
