package io.sluice.cli.config;

import io.sluice.config.ConfigException;
import io.sluice.format.Format;
import io.sluice.format.Formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tracee's short forms of {@code --output}, applied to a {@link RawOutputTree}: {@code FORMAT[=ARG][:PATH[,PATH...]]}
 * for any file format of {@link Formats}, {@code none}, the bare option names, {@code option:NAME[,NAME...]}, and
 * {@code webhook:URL}, {@code forward:URL}, {@code kafka:URL}. Each destination it declares is named
 * {@code <format>-<n>} or {@code <type>-<n>}, n counting the short forms of that format or type in flag order (so one
 * instance serves the file's list form and the flags after it).
 */
final class OutputShortForms
{
    private static final String FILE = "file";

    private final RawOutputTree tree;
    private final Map<String, Integer> counts = new HashMap<>();

    /**
     * @param tree the tree to declare destinations and options in.
     */
    OutputShortForms(final RawOutputTree tree)
    {
        this.tree = tree;
    }

    /**
     * @param flag   a flag that is neither dotted form.
     * @param origin where it comes from, for errors.
     * @throws ConfigException when it is no short form, or a malformed one.
     */
    void parse(final String flag, final String origin)
    {
        final int colon = flag.indexOf(':');
        final String head = colon < 0 ? flag : flag.substring(0, colon);
        final String tail = colon < 0 ? null : flag.substring(colon + 1);
        final int eq = head.indexOf('=');
        final Format format = Formats.byKey(eq < 0 ? head : head.substring(0, eq));
        if (format != null && format.allows(FILE))
        {
            // FORMAT[=ARG][:PATH[,PATH...]]: the format registry validates the setting when the tree is resolved
            addShortFormDestinations(flag, origin, format.key(), head, tail);
            return;
        }
        switch (head)
        {
            case "none" ->
            {
                if (tail != null)
                {
                    throw new ConfigException(origin, "none", tail, "takes no path");
                }
                tree.none = RawValue.of(flag, new Source(origin, "none"));
            }
            case "webhook", "forward", "kafka" ->
            {
                if (tail == null || tail.isEmpty())
                {
                    throw new ConfigException(origin, head, null, "needs a URL: --output " + head + ":URL");
                }
                addShortFormUrl(head, flag, origin, tail);
            }
            case "option" ->
            {
                if (tail == null || tail.isEmpty())
                {
                    throw new ConfigException(origin, "option", null,
                        "needs a name: option:" + String.join("|", RawOutputTree.OPTIONS));
                }
                for (final String name : tail.split(",", -1))
                {
                    final Source source = new Source(origin, "option");
                    OutputFlagParser.checkOptionName(name, source);
                    tree.options.put(name, new RawValue<>(true, name, source));
                }
            }
            default ->
            {
                if (tail == null && RawOutputTree.isOption(head))
                {
                    tree.options.put(head, new RawValue<>(true, head, new Source(origin, "option")));
                    return;
                }
                if (tail == null && RawOutputTree.TRACEE_ONLY_OPTIONS.contains(head))
                {
                    throw new ConfigException(origin, "option", head, "not available yet");
                }
                throw new ConfigException(origin, "--output", flag,
                    "not understood (expected destinations.<name>.<field>=<value>, streams.<name>.<field>=<value>,"
                        + " options.<name>, FORMAT[=ARG][:PATH], none, option:<name> or a bare option name)");
            }
        }
    }

    private void addShortFormDestinations(final String flag, final String origin, final String formatKey,
        final String format, final String tail)
    {
        final List<String> paths = new ArrayList<>();
        if (tail == null)
        {
            paths.add("stdout");
        }
        else
        {
            for (final String path : tail.split(",", -1))
            {
                if (path.isEmpty())
                {
                    throw new ConfigException(origin, "path", tail, "empty path (write " + format + ":PATH)");
                }
                paths.add(path);
            }
        }
        for (final String path : paths)
        {
            final int n = counts.merge(formatKey, 1, Integer::sum);
            final String name = formatKey + "-" + n;
            final Source declaredAt = new Source(origin, formatKey);
            final RawDestination destination = declare(name, flag, declaredAt);
            destination.type = RawValue.of(FILE, declaredAt);
            destination.format = RawValue.of(format, new Source(origin, "format"));
            destination.path = RawValue.of(path, new Source(origin, "path"));
            tree.destinations.put(name, destination);
        }
    }

    /**
     * {@code webhook:URL}, {@code forward:URL} or {@code kafka:URL}: a destination of that type named
     * {@code webhook-<n>}, {@code forward-<n>} or {@code kafka-<n>}; the URL's parameters are its settings.
     */
    private void addShortFormUrl(final String type, final String flag, final String origin, final String url)
    {
        final String name = type + "-" + counts.merge(type, 1, Integer::sum);
        final Source declaredAt = new Source(origin, type);
        final RawDestination destination = declare(name, flag, declaredAt);
        destination.type = RawValue.of(type, declaredAt);
        destination.url = RawValue.of(url, new Source(origin, "url"));
        tree.destinations.put(name, destination);
    }

    /**
     * @return a new destination of that name, unless a destination the configuration declared has it.
     */
    private RawDestination declare(final String name, final String flag, final Source declaredAt)
    {
        final RawDestination existing = tree.destinations.get(name);
        if (existing != null)
        {
            throw existing.nameSource.error(name,
                "this name is taken by the short form --output " + flag + "; rename the declared destination");
        }
        return new RawDestination(name, declaredAt, declaredAt, flag);
    }
}
