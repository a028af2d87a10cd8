package io.sluice.detect;

import io.sluice.policy.EventView;

import java.util.List;

/**
 * One detector: the event it raises, the events it watches, its threat, and the test on a watched event. A test
 * reads the decoded event and allocates nothing.
 */
public interface Detector
{
    /** @return the catalog name of the event it raises (id 6000 and up). */
    String eventName();

    /** @return the catalog names of the events it watches (they must be traced for it to fire). */
    List<String> inputs();

    /** @return the threat its events carry. */
    Threat threat();

    /**
     * @param event a decoded event of one of {@link #inputs()}.
     * @return true when it raises a detection.
     */
    boolean detect(EventView event);

    /**
     * @return true when its events carry {@link #threat()} (a YAML detector without {@code threat}, or with
     *         {@code auto_populate.threat: false}, raises a derived event without one).
     */
    default boolean populatesThreat()
    {
        return true;
    }

    /** @return true when its events carry {@code detected_from} (the trigger's id, name and data). */
    default boolean populatesDetectedFrom()
    {
        return true;
    }

    /**
     * @return the {@code data} its events carry, computed from the trigger after {@link #detect} said yes; null for
     *         none (the detectors Sluice ships).
     */
    default DetectionFields fields()
    {
        return null;
    }
}
