package io.sluice.filter.export;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every export filter field, by name, and how to compile it: the one table that says which fields exist, so
 * adding a field is one {@link ExportMatcher} class and one line here. The table's order is the order the fields
 * of an object are evaluated in: the cheap checks first, the regular expressions after, the lineage bits last.
 */
final class ExportFields
{
    /**
     * One row of the table.
     *
     * @param name    the field as written in JSON.
     * @param factory how to compile its value.
     */
    private record Field(String name, ExportMatcher.Factory factory)
    {
    }

    private static final List<Field> TABLE = List.of(
        new Field("event_set", EventSetMatcher::new),
        new Field("policy_names", PolicyNamesMatcher::new),
        new Field("pid", PidMatcher::new),
        new Field("namespace", NamespaceMatcher::new),
        new Field("health_check", HealthCheckMatcher::new),
        new Field("in_init_tree", InInitTreeMatcher::new),
        new Field("binary_regex", BinaryRegexMatcher::new),
        new Field("pod_regex", PodRegexMatcher::new),
        new Field("namespace_regex", NamespaceRegexMatcher::new),
        new Field("container_id", ContainerIdMatcher::new),
        new Field("container_name_regex", ContainerNameRegexMatcher::new),
        new Field("parent_binary_regex", ParentBinaryRegexMatcher::new),
        new Field("capabilities", CapabilitiesMatcher::new),
        new Field("labels", LabelsMatcher::new),
        new Field("pid_set", PidSetMatcher::new),
        new Field("arguments_regex", ArgumentsRegexMatcher::new),
        new Field("parent_arguments_regex", ParentArgumentsRegexMatcher::new),
        new Field("ancestor_binary_regex", AncestorBinaryRegexMatcher::new),
        new Field("cel_expression", CelExpressionMatcher::new));

    /** Every field's name, sorted. */
    static final Set<String> NAMES = names();

    private ExportFields()
    {
    }

    /** @return how many fields there are. */
    static int count()
    {
        return TABLE.size();
    }

    /**
     * @param name a field's name as written.
     * @return its place in the table (its turn to be evaluated), or -1 for no such field.
     */
    static int indexOf(final String name)
    {
        for (int i = 0; i < TABLE.size(); i++)
        {
            if (TABLE.get(i).name().equals(name))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param written a field's name as written: {@code binary_regex}, protojson's {@code binaryRegex}, or (as Go's
     *                encoding/json, which Tetragon reads its lists with, matches names case-insensitively)
     *                {@code BINARY_REGEX}.
     * @return the name in the table's spelling ({@code binary_regex}).
     */
    static String canonical(final String written)
    {
        if (written.indexOf('_') >= 0 || written.equals(written.toUpperCase(Locale.ROOT)))
        {
            return written.toLowerCase(Locale.ROOT);
        }
        final StringBuilder snake = new StringBuilder(written.length() + 4);
        for (int i = 0; i < written.length(); i++)
        {
            final char c = written.charAt(i);
            if (Character.isUpperCase(c) && i > 0)
            {
                snake.append('_');
            }
            snake.append(Character.toLowerCase(c));
        }
        return snake.toString();
    }

    /**
     * @param index a place in the table.
     * @param value the field's value.
     * @return the compiled field.
     * @throws io.sluice.config.ConfigException for a bad value.
     */
    static ExportMatcher compile(final int index, final FieldValue value)
    {
        return TABLE.get(index).factory().compile(value);
    }

    private static Set<String> names()
    {
        final Set<String> names = new TreeSet<>();
        TABLE.forEach(field -> names.add(field.name()));
        return Collections.unmodifiableSet(names);
    }
}
