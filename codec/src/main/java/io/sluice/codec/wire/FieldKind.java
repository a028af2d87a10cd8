package io.sluice.codec.wire;

/**
 * What one field of a structured value's message holds, which fixes its wire type and how each printer shows it.
 */
public enum FieldKind
{
    /** {@code uint32}: varint, printed as an unsigned number. */
    UINT32(0),
    /** {@code int32}: varint (negatives sign-extended to ten bytes), printed signed. */
    INT32(0),
    /** {@code int64}: varint, quoted in JSON. */
    INT64(0),
    /** {@code double}: fixed64. */
    DOUBLE(1),
    /** {@code string}: length-delimited UTF-8. */
    STRING(2),
    /** An enum: varint, printed by name when the number has one. */
    ENUM(0),
    /** A nested message: length-delimited. */
    MESSAGE(2),
    /** {@code map<string, Message>}: length-delimited entries of key (1) and value (2). */
    MAP(2);

    private final int wireType;

    FieldKind(final int wireType)
    {
        this.wireType = wireType;
    }

    /**
     * @return the wire type of one singular (or unpacked repeated) occurrence.
     */
    public int wireType()
    {
        return wireType;
    }
}
