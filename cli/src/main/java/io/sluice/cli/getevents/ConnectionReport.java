package io.sluice.cli.getevents;

import java.io.PrintWriter;

/**
 * What {@code getevents} says on stderr about its connection: one line each time the state changes (connected, not
 * reachable, the stream ended, refused), never one per attempt, so a client left waiting for a server prints one line
 * until the server comes.
 */
final class ConnectionReport
{
    private final PrintWriter err;
    private String state;

    /**
     * @param err where the lines go.
     */
    ConnectionReport(final PrintWriter err)
    {
        this.err = err;
    }

    /**
     * @param newState the state, as a key ({@code connected}, {@code UNAVAILABLE}).
     * @param line     what to print when it is not the state already.
     */
    synchronized void enter(final String newState, final String line)
    {
        if (!newState.equals(state))
        {
            state = newState;
            err.println("sluice getevents: " + line);
            err.flush();
        }
    }
}
