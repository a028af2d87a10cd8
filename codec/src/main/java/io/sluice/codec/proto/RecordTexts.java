package io.sluice.codec.proto;

import io.sluice.codec.sbe.EventDecoder;

/**
 * The variable-length texts of an {@code Event} record, read in the order the SBE schema lays them out (after the
 * groups, before the user stack): a decoder must read them in that order, while the message is built in another.
 */
final class RecordTexts
{
    String name;
    String threadName;
    String syscall;
    String executablePath;
    String containerId;
    String containerName;
    String containerImageId;
    String containerImageName;
    String podName;
    String podUid;
    String podNamespace;
    String threatName;
    String threatDescription;
    String tacticName;
    String techniqueId;
    String techniqueExternalId;
    String techniqueName;
    String detectedFromName;

    /**
     * @param d a decoder whose groups were read: it is left before the user stack.
     */
    void read(final EventDecoder d)
    {
        name = d.name();
        threadName = d.threadName();
        syscall = d.syscall();
        executablePath = d.executablePath();
        containerId = d.containerId();
        containerName = d.containerName();
        containerImageId = d.containerImageId();
        containerImageName = d.containerImageName();
        podName = d.podName();
        podUid = d.podUid();
        podNamespace = d.podNamespace();
        threatName = d.threatName();
        threatDescription = d.threatDescription();
        tacticName = d.tacticName();
        techniqueId = d.techniqueId();
        techniqueExternalId = d.techniqueExternalId();
        techniqueName = d.techniqueName();
        detectedFromName = d.detectedFromName();
    }
}
