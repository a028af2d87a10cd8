package io.sluice.filter.export;

import io.sluice.codec.sbe.ValueType;
import io.sluice.filter.text.RegexList;
import io.sluice.policy.EventView;
import io.sluice.process.ArgumentText;
import io.sluice.process.ProcessEntry;

import java.nio.charset.StandardCharsets;

/**
 * {@code arguments_regex}: an expression matches the process's arguments after argv[0], joined as Tetragon joins
 * them: from the process tree (its last exec, or {@code /proc}); without one, an exec's own {@code argv}, else none.
 */
final class ArgumentsRegexMatcher extends LineageMatcher
{
    private static final byte[] ARGV = "argv".getBytes(StandardCharsets.UTF_8);

    private final RegexList regexes;
    private final ArgumentText arguments = new ArgumentText(Integer.MAX_VALUE);

    /**
     * @param value RE2 expressions.
     * @throws io.sluice.config.ConfigException for a bad expression.
     */
    ArgumentsRegexMatcher(final FieldValue value)
    {
        super(value);
        regexes = value.regexes();
    }

    @Override
    boolean inTree(final EventView event, final ProcessEntry self)
    {
        return self == null ? regexes.any(arguments.clear().bytes(), 0, 0) :
            regexes.any(self.argumentsBytes(), 0, self.argumentsLength());
    }

    /** An exec's own arguments (Tetragon's {@code process.arguments} of that exec); else none. */
    @Override
    boolean inRecord(final EventView event)
    {
        final int i = event.dataIndex(ARGV);
        if (i < 0 || event.dataType(i) != ValueType.STR_ARRAY)
        {
            arguments.clear();
        }
        else
        {
            arguments.ofStrArray(event.dataValue(i), 0, event.dataValueLength(i));
        }
        return regexes.any(arguments.bytes(), 0, arguments.length());
    }
}
