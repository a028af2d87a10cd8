package io.sluice.destination;

/**
 * How a destination tells its stream what became of the events it took, in the order it took them. Called on the
 * stream's writer thread only.
 */
public interface Receipts
{
    /**
     * @param events how many of the oldest pending events the target accepted.
     */
    void accepted(int events);

    /**
     * @param events how many of the oldest pending events the destination gave up on.
     */
    void failed(int events);

    /**
     * The target lost events it had accepted: a pipe whose reader left before reading what was written to it.
     *
     * @param events how many of the most recently accepted events never reached the reader.
     */
    void revoked(int events);
}
