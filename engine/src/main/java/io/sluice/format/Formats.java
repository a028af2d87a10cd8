package io.sluice.format;

import io.sluice.config.FormatSpec;
import io.sluice.config.Setting;

import java.util.ArrayList;
import java.util.List;

/**
 * The one table of output formats: each {@link Format} by its key. Configuration validates a destination's
 * {@code format} here ({@link #resolve}) and the engine builds each formatter through the entry ({@link Format#create}), so a new format is one
 * class and one line in {@link #ALL}.
 */
public final class Formats
{
    /** Every format, in the order messages list them. */
    private static final List<Format> ALL = List.of(
        new JsonFormat(),
        new TableFormat(),
        new GoTemplateFormat(),
        new CompactFormat(),
        new ProtobufFormat(),
        new TableVerboseFormat(),
        new SbeFormat());

    private Formats()
    {
    }

    /**
     * @return every format, in the order messages list them ({@code sluice list formats}).
     */
    public static List<Format> all()
    {
        return ALL;
    }

    /**
     * @param key a format key ({@code json}).
     * @return its entry, or null when no format has that key.
     */
    public static Format byKey(final String key)
    {
        for (final Format format : ALL)
        {
            if (format.key().equals(key))
            {
                return format;
            }
        }
        return null;
    }

    /**
     * Validates a destination's {@code format} for its type.
     *
     * @param raw             the {@code format} setting as written ({@code json}, {@code gotemplate=FILE}).
     * @param destinationType the destination's type key.
     * @return the spec.
     * @throws io.sluice.config.ConfigException naming the setting: unknown, missing or unexpected argument, not for
     *         this destination type.
     */
    public static FormatSpec resolve(final Setting<String> raw, final String destinationType)
    {
        final String value = raw.value();
        final int eq = value.indexOf('=');
        final Format format = byKey(eq < 0 ? value : value.substring(0, eq));
        if (format == null || (eq >= 0 && !format.takesArgument()))
        {
            throw raw.error("unknown format (expected " + join(usable(destinationType), " or ") + ")");
        }
        final String argument = eq < 0 ? "" : value.substring(eq + 1);
        if (format.takesArgument() && argument.isEmpty())
        {
            throw raw.error("needs " + format.argumentMeaning() + ": " + format.usage());
        }
        if (!format.allows(destinationType))
        {
            throw raw.error(format.misuse());
        }
        return new FormatSpec(format.key(), format.takesArgument() ? argument : null);
    }

    private static List<String> usable(final String destinationType)
    {
        final List<String> usages = new ArrayList<>();
        for (final Format format : ALL)
        {
            if (format.allows(destinationType))
            {
                usages.add(format.usage());
            }
        }
        return usages;
    }

    /** {@code a}, {@code a or b}, {@code a, b or c}. */
    private static String join(final List<String> items, final String last)
    {
        if (items.size() < 2)
        {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }
}
