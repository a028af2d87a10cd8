package io.sluice.policy;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.process.ProcessEntry;

/**
 * The text fields of an event record that scopes compare (thread name, syscall, executable, container and pod
 * names), copied into preallocated arrays so conditions read bytes without decoding again. The executable array grows
 * only when a path is longer than any before.
 */
final class EventTexts
{
    private final byte[] comm = new byte[64];
    private int commLength;
    private byte[] executable = new byte[256];
    private int executableLength;
    private final byte[] syscall = new byte[64];
    private int syscallLength;
    private final byte[] containerId = new byte[128];
    private int containerIdLength;
    private final byte[] containerName = new byte[256];
    private int containerNameLength;
    private final byte[] containerImage = new byte[256];
    private int containerImageLength;
    private final byte[] podName = new byte[256];
    private int podNameLength;
    private final byte[] podUid = new byte[64];
    private int podUidLength;
    private final byte[] podNamespace = new byte[256];
    private int podNamespaceLength;

    /**
     * Read the record's variable-length fields from the event name on (the decoder must be positioned at the name,
     * after the repeating groups).
     *
     * @param event the event decoder.
     */
    void decode(final EventDecoder event)
    {
        event.skipName();
        commLength = event.getThreadName(comm, 0, comm.length);
        syscallLength = event.getSyscall(syscall, 0, syscall.length);
        final int exeLength = event.executablePathLength();
        if (executable.length < exeLength)
        {
            executable = new byte[exeLength];
        }
        executableLength = event.getExecutablePath(executable, 0, exeLength);
        containerIdLength = event.getContainerId(containerId, 0, containerId.length);
        containerNameLength = event.getContainerName(containerName, 0, containerName.length);
        event.skipContainerImageId();
        containerImageLength = event.getContainerImageName(containerImage, 0, containerImage.length);
        podNameLength = event.getPodName(podName, 0, podName.length);
        podUidLength = event.getPodUid(podUid, 0, podUid.length);
        podNamespaceLength = event.getPodNamespace(podNamespace, 0, podNamespace.length);
    }

    /**
     * Take a process tree entry's thread name and executable (for {@code follow}); the container and pod fields stay.
     *
     * @param entry the process to read.
     */
    void process(final ProcessEntry entry)
    {
        commLength = Math.min(entry.commLength(), comm.length);
        System.arraycopy(entry.commBytes(), 0, comm, 0, commLength);
        final int exeLength = entry.exeLength();
        if (executable.length < exeLength)
        {
            executable = new byte[exeLength];
        }
        System.arraycopy(entry.exeBytes(), 0, executable, 0, exeLength);
        executableLength = exeLength;
    }

    byte[] comm()
    {
        return comm;
    }

    int commLength()
    {
        return commLength;
    }

    byte[] executable()
    {
        return executable;
    }

    int executableLength()
    {
        return executableLength;
    }

    byte[] syscall()
    {
        return syscall;
    }

    int syscallLength()
    {
        return syscallLength;
    }

    byte[] containerId()
    {
        return containerId;
    }

    int containerIdLength()
    {
        return containerIdLength;
    }

    byte[] containerName()
    {
        return containerName;
    }

    int containerNameLength()
    {
        return containerNameLength;
    }

    byte[] containerImage()
    {
        return containerImage;
    }

    int containerImageLength()
    {
        return containerImageLength;
    }

    byte[] podName()
    {
        return podName;
    }

    int podNameLength()
    {
        return podNameLength;
    }

    byte[] podUid()
    {
        return podUid;
    }

    int podUidLength()
    {
        return podUidLength;
    }

    byte[] podNamespace()
    {
        return podNamespace;
    }

    int podNamespaceLength()
    {
        return podNamespaceLength;
    }
}
