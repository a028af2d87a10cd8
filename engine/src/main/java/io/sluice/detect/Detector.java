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
}
