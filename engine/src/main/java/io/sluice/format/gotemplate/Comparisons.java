package io.sluice.format.gotemplate;

/**
 * Go's {@code eq}, {@code ne}, {@code lt}, {@code le}, {@code gt} and {@code ge}: basic kinds compared as Go does
 * (integers of either signedness against each other, strings bytewise), {@code eq} against several values, nil
 * against nil; incompatible kinds are an error ({@code incompatible types for comparison: string and int}).
 */
final class Comparisons
{
    private static final int INVALID = 0;
    private static final int BOOL = 1;
    private static final int INT = 3;
    private static final int FLOAT = 4;
    private static final int STRING = 5;
    private static final int UINT = 6;

    private Comparisons()
    {
    }

    /**
     * @return true when {@code first} equals any of the {@code others}.
     */
    static boolean eq(final Value first, final ValueStack stack, final int othersBase, final int othersCount)
    {
        if (othersCount == 0)
        {
            throw new CallFailure("missing argument for comparison");
        }
        for (int i = 0; i < othersCount; i++)
        {
            if (equal(first, stack.get(othersBase + i)))
            {
                return true;
            }
        }
        return false;
    }

    static boolean equal(final Value a, final Value b)
    {
        final int k1 = basicKind(a);
        final int k2 = basicKind(b);
        if (k1 != k2)
        {
            if (k1 == INT && k2 == UINT)
            {
                return a.bits >= 0 && a.bits == b.bits;
            }
            if (k1 == UINT && k2 == INT)
            {
                return b.bits >= 0 && a.bits == b.bits;
            }
            if (a.kind != Value.NIL && b.kind != Value.NIL)
            {
                throw incompatible(a, b);
            }
            return false;
        }
        return switch (k1)
        {
            case BOOL, INT, UINT -> a.bits == b.bits;
            case FLOAT -> a.real == b.real;
            case STRING -> a.compareBytes(b) == 0;
            default -> equalOther(a, b);
        };
    }

    private static boolean equalOther(final Value a, final Value b)
    {
        final boolean sameKind = a.kind == b.kind;
        if (!sameKind && a.kind != Value.NIL && b.kind != Value.NIL)
        {
            throw new CallFailure("non-comparable types " + a.typeName() + ", " + b.typeName());
        }
        final boolean aNil = isNil(a);
        final boolean bNil = isNil(b);
        if (aNil || bNil)
        {
            return aNil == bNil;
        }
        return switch (b.kind)
        {
            case Value.MESSAGE -> a.data == b.data && a.handle == b.handle;
            case Value.TIME -> a.bits == b.bits && a.nanos == b.nanos;
            default -> throw new CallFailure("non-comparable type " + b.typeName());
        };
    }

    private static boolean isNil(final Value v)
    {
        return v.kind == Value.NIL || ((v.kind == Value.MESSAGE || v.kind == Value.MAP) && v.nil);
    }

    /**
     * @return a &lt; b.
     */
    static boolean less(final Value a, final Value b)
    {
        final int k1 = basicKind(a);
        final int k2 = basicKind(b);
        if (k1 == INVALID || k2 == INVALID)
        {
            throw new CallFailure("invalid type for comparison");
        }
        if (k1 != k2)
        {
            if (k1 == INT && k2 == UINT)
            {
                return a.bits < 0 || Long.compareUnsigned(a.bits, b.bits) < 0;
            }
            if (k1 == UINT && k2 == INT)
            {
                return b.bits >= 0 && Long.compareUnsigned(a.bits, b.bits) < 0;
            }
            throw incompatible(a, b);
        }
        return switch (k1)
        {
            case BOOL -> throw new CallFailure("invalid type for comparison");
            case FLOAT -> a.real < b.real;
            case INT -> a.bits < b.bits;
            case UINT -> Long.compareUnsigned(a.bits, b.bits) < 0;
            default -> a.compareBytes(b) < 0;
        };
    }

    static boolean lessOrEqual(final Value a, final Value b)
    {
        return less(a, b) || equal(a, b);
    }

    private static CallFailure incompatible(final Value a, final Value b)
    {
        return new CallFailure("incompatible types for comparison: " + a.typeName() + " and " + b.typeName());
    }

    private static int basicKind(final Value v)
    {
        return switch (v.kind)
        {
            case Value.BOOL -> BOOL;
            case Value.INT -> INT;
            case Value.UINT -> UINT;
            case Value.FLOAT -> FLOAT;
            case Value.STRING -> STRING;
            default -> INVALID;
        };
    }
}
