package io.sluice.filter.export;

import io.sluice.filter.cel.TetragonCel;
import io.sluice.policy.EventView;

/**
 * {@code cel_expression}: CEL over the event as Tetragon names it ({@link TetragonCel}); any expression of the list
 * may match.
 */
final class CelExpressionMatcher implements ExportMatcher
{
    private final TetragonCel cel;

    /**
     * @param value a list of CEL expressions.
     * @throws io.sluice.config.ConfigException for an expression that does not compile to a bool.
     */
    CelExpressionMatcher(final FieldValue value)
    {
        try
        {
            cel = new TetragonCel(value.strings(), value.catalog());
        }
        catch (final IllegalArgumentException ex)
        {
            throw value.error(null, null, ex.getMessage());
        }
    }

    @Override
    public boolean matches(final EventView event)
    {
        return cel.matches(event);
    }
}
