package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;

/**
 * What a {@link Format} may need to build its formatter beyond its own spec: the event catalog (names of ids and
 * arguments), the policies in force by bit, how it may colour and whether its destination is a terminal, and whether
 * the table shows container columns. One record, so that a format needing something new adds a component here
 * instead of changing every format's signature. A stream builds one per destination ({@link #forDestination}).
 *
 * @param catalog          the event catalog.
 * @param policyNames      the names of the policies in force: bit i of an event's matched policies is
 *                         {@code policyNames[i]}.
 * @param color            {@code --color}: when colouring formats colour.
 * @param terminal         true when the destination is a terminal (its stdout or stderr is a tty).
 * @param containerColumns true when a policy in force scopes containers: Tracee's table then shows
 *                         {@code CONTAINER_ID} and {@code PID/host}, {@code TID/host} (its container mode).
 */
public record FormatContext(EventCatalog catalog, String[] policyNames, ColorMode color, boolean terminal,
    boolean containerColumns)
{
    /**
     * A context without colour and without container columns (tests, tools).
     *
     * @param catalog     the event catalog.
     * @param policyNames the names of the policies in force, by bit.
     */
    public FormatContext(final EventCatalog catalog, final String[] policyNames)
    {
        this(catalog, policyNames, ColorMode.NEVER, false, false);
    }

    /**
     * @param path the destination's path ({@code stdout}, {@code stderr}, a file path), or null when it has none.
     * @return this context for that destination: {@link #terminal} answered by {@link TerminalCheck}.
     */
    public FormatContext forDestination(final String path)
    {
        return new FormatContext(catalog, policyNames, color, TerminalCheck.isTerminal(path), containerColumns);
    }

    /**
     * @return true when a colouring format colours this destination ({@link ColorMode#colors}).
     */
    public boolean colored()
    {
        return color.colors(terminal);
    }
}
