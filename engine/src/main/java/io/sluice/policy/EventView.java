package io.sluice.policy;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.FilterOnlyFields;
import io.sluice.codec.sbe.MatchedPoliciesWriter;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.ValueType;
import io.sluice.process.ProcessEntry;
import io.sluice.process.ProcessTree;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * One event record decoded once for policies and detectors: the process fields scopes look at and the data
 * arguments (name, type, integer value, raw value bytes). Reused for every event; buffers grow only when an event is
 * larger than any before. Owned by the ingest thread.
 */
public final class EventView
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final EventDecoder event = new EventDecoder();
    private final EventEncoder encoder = new EventEncoder();
    private final MatchedPoliciesWriter matchedPolicies = new MatchedPoliciesWriter();
    private final EventTexts texts = new EventTexts();
    private final EventAncestors ancestors = new EventAncestors();
    private final EventArguments arguments = new EventArguments();
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
        texts.process(entry);
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
        ancestors.decode(event);
        arguments.decode(event, buffer);
        for (final EventDecoder.DetectedFromDataDecoder data : event.detectedFromData())
        {
            data.sbeSkip();
        }
        for (final EventDecoder.ThreatPropertiesDecoder property : event.threatProperties())
        {
            property.sbeSkip();
        }
        texts.decode(event);
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
        matchedPolicies.write(buffer, offset, policies);
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

    /**
     * @param name a data field's name as UTF-8.
     * @return its index among the data fields, or -1.
     */
    public int dataIndex(final byte[] name)
    {
        return arguments.index(name);
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
        return texts.syscall();
    }

    /** @return the syscall name's length, 0 when the event has none. */
    public int syscallLength()
    {
        return texts.syscallLength();
    }

    /** @return the container image name bytes (valid up to {@link #containerImageLength()}). */
    public byte[] containerImage()
    {
        return texts.containerImage();
    }

    /** @return the container image name's length. */
    public int containerImageLength()
    {
        return texts.containerImageLength();
    }

    /** @return the pod uid bytes (valid up to {@link #podUidLength()}). */
    public byte[] podUid()
    {
        return texts.podUid();
    }

    /** @return the pod uid's length. */
    public int podUidLength()
    {
        return texts.podUidLength();
    }

    /**
     * @param i an ancestor's index (0 = the parent).
     * @return its pid in its own pid namespace.
     */
    public int ancestorNsPid(final int i)
    {
        return ancestors.nsPid(i);
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
        return texts.comm();
    }

    /** @return the command name's length. */
    public int commLength()
    {
        return texts.commLength();
    }

    /** @return the executable path bytes (valid up to {@link #executableLength()}). */
    public byte[] executable()
    {
        return texts.executable();
    }

    /** @return the executable path's length, 0 when unknown. */
    public int executableLength()
    {
        return texts.executableLength();
    }

    /** @return the container id bytes (valid up to {@link #containerIdLength()}). */
    public byte[] containerId()
    {
        return texts.containerId();
    }

    /** @return the container id's length, 0 for a host process. */
    public int containerIdLength()
    {
        return texts.containerIdLength();
    }

    /** @return the container name bytes (valid up to {@link #containerNameLength()}). */
    public byte[] containerName()
    {
        return texts.containerName();
    }

    /** @return the container name's length. */
    public int containerNameLength()
    {
        return texts.containerNameLength();
    }

    /** @return the pod name bytes (valid up to {@link #podNameLength()}). */
    public byte[] podName()
    {
        return texts.podName();
    }

    /** @return the pod name's length, 0 outside a pod. */
    public int podNameLength()
    {
        return texts.podNameLength();
    }

    /** @return the pod namespace bytes (valid up to {@link #podNamespaceLength()}). */
    public byte[] podNamespace()
    {
        return texts.podNamespace();
    }

    /** @return the pod namespace's length, 0 for host processes. */
    public int podNamespaceLength()
    {
        return texts.podNamespaceLength();
    }

    /** @return how many ancestors the event lists (the parent first). */
    public int ancestorCount()
    {
        return ancestors.count();
    }

    /**
     * @param i an ancestor's index (0 = the parent).
     * @return its host pid.
     */
    public int ancestorPid(final int i)
    {
        return ancestors.pid(i);
    }

    /**
     * @param i an ancestor's index.
     * @return its executable path bytes (valid up to {@link #ancestorExeLength(int)}).
     */
    public byte[] ancestorExe(final int i)
    {
        return ancestors.exe(i);
    }

    /**
     * @param i an ancestor's index.
     * @return its executable path's length.
     */
    public int ancestorExeLength(final int i)
    {
        return ancestors.exeLength(i);
    }

    /** @return true when the event carries a syscall return value. */
    public boolean hasRetval()
    {
        return arguments.hasRetval();
    }

    /** @return the syscall's return value (0 when absent). */
    public long retval()
    {
        return arguments.retval();
    }

    /** @return how many data fields the event has. */
    public int dataCount()
    {
        return arguments.count();
    }

    /**
     * @param i a data field's index.
     * @return its value type.
     */
    public ValueType dataType(final int i)
    {
        return arguments.type(i);
    }

    /**
     * @param i a data field's index.
     * @return its integer value (scalars).
     */
    public long dataInt(final int i)
    {
        return arguments.intValue(i);
    }

    /**
     * @param i a data field's index.
     * @return its value bytes (valid up to {@link #dataValueLength(int)}).
     */
    public byte[] dataValue(final int i)
    {
        return arguments.value(i);
    }

    /**
     * @param i a data field's index.
     * @return its value's length.
     */
    public int dataValueLength(final int i)
    {
        return arguments.valueLength(i);
    }

    /**
     * @param i a data field's index.
     * @return where its value's 4-byte length header is in {@link #buffer()} (absolute), for rewriting the value.
     */
    public int dataValueAt(final int i)
    {
        return arguments.valueAt(i);
    }

    /**
     * @param i a data field's index.
     * @return its name bytes (valid up to {@link #dataNameLength(int)}).
     */
    public byte[] dataName(final int i)
    {
        return arguments.name(i);
    }

    /**
     * @param i a data field's index.
     * @return its name's length.
     */
    public int dataNameLength(final int i)
    {
        return arguments.nameLength(i);
    }
}
