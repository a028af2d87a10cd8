package io.sluice.filter.export;

import io.sluice.filter.text.RegexList;
import io.sluice.policy.EventView;
import io.sluice.process.ProcessEntry;
import io.sluice.process.ProcessTree;

/**
 * {@code ancestor_binary_regex}: an expression matches the executable of any ancestor of the process (not the
 * process's own), up the process tree; without one, the record's ancestors.
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
        ProcessEntry entry = self;
        for (int depth = 0; depth < ProcessTree.MAX_LINEAGE_DEPTH && entry != null; depth++)
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
        for (int i = 0; i < event.ancestorCount(); i++)
        {
            if (regexes.any(event.ancestorExe(i), 0, event.ancestorExeLength(i)))
            {
                return true;
            }
        }
        return false;
    }
}
