package io.sluice.filter.export;

import io.sluice.filter.text.RegexList;

/**
 * The base of the fields that are a list of RE2 expressions matched against one text of the event
 * ({@code binary_regex}, {@code pod_regex} ...): each says which text, its expressions are compiled here.
 */
abstract class RegexMatcher implements ExportMatcher
{
    /** The field's expressions; any may match, anywhere in the text. */
    protected final RegexList regexes;

    /**
     * @param value RE2 expressions.
     * @throws io.sluice.config.ConfigException for a bad expression.
     */
    RegexMatcher(final FieldValue value)
    {
        regexes = value.regexes();
    }
}
