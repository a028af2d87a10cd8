package io.sluice.policy;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.ValueType;
import io.sluice.process.KernelEventEnricher;
import io.sluice.process.ProcessEntry;
import io.sluice.process.ProcessTree;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * One event record decoded once for policies and detectors: the process fields scopes look at and the data
 * arguments (name, type, integer value, raw value bytes). Reused for every event; buffers grow only when an event is
 * larger than any before. Owned by the ingest thread.
 */
public final class EventView
{
    private static final byte[] RETURN_VALUE = KernelEventEnricher.RETURN_VALUE.getBytes(StandardCharsets.UTF_8);

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventDecoder event = new EventDecoder();
    private final EventEncoder encoder = new EventEncoder();
    private final ProcessTree tree;
    private ProcessEntry cursor;

    private MutableDirectBuffer buffer;
    private int offset;
    private int length;
    private int eventId;
    private int hostPid;
    private int pid;
    private int tid;
    private int nsTid;
    private long timestampNanos;
    private long threadStartNanos;
    private long cgroupId;
    private boolean containerRunning;
    private int uid;
    private int mntNs;
    private int pidNs;
    private long policiesMatched;
    private boolean hasProcessContext;
    private long capEffective;
    private long capPermitted;
    private long capInheritable;
    private long lineageMarks;
    private boolean containerNew;
    private final byte[] utsName = new byte[FilterOnlyFields.UTS_NAME_LENGTH];
    private int utsNameLength;
    private final byte[] comm = new byte[64];
    private int commLength;
    private byte[] executable = new byte[256];
    private int executableLength;
    private final byte[] containerId = new byte[128];
    private int containerIdLength;
    private final byte[] containerName = new byte[256];
    private int containerNameLength;
    private final byte[] podName = new byte[256];
    private int podNameLength;
    private final byte[] podNamespace = new byte[256];
    private int podNamespaceLength;
    private final byte[] syscall = new byte[64];
    private int syscallLength;
    private final byte[] containerImage = new byte[256];
    private int containerImageLength;
    private final byte[] podUid = new byte[64];
    private int podUidLength;
    private int ancestorCount;
    private int[] ancestorPids = new int[4];
    private int[] ancestorNsPids = new int[4];
    private byte[][] ancestorExes = new byte[4][];
    private int[] ancestorExeLengths = new int[4];
    private boolean hasRetval;
    private long retval;

    private int dataCount;
    private byte[][] dataNames = new byte[24][32];
    private int[] dataNameLengths = new int[24];
    private ValueType[] dataTypes = new ValueType[24];
    private long[] dataInts = new long[24];
    private byte[][] dataValues = new byte[24][128];
    private int[] dataValueLengths = new int[24];
    private int[] dataValueAt = new int[24];
    private boolean[] dataValueCopied = new boolean[24];

    /**
     * @param tree the process tree for {@code tree=} and {@code follow}, or null (then only the event's own process
     *             is known).
     */
    public EventView(final ProcessTree tree)
    {
        this.tree = tree;
    }

    /**
     * @return the process tree's entry of the process the view is at (the event's own, or an ancestor after
     *         {@link #moveToParent}), or null without a tree or when the tree does not know it.
     */
    public ProcessEntry processEntry()
    {
        if (tree == null)
        {
            return null;
        }
        if (cursor == null)
        {
            cursor = tree.get(hostPid);
        }
        return cursor;
    }

    /**
     * Make the process fields (pid, uid, comm, executable) those of the current process's parent, for
     * {@code follow}; {@link #wrap} brings back the event's own. The parent is the process tree's (an ancestor that
     * exited is still there while it has live descendants).
     *
     * @return false when the parent is unknown (the fields are unchanged).
     */
    public boolean moveToParent()
    {
        final ProcessEntry current = processEntry();
        final ProcessEntry entry = current == null ? null : current.parent();
        if (entry == null)
        {
            return false;
        }
        cursor = entry;
        hostPid = entry.hostPid();
        pid = entry.nsPid();
        uid = entry.uid();
        commLength = Math.min(entry.commLength(), comm.length);
        System.arraycopy(entry.commBytes(), 0, comm, 0, commLength);
        final int exeLength = entry.exeLength();
        if (executable.length < exeLength)
        {
            executable = new byte[exeLength];
        }
        System.arraycopy(entry.exeBytes(), 0, executable, 0, exeLength);
        executableLength = exeLength;
        return true;
    }

    /**
     * Decode an event record.
     *
     * @param buffer where the record (SBE message header + {@code Event}) is.
     * @param offset its offset.
     * @param length its length.
     * @return this view.
     */
    public EventView wrap(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.cursor = null;
        header.wrap(buffer, offset);
        event.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        eventId = event.eventId();
        hostPid = (int)event.hostPid();
        pid = (int)event.pid();
        tid = (int)event.hostTid();
        nsTid = (int)event.tid();
        timestampNanos = event.timestampSeconds() * 1_000_000_000L + event.timestampNanos();
        threadStartNanos = event.threadStartSeconds() * 1_000_000_000L + event.threadStartNanos();
        cgroupId = event.cgroupId();
        containerRunning = event.containerIsRunning() != 0;
        uid = (int)event.realUserId();
        mntNs = (int)event.mntNsId();
        pidNs = (int)event.pidNsId();
        policiesMatched = event.policiesMatched();
        hasProcessContext = FilterOnlyFields.hasProcessContext(event);
        capEffective = FilterOnlyFields.capEffective(event);
        capPermitted = FilterOnlyFields.capPermitted(event);
        capInheritable = FilterOnlyFields.capInheritable(event);
        lineageMarks = FilterOnlyFields.lineageMarks(event);
        containerNew = FilterOnlyFields.containerNew(event);
        utsNameLength = FilterOnlyFields.utsName(event, utsName);
        ancestorCount = 0;
        for (final EventDecoder.AncestorsDecoder ancestor : event.ancestors())
        {
            final int a = ancestorCount++;
            if (a >= ancestorPids.length)
            {
                ancestorPids = java.util.Arrays.copyOf(ancestorPids, a * 2);
                ancestorNsPids = java.util.Arrays.copyOf(ancestorNsPids, a * 2);
                ancestorExes = java.util.Arrays.copyOf(ancestorExes, a * 2);
                ancestorExeLengths = java.util.Arrays.copyOf(ancestorExeLengths, a * 2);
            }
            ancestorPids[a] = (int)ancestor.hostPid();
            ancestorNsPids[a] = (int)ancestor.pid();
            final int exeLength = ancestor.executablePathLength();
            if (ancestorExes[a] == null || ancestorExes[a].length < exeLength)
            {
                ancestorExes[a] = new byte[Math.max(exeLength, 256)];
            }
            ancestorExeLengths[a] = ancestor.getExecutablePath(ancestorExes[a], 0, exeLength);
        }
        hasRetval = false;
        retval = 0;
        dataCount = 0;
        for (final EventDecoder.DataDecoder data : event.data())
        {
            final int i = dataCount++;
            ensureData(i);
            dataTypes[i] = data.valueType();
            dataInts[i] = data.intValue();
            final int nameLength = data.nameLength();
            if (dataNames[i].length < nameLength)
            {
                dataNames[i] = new byte[nameLength];
            }
            dataNameLengths[i] = data.getName(dataNames[i], 0, nameLength);
            // values are copied out only when asked for (an exec's argv and env can be kilobytes)
            dataValueAt[i] = event.limit();
            dataValueLengths[i] = data.valueLength();
            dataValueCopied[i] = false;
            data.skipValue();
            if (equals(dataNames[i], dataNameLengths[i], RETURN_VALUE))
            {
                hasRetval = true;
                retval = dataInts[i];
            }
        }
        for (final EventDecoder.DetectedFromDataDecoder data : event.detectedFromData())
        {
            data.sbeSkip();
        }
        for (final EventDecoder.ThreatPropertiesDecoder property : event.threatProperties())
        {
            property.sbeSkip();
        }
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
        return this;
    }

    /**
     * Write the matched-policies bitmap into the record this view decoded (and its presence bit, so
     * {@code policies.matched} prints).
     *
     * @param policies the bitmap.
     */
    public void policiesMatched(final long policies)
    {
        encoder.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH).policiesMatched(policies);
        encoder.presence().policies(policies != 0);
        policiesMatched = policies;
    }

    /**
     * Take the event's own id and matched policies as the engine published them, for a record a field filter may
     * have cleared them from (nothing is written: the record is only read).
     *
     * @param eventId  the event's id.
     * @param policies its matched-policies bitmap.
     * @return this view.
     */
    public EventView asPublished(final int eventId, final long policies)
    {
        this.eventId = eventId;
        this.policiesMatched = policies;
        return this;
    }

    /**
     * Write the lineage marks into the record this view decoded (records older than schema version 2 have no room
     * for them: only this view keeps them).
     *
     * @param marks bit i = lineage condition i held.
     */
    public void lineageMarks(final long marks)
    {
        if (FilterOnlyFields.present(event))
        {
            encoder.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH).lineageMarks(marks);
        }
        lineageMarks = marks;
    }

    /** @return the lineage marks of the export filters (computed at ingest). */
    public long lineageMarks()
    {
        return lineageMarks;
    }

    /** @return true when the record's capabilities were read (sensor and synthetic records of schema version 2+). */
    public boolean hasCapabilities()
    {
        return hasProcessContext;
    }

    /** @return effective capabilities (bit n = CAP_* number n). */
    public long capEffective()
    {
        return capEffective;
    }

    /** @return permitted capabilities. */
    public long capPermitted()
    {
        return capPermitted;
    }

    /** @return inheritable capabilities. */
    public long capInheritable()
    {
        return capInheritable;
    }

    /** @return true when the event's container was first seen after Sluice started. */
    public boolean containerNew()
    {
        return containerNew;
    }

    /** @return the UTS name bytes (valid up to {@link #utsNameLength()}). */
    public byte[] utsName()
    {
        return utsName;
    }

    /** @return the UTS name's length. */
    public int utsNameLength()
    {
        return utsNameLength;
    }

    /** @return the process tree, or null when only the event itself is known (replay, synthetic, stream threads). */
    public ProcessTree tree()
    {
        return tree;
    }

    private void ensureData(final int i)
    {
        if (i < dataNames.length)
        {
            return;
        }
        final int size = dataNames.length * 2;
        final byte[][] names = new byte[size][];
        final byte[][] values = new byte[size][];
        for (int k = 0; k < size; k++)
        {
            names[k] = k < dataNames.length ? dataNames[k] : new byte[32];
            values[k] = k < dataValues.length ? dataValues[k] : new byte[128];
        }
        dataNames = names;
        dataValues = values;
        dataNameLengths = java.util.Arrays.copyOf(dataNameLengths, size);
        dataTypes = java.util.Arrays.copyOf(dataTypes, size);
        dataInts = java.util.Arrays.copyOf(dataInts, size);
        dataValueLengths = java.util.Arrays.copyOf(dataValueLengths, size);
        dataValueAt = java.util.Arrays.copyOf(dataValueAt, size);
        dataValueCopied = java.util.Arrays.copyOf(dataValueCopied, size);
    }

    static boolean equals(final byte[] a, final int aLength, final byte[] b)
    {
        if (aLength != b.length)
        {
            return false;
        }
        for (int i = 0; i < aLength; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param name a data field's name as UTF-8.
     * @return its index among the data fields, or -1.
     */
    public int dataIndex(final byte[] name)
    {
        for (int i = 0; i < dataCount; i++)
        {
            if (equals(dataNames[i], dataNameLengths[i], name))
            {
                return i;
            }
        }
        return -1;
    }

    /** @return the record's buffer, writable (the ingest thread owns the record while it decides). */
    public MutableDirectBuffer mutableBuffer()
    {
        return buffer;
    }

    /** @return the record's buffer. */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /** @return the record's offset in {@link #buffer()}. */
    public int offset()
    {
        return offset;
    }

    /** @return the record's length. */
    public int length()
    {
        return length;
    }

    /** @return the event id. */
    public int eventId()
    {
        return eventId;
    }

    /** @return the host pid (thread group). */
    public int hostPid()
    {
        return hostPid;
    }

    /** @return the pid in the process's own namespace. */
    public int pid()
    {
        return pid;
    }

    /** @return the host tid. */
    public int hostTid()
    {
        return tid;
    }

    /** @return the tid in the thread's own pid namespace. */
    public int nsTid()
    {
        return nsTid;
    }

    /** @return the event's time, nanoseconds since the epoch. */
    public long timestampNanos()
    {
        return timestampNanos;
    }

    /** @return when the event's thread started, nanoseconds since the epoch (0 when unknown). */
    public long threadStartNanos()
    {
        return threadStartNanos;
    }

    /** @return the cgroup id. */
    public long cgroupId()
    {
        return cgroupId;
    }

    /** @return true when the event's container is running (Tracee's {@code ContainerStarted}). */
    public boolean containerRunning()
    {
        return containerRunning;
    }

    /** @return the syscall name bytes (valid up to {@link #syscallLength()}). */
    public byte[] syscall()
    {
        return syscall;
    }

    /** @return the syscall name's length, 0 when the event has none. */
    public int syscallLength()
    {
        return syscallLength;
    }

    /** @return the container image name bytes (valid up to {@link #containerImageLength()}). */
    public byte[] containerImage()
    {
        return containerImage;
    }

    /** @return the container image name's length. */
    public int containerImageLength()
    {
        return containerImageLength;
    }

    /** @return the pod uid bytes (valid up to {@link #podUidLength()}). */
    public byte[] podUid()
    {
        return podUid;
    }

    /** @return the pod uid's length. */
    public int podUidLength()
    {
        return podUidLength;
    }

    /**
     * @param i an ancestor's index (0 = the parent).
     * @return its pid in its own pid namespace.
     */
    public int ancestorNsPid(final int i)
    {
        return ancestorNsPids[i];
    }

    /** @return the real user id. */
    public int uid()
    {
        return uid;
    }

    /** @return the mount namespace id. */
    public int mntNs()
    {
        return mntNs;
    }

    /** @return the pid namespace id. */
    public int pidNs()
    {
        return pidNs;
    }

    /** @return the matched-policies bitmap of the record (as written or as decoded). */
    public long policiesMatched()
    {
        return policiesMatched;
    }

    /** @return the thread's command name bytes (valid up to {@link #commLength()}). */
    public byte[] comm()
    {
        return comm;
    }

    /** @return the command name's length. */
    public int commLength()
    {
        return commLength;
    }

    /** @return the executable path bytes (valid up to {@link #executableLength()}). */
    public byte[] executable()
    {
        return executable;
    }

    /** @return the executable path's length, 0 when unknown. */
    public int executableLength()
    {
        return executableLength;
    }

    /** @return the container id bytes (valid up to {@link #containerIdLength()}). */
    public byte[] containerId()
    {
        return containerId;
    }

    /** @return the container id's length, 0 for a host process. */
    public int containerIdLength()
    {
        return containerIdLength;
    }

    /** @return the container name bytes (valid up to {@link #containerNameLength()}). */
    public byte[] containerName()
    {
        return containerName;
    }

    /** @return the container name's length. */
    public int containerNameLength()
    {
        return containerNameLength;
    }

    /** @return the pod name bytes (valid up to {@link #podNameLength()}). */
    public byte[] podName()
    {
        return podName;
    }

    /** @return the pod name's length, 0 outside a pod. */
    public int podNameLength()
    {
        return podNameLength;
    }

    /** @return the pod namespace bytes (valid up to {@link #podNamespaceLength()}). */
    public byte[] podNamespace()
    {
        return podNamespace;
    }

    /** @return the pod namespace's length, 0 for host processes. */
    public int podNamespaceLength()
    {
        return podNamespaceLength;
    }

    /** @return how many ancestors the event lists (the parent first). */
    public int ancestorCount()
    {
        return ancestorCount;
    }

    /**
     * @param i an ancestor's index (0 = the parent).
     * @return its host pid.
     */
    public int ancestorPid(final int i)
    {
        return ancestorPids[i];
    }

    /**
     * @param i an ancestor's index.
     * @return its executable path bytes (valid up to {@link #ancestorExeLength(int)}).
     */
    public byte[] ancestorExe(final int i)
    {
        return ancestorExes[i];
    }

    /**
     * @param i an ancestor's index.
     * @return its executable path's length.
     */
    public int ancestorExeLength(final int i)
    {
        return ancestorExeLengths[i];
    }

    /** @return true when the event carries a syscall return value. */
    public boolean hasRetval()
    {
        return hasRetval;
    }

    /** @return the syscall's return value (0 when absent). */
    public long retval()
    {
        return retval;
    }

    /** @return how many data fields the event has. */
    public int dataCount()
    {
        return dataCount;
    }

    /**
     * @param i a data field's index.
     * @return its value type.
     */
    public ValueType dataType(final int i)
    {
        return dataTypes[i];
    }

    /**
     * @param i a data field's index.
     * @return its integer value (scalars).
     */
    public long dataInt(final int i)
    {
        return dataInts[i];
    }

    /**
     * @param i a data field's index.
     * @return its value bytes (valid up to {@link #dataValueLength(int)}).
     */
    public byte[] dataValue(final int i)
    {
        if (!dataValueCopied[i])
        {
            final int length = dataValueLengths[i];
            if (dataValues[i].length < length)
            {
                dataValues[i] = new byte[Math.max(length, dataValues[i].length * 2)];
            }
            buffer.getBytes(dataValueAt[i] + 4, dataValues[i], 0, length);
            dataValueCopied[i] = true;
        }
        return dataValues[i];
    }

    /**
     * @param i a data field's index.
     * @return its value's length.
     */
    public int dataValueLength(final int i)
    {
        return dataValueLengths[i];
    }

    /**
     * @param i a data field's index.
     * @return where its value's 4-byte length header is in {@link #buffer()} (absolute), for rewriting the value.
     */
    public int dataValueAt(final int i)
    {
        return dataValueAt[i];
    }

    /**
     * @param i a data field's index.
     * @return its name bytes (valid up to {@link #dataNameLength(int)}).
     */
    public byte[] dataName(final int i)
    {
        return dataNames[i];
    }

    /**
     * @param i a data field's index.
     * @return its name's length.
     */
    public int dataNameLength(final int i)
    {
        return dataNameLengths[i];
    }
}
