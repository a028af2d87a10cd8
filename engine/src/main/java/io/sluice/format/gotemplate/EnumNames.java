package io.sluice.format.gotemplate;

import io.sluice.proto.v1beta1.EventId;
import io.sluice.proto.v1beta1.SaFamilyT;
import io.sluice.proto.v1beta1.Severity;
import org.agrona.collections.Int2ObjectHashMap;

import java.nio.charset.StandardCharsets;

/**
 * The names of the event's enum values ({@code EventId}, {@code Severity}, {@code SaFamilyT}), as their Go
 * {@code String()} prints them (the proto names), encoded once; a number without a name prints as the number.
 */
final class EnumNames
{
    private final Int2ObjectHashMap<byte[]> eventIds = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<byte[]> severities = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<byte[]> families = new Int2ObjectHashMap<>();

    EnumNames()
    {
        for (final EventId id : EventId.values())
        {
            if (id != EventId.UNRECOGNIZED)
            {
                eventIds.put(id.getNumber(), bytes(id.name()));
            }
        }
        for (final Severity severity : Severity.values())
        {
            if (severity != Severity.UNRECOGNIZED)
            {
                severities.put(severity.getNumber(), bytes(severity.name()));
            }
        }
        for (final SaFamilyT family : SaFamilyT.values())
        {
            if (family != SaFamilyT.UNRECOGNIZED)
            {
                families.put(family.getNumber(), bytes(family.name()));
            }
        }
    }

    private static byte[] bytes(final String name)
    {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param enumType {@link EventSchema#EVENT_ID_ENUM}, {@link EventSchema#SEVERITY_ENUM} or
     *                 {@link EventSchema#FAMILY_ENUM}.
     * @return the name, or null.
     */
    byte[] name(final int enumType, final long number)
    {
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)
        {
            return null;
        }
        return switch (enumType)
        {
            case EventSchema.EVENT_ID_ENUM -> eventIds.get((int)number);
            case EventSchema.SEVERITY_ENUM -> severities.get((int)number);
            default -> families.get((int)number);
        };
    }
}
