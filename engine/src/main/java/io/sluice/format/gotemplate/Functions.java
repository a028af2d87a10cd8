package io.sluice.format.gotemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * The functions a template may call, by id: Go's builtins and the Sprig functions Tracee users rely on, with each
 * one's arity and which parameters are Go {@code string}s (a constant of another kind there is an error, as in Go).
 * The parser refuses any other name ({@code function "x" not defined}).
 */
final class Functions
{
    static final int AND = 0;
    static final int OR = 1;
    static final int NOT = 2;
    static final int LEN = 3;
    static final int INDEX = 4;
    static final int SLICE = 5;
    static final int PRINT = 6;
    static final int PRINTF = 7;
    static final int PRINTLN = 8;
    static final int EQ = 9;
    static final int NE = 10;
    static final int LT = 11;
    static final int LE = 12;
    static final int GT = 13;
    static final int GE = 14;
    static final int HTML = 15;
    static final int JS = 16;
    static final int URLQUERY = 17;
    static final int CALL = 18;
    static final int DEFAULT = 19;
    static final int UPPER = 20;
    static final int LOWER = 21;
    static final int TRIM = 22;
    static final int REPLACE = 23;
    static final int CONTAINS = 24;
    static final int HAS_PREFIX = 25;
    static final int HAS_SUFFIX = 26;
    static final int JOIN = 27;
    static final int SPLIT = 28;
    static final int TO_JSON = 29;
    static final int DATE = 30;
    static final int NOW = 31;
    static final int QUOTE = 32;

    private static final String[] NAMES = {
        "and", "or", "not", "len", "index", "slice", "print", "printf", "println", "eq", "ne", "lt", "le", "gt", "ge",
        "html", "js", "urlquery", "call", "default", "upper", "lower", "trim", "replace", "contains", "hasPrefix",
        "hasSuffix", "join", "split", "toJson", "date", "now", "quote"};
    /** Fixed parameters of each function. */
    private static final int[] FIXED = {1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 2, 2, 2, 2, 2, 0, 0, 0, 1, 1, 1, 1, 1, 3, 2, 2, 2, 2, 2,
        1, 2, 0, 0};
    /** Bit i set: parameter i is a Go string. */
    private static final int[] STRING_PARAMETERS = {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 7,
        3, 3, 3, 1, 3, 0, 1, 0, 0};
    private static final boolean[] VARIADIC = {true, true, false, false, true, true, true, true, true, true, false, false,
        false, false, false, true, true, true, true, true, false, false, false, false, false, false, false, false, false,
        false, false, false, true};

    private static final Map<String, Integer> IDS = new HashMap<>();

    static
    {
        for (int i = 0; i < NAMES.length; i++)
        {
            IDS.put(NAMES[i], i);
        }
    }

    private Functions()
    {
    }

    /**
     * @param name a function name.
     * @return its id, or -1 when there is no such function.
     */
    static int idOf(final String name)
    {
        final Integer id = IDS.get(name);
        return id == null ? -1 : id;
    }

    static String name(final int function)
    {
        return NAMES[function];
    }

    static int fixed(final int function)
    {
        return FIXED[function];
    }

    static boolean variadic(final int function)
    {
        return VARIADIC[function];
    }

    /**
     * @return true when the function's parameter at that position is a Go {@code string}.
     */
    static boolean stringParameter(final int function, final int index)
    {
        return index < 31 && (STRING_PARAMETERS[function] & (1 << index)) != 0;
    }
}
