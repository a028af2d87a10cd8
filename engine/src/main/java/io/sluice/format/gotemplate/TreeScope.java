package io.sluice.format.gotemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The variables in scope while one template is parsed, as Go scopes them: {@code $} first, each declaration a new
 * slot, the control structures dropping theirs at {@code end}; a slot is the variable's position, so the frame a
 * call needs is the most variables ever in scope at once. Also how deep in {@code range} the parser is, for
 * {@code break} and {@code continue}.
 */
final class TreeScope
{
    private final List<String> vars = new ArrayList<>();
    private int maxSlots = 1;
    int rangeDepth;

    TreeScope()
    {
        vars.add("$");
    }

    int mark()
    {
        return vars.size();
    }

    void pop(final int mark)
    {
        vars.subList(mark, vars.size()).clear();
    }

    /**
     * @return the new variable's slot.
     */
    int declare(final String name)
    {
        vars.add(name);
        maxSlots = Math.max(maxSlots, vars.size());
        return vars.size() - 1;
    }

    /**
     * @return the slot of the latest variable of that name in scope, or -1.
     */
    int lookup(final String name)
    {
        return vars.lastIndexOf(name);
    }

    int slots()
    {
        return maxSlots;
    }
}
