package io.sluice.filter.export;

import io.sluice.filter.cel.InitTree;
import io.sluice.policy.EventView;

/**
 * {@code in_init_tree}: {@code true} keeps the processes in their container's init tree, {@code false} every other
 * (a process outside containers among them), as Tetragon's {@code filterByInInitTree}; {@link InitTree} says how Sluice
 * knows.
 */
final class InInitTreeMatcher implements ExportMatcher
{
    private final boolean inInitTree;

    /**
     * @param value {@code true} or {@code false}.
     * @throws io.sluice.config.ConfigException for any other value.
     */
    InInitTreeMatcher(final FieldValue value)
    {
        if (!(value.raw() instanceof Boolean flag))
        {
            throw value.error(null, String.valueOf(value.raw()), "expected true or false");
        }
        inInitTree = flag;
    }

    @Override
    public boolean matches(final EventView event)
    {
        return InitTree.contains(event) == inInitTree;
    }
}
