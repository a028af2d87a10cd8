package io.sluice.filter.export;

import io.sluice.filter.text.RegexList;
import io.sluice.policy.EventView;
import io.sluice.process.ProcessEntry;
import io.sluice.process.ProcessTree;

/**
 * {@code ancestor_binary_regex}: an expression matches the executable of an ancestor of the process beyond its
 * immediate parent (Tetragon's {@code ancestors} field: "ancestors of the process beyond the immediate parent"; the
 * parent is {@code parent_binary_regex}'s), up the process tree; without one, the record's ancestors after the first.
 */
final class AncestorBinaryRegexMatcher extends LineageMatcher
{
    private final RegexList regexes;

    /**
     * @param value RE2 expressions.
     * @throws io.sluice.config.ConfigException for a bad expression.
     */
    AncestorBinaryRegexMatcher(final FieldValue value)
    {
        super(value);
        regexes = value.regexes();
    }

    @Override
    boolean inTree(final EventView event, final ProcessEntry self)
    {
        // start at the parent: the first step up below is the grandparent
        ProcessEntry entry = self.parent();
        for (int depth = 1; depth < ProcessTree.MAX_LINEAGE_DEPTH && entry != null; depth++)
        {
            entry = entry.parent();
            if (entry != null && regexes.any(entry.exeBytes(), 0, entry.exeLength()))
            {
                return true;
            }
        }
        return false;
    }

    @Override
    boolean inRecord(final EventView event)
    {
        for (int i = 1; i < event.ancestorCount(); i++)
        {
            if (regexes.any(event.ancestorExe(i), 0, event.ancestorExeLength(i)))
            {
                return true;
            }
        }
        return false;
    }
}
