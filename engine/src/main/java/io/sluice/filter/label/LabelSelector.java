package io.sluice.filter.label;

import io.sluice.config.ConfigException;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A Kubernetes label selector, as Tetragon's {@code labels} export filter takes it (each string parsed by
 * {@code k8s.io/apimachinery/pkg/labels.Parse}): comma-separated requirements, all of which must match (AND).
 * Compiled once, at start-up; {@link #matches} does not allocate.
 *
 * <table>
 * <caption>Requirements</caption>
 * <tr><th>requirement</th><th>matches when</th></tr>
 * <tr><td>{@code key}</td><td>the label exists (any value, the empty one included)</td></tr>
 * <tr><td>{@code !key}</td><td>the label does not exist</td></tr>
 * <tr><td>{@code key=value}, {@code key==value}</td><td>the label exists with that value</td></tr>
 * <tr><td>{@code key!=value}</td><td>the label does not exist, or has another value</td></tr>
 * <tr><td>{@code key in (v1,v2)}</td><td>the label exists with one of the values</td></tr>
 * <tr><td>{@code key notin (v1,v2)}</td><td>the label does not exist, or has none of the values</td></tr>
 * <tr><td>{@code key>N}, {@code key<N}</td><td>the label exists, its value is a (64-bit) integer, greater / less
 * than N</td></tr>
 * </table>
 *
 * <p>The grammar is apimachinery's, quirks included: spaces, tabs and line breaks may surround any token
 * ({@code key in(a, b)}); a value may be empty ({@code key=}, {@code key in ()} and {@code key in (a,)} name the
 * empty value); {@code in} and {@code notin} are words only where an operator is expected ({@code in in (in)} is valid);
 * an empty selector has no requirement and matches every label set. Keys are qualified names: an optional lowercase
 * DNS subdomain prefix of at most 253 characters and a {@code /}, then a name of 1 to 63 characters of
 * {@code [A-Za-z0-9_.-]} starting and ending with a letter or digit. Values are empty or of at most 63 such characters
 * (so {@code key>-1} is refused, as there). {@code >} and {@code <} take one integer.
 *
 * <p>Where a pod's labels come from, and that an event without a pod never matches Tetragon's filter (however its
 * selectors read), is the caller's business: a selector only sees a {@link LabelSource}.
 */
public final class LabelSelector
{
    private final LabelRequirement[] requirements;

    private LabelSelector(final LabelRequirement[] requirements)
    {
        this.requirements = requirements;
    }

    /**
     * Parses and checks a selector, once, at start-up.
     *
     * @param origin   the flag or {@code FILE:line} it came from, for errors.
     * @param field    the filter field, for errors ({@code labels}).
     * @param selector the selector ({@code app.kubernetes.io/name=xwing,tier notin (db)}).
     * @return the compiled selector.
     * @throws ConfigException naming the origin, the field and the selector, and what is wrong where.
     */
    public static LabelSelector parse(final String origin, final String field, final String selector)
    {
        final LabelRequirement[] requirements = new LabelSelectorParser(origin, field, selector).parse()
            .toArray(new LabelRequirement[0]);
        // apimachinery keeps requirements sorted by key; for matching the order does not matter (AND)
        Arrays.sort(requirements, Comparator.comparing(LabelRequirement::key));
        return new LabelSelector(requirements);
    }

    /**
     * @param labels the labels, looked up once per requirement.
     * @return true when every requirement matches (always, for an empty selector).
     */
    public boolean matches(final LabelSource labels)
    {
        for (final LabelRequirement requirement : requirements)
        {
            if (!requirement.matches(labels.label(requirement.key())))
            {
                return false;
            }
        }
        return true;
    }

    /** @return true when the selector has no requirement (it then matches everything). */
    public boolean isEmpty()
    {
        return requirements.length == 0;
    }

    /** @return the selector in apimachinery's canonical form: requirements sorted by key, values sorted. */
    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder();
        for (final LabelRequirement requirement : requirements)
        {
            if (text.length() > 0)
            {
                text.append(',');
            }
            requirement.appendTo(text);
        }
        return text.toString();
    }
}
