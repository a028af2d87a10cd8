package io.sluice.engine;

/**
 * What reads the running pipeline beside its configured streams: the event service, whose clients come and go while
 * the engine runs. The engine puts its {@link io.sluice.stream.ClientHub} on the main ring, hands it over with the
 * engine's counters in a {@link LiveEngine}, and stops it after the main ring has drained.
 */
public interface LiveService
{
    /**
     * Called once, last in the engine's constructor: start serving (bind the listening address).
     *
     * @param engine the hub to attach clients to, and what the engine counts.
     * @throws IllegalArgumentException when the service cannot start (its address cannot be bound), naming it.
     */
    void bind(LiveEngine engine);

    /**
     * The run is stopping: its drain deadline has started, and the clients' streams get the same one (a block client
     * that holds the main ring back gives up by then). Called once or more, from the engine's thread; cheap.
     */
    void draining();

    /**
     * The source is done and the main ring has drained (the drain deadline has started): deliver what the clients'
     * streams hold within the deadline, end their calls, and stop serving.
     */
    void stop();
}
