package io.sluice.config;

/**
 * A destination's format as configured: the key of a {@link io.sluice.format.Format} in {@link io.sluice.format.Formats},
 * and its argument for the formats that take one ({@code gotemplate=FILE}: the template file). Two destinations with
 * equal specs share one rendering of each event.
 *
 * @param key      the format's key ({@code json}).
 * @param argument what follows {@code =} for a format that takes an argument, else null.
 */
public record FormatSpec(String key, String argument)
{
    /** JSON, one event per line. */
    public static final FormatSpec JSON = new FormatSpec("json", null);
    /** Tracee's table. */
    public static final FormatSpec TABLE = new FormatSpec("table", null);
    /** The SBE record unchanged (journals). */
    public static final FormatSpec SBE = new FormatSpec("sbe", null);

    @Override
    public String toString()
    {
        return argument == null ? key : key + "=" + argument;
    }
}
