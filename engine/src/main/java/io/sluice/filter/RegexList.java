package io.sluice.filter;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.sluice.config.ConfigException;

import java.util.List;

/**
 * A list of RE2 regular expressions (re2j: linear time), compiled once; text matches when any expression finds a
 * match anywhere in it (unanchored, like Go's {@code MatchString}). Matchers are reused.
 */
final class RegexList
{
    private final Matcher[] matchers;

    /**
     * @param origin  the flag or file, for errors.
     * @param field   the filter field, for errors.
     * @param sources the expressions.
     * @throws ConfigException for a bad expression.
     */
    RegexList(final String origin, final String field, final List<String> sources)
    {
        matchers = new Matcher[sources.size()];
        for (int i = 0; i < matchers.length; i++)
        {
            try
            {
                matchers[i] = Pattern.compile(sources.get(i)).matcher("");
            }
            catch (final PatternSyntaxException ex)
            {
                throw new ConfigException(origin, field, sources.get(i), "bad regular expression: " + ex.getDescription());
            }
        }
    }

    /**
     * @param text the text.
     * @return true when any expression matches somewhere in it.
     */
    boolean any(final CharSequence text)
    {
        for (final Matcher matcher : matchers)
        {
            if (matcher.reset(text).find())
            {
                return true;
            }
        }
        return false;
    }
}
