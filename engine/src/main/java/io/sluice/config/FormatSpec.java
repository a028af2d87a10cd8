package io.sluice.config;

/**
 * A destination's format: the kind, and for {@code gotemplate=FILE} the template file.
 * Two destinations with equal specs share one rendering of each event.
 *
 * @param kind         the format.
 * @param templatePath the template file for {@link FormatKind#GOTEMPLATE}, else null.
 */
public record FormatSpec(FormatKind kind, String templatePath)
{
    /** JSON, one event per line. */
    public static final FormatSpec JSON = new FormatSpec(FormatKind.JSON, null);
    /** Tracee's table. */
    public static final FormatSpec TABLE = new FormatSpec(FormatKind.TABLE, null);
    /** The SBE record unchanged (journals). */
    public static final FormatSpec SBE = new FormatSpec(FormatKind.SBE, null);

    @Override
    public String toString()
    {
        return templatePath == null ? kind.key() : kind.key() + "=" + templatePath;
    }
}
