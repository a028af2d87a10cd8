package io.sluice.format.gotemplate;

/**
 * The Go types of scalar values, for what Go prints in messages ({@code %!d(string=x)}, {@code incompatible types for
 * comparison: string and int}); composite and enum types are named by their {@link TemplateData}.
 */
final class GoTypes
{
    static final int NONE = 0;
    static final int BOOL = 1;
    static final int INT = 2;
    static final int INT32 = 3;
    static final int INT64 = 4;
    static final int UINT8 = 5;
    static final int UINT32 = 6;
    static final int UINT64 = 7;
    static final int FLOAT64 = 8;
    static final int STRING = 9;
    static final int TIME = 10;
    static final int ENUM = 11;
    static final int COMPOSITE = 12;
    /** {@code []byte}: a list whose elements are the bytes of {@link Value#bytes}. */
    static final int BYTES = 13;

    private static final String[] NAMES =
        {"<nil>", "bool", "int", "int32", "int64", "uint8", "uint32", "uint64", "float64", "string", "time.Time"};

    private GoTypes()
    {
    }

    static String name(final int type)
    {
        return type == BYTES ? "[]uint8" : NAMES[type];
    }
}
