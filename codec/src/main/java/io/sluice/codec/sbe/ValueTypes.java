package io.sluice.codec.sbe;

import java.util.Arrays;

/**
 * Reads a data entry's raw {@code valueType} without the generated lookup's exception for unknown codes: a code this
 * schema does not know (a newer or broken writer) reads as {@link ValueType#NONE}, so the entry keeps its name and
 * drops its value, the same way in every reader.
 */
public final class ValueTypes
{
    private static final ValueType[] BY_CODE = new ValueType[256];

    static
    {
        Arrays.fill(BY_CODE, ValueType.NONE);
        for (final ValueType type : ValueType.values())
        {
            if (type != ValueType.NULL_VAL)
            {
                BY_CODE[type.value()] = type;
            }
        }
    }

    private ValueTypes()
    {
    }

    /**
     * @param raw the {@code valueType} field as stored (0..255).
     * @return its type, {@link ValueType#NONE} when unknown.
     */
    public static ValueType of(final short raw)
    {
        return BY_CODE[raw & 0xFF];
    }
}
