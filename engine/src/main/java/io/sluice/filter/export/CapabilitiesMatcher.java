package io.sluice.filter.export;

import io.sluice.policy.EventView;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tetragon's {@code capabilities} export filter: for each of {@code effective}, {@code permitted} and
 * {@code inheritable} given, exactly one match set ({@code any}, {@code all}, {@code exactly} or {@code none}) of
 * capability names; the sets given must all hold. Capabilities are compared as 64-bit masks (bit n = the capability
 * numbered n, {@code CAP_CHOWN} = 0 .. {@code CAP_CHECKPOINT_RESTORE} = 40). Events without capabilities (records
 * older than schema version 2) never match, as Tetragon's filter does not match events without them.
 */
final class CapabilitiesMatcher implements ExportMatcher
{
    /** Capability names by number (linux/capability.h). */
    static final List<String> NAMES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER",
        "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
        "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER",
        "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN",
        "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD",
        "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN",
        "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
        "CAP_CHECKPOINT_RESTORE");

    private static final int ANY = 1;
    private static final int ALL = 2;
    private static final int EXACTLY = 3;
    private static final int NONE = 4;
    private static final int EFFECTIVE = 0;
    private static final int PERMITTED = 1;
    private static final int INHERITABLE = 2;

    private final int[] kinds = new int[3];
    private final long[] masks = new long[3];

    /**
     * @param value the {@code capabilities} value as parsed from JSON.
     * @throws io.sluice.config.ConfigException for an unknown set, a set with no or several match sets, or an
     *         unknown capability.
     */
    CapabilitiesMatcher(final FieldValue value)
    {
        if (!(value.raw() instanceof Map<?, ?> sets) || sets.isEmpty())
        {
            throw value.error(null, String.valueOf(value.raw()), "expected an object with effective, permitted and/or inheritable");
        }
        for (final Map.Entry<?, ?> set : sets.entrySet())
        {
            final String setName = String.valueOf(set.getKey());
            final int index = switch (setName)
            {
                case "effective" -> EFFECTIVE;
                case "permitted" -> PERMITTED;
                case "inheritable" -> INHERITABLE;
                default -> throw value.error(setName, null, "unknown capability set (expected effective, permitted, inheritable)");
            };
            if (!(set.getValue() instanceof Map<?, ?> matchSets) || matchSets.size() != 1)
            {
                throw value.error(setName, String.valueOf(set.getValue()), "a capability set takes exactly one of any, all, exactly, none");
            }
            final Map.Entry<?, ?> matchSet = matchSets.entrySet().iterator().next();
            final String kindName = String.valueOf(matchSet.getKey());
            kinds[index] = switch (kindName)
            {
                case "any" -> ANY;
                case "all" -> ALL;
                case "exactly" -> EXACTLY;
                case "none" -> NONE;
                default -> throw value.error(setName + "." + kindName, null, "unknown match set (expected any, all, exactly, none)");
            };
            masks[index] = mask(value, setName + "." + kindName, matchSet.getValue());
        }
    }

    /**
     * @param event the decoded event.
     * @return true when every set given holds for the event's capabilities.
     */
    @Override
    public boolean matches(final EventView event)
    {
        if (!event.hasCapabilities())
        {
            return false;
        }
        return holds(kinds[EFFECTIVE], masks[EFFECTIVE], event.capEffective()) &&
            holds(kinds[PERMITTED], masks[PERMITTED], event.capPermitted()) &&
            holds(kinds[INHERITABLE], masks[INHERITABLE], event.capInheritable());
    }

    private static boolean holds(final int kind, final long mask, final long capabilities)
    {
        return switch (kind)
        {
            case ANY -> (capabilities & mask) != 0;
            case ALL -> (capabilities & mask) == mask;
            case EXACTLY -> capabilities == mask;
            case NONE -> (capabilities & mask) == 0;
            default -> true;
        };
    }

    private static long mask(final FieldValue field, final String subfield, final Object value)
    {
        if (!(value instanceof List<?> names) || names.isEmpty())
        {
            throw field.error(subfield, String.valueOf(value), "expected a non-empty list of capability names");
        }
        long mask = 0;
        for (final Object name : names)
        {
            mask |= 1L << number(field, subfield, String.valueOf(name));
        }
        return mask;
    }

    /** {@code CAP_SYS_ADMIN}, {@code SYS_ADMIN} (Tetragon spells some without the prefix) or the number. */
    private static int number(final FieldValue field, final String subfield, final String name)
    {
        final String upper = name.trim().toUpperCase(Locale.ROOT);
        final int byName = NAMES.indexOf(upper.startsWith("CAP_") ? upper : "CAP_" + upper);
        if (byName >= 0)
        {
            return byName;
        }
        try
        {
            final int number = Integer.parseInt(upper);
            if (number >= 0 && number < NAMES.size())
            {
                return number;
            }
        }
        catch (final NumberFormatException ex)
        {
            // not a number either
        }
        throw field.error(subfield, name, "unknown capability (expected a name such as CAP_SYS_ADMIN)");
    }
}
