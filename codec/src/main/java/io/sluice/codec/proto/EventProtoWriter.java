package io.sluice.codec.proto;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventDecoder.AncestorsDecoder;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.codec.sbe.EventVarData;
import io.sluice.codec.sbe.PresenceDecoder;
import io.sluice.codec.sbe.UserStackBlob;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.ContainerImage;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Pod;
import io.sluice.proto.v1beta1.Policies;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.StackAddress;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Timestamp;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.User;
import io.sluice.proto.v1beta1.UserStackTrace;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Writes an enriched event record (SBE {@code Event}) as the protobuf encoding of its {@code v1beta1.Event}, byte for
 * byte what {@code toByteArray()} gives for the message {@code EventProtoDecoder} builds from the same record, without
 * building it: the hot path of the {@code protobuf} format, allocation-free once warm.
 * <p>
 * Fields come out in field-number order, proto3 defaults omitted, present sub-messages (the record's presence bits)
 * written even when empty, oneof members written even when they hold a default, the threat properties map as
 * protobuf-java's map writes it (record order, a repeated key in its first place with its last value, key and value
 * both written). {@link #writeDelimited} frames the message as {@code writeDelimitedTo} does (its length as a varint,
 * then the message), what {@code parseDelimitedFrom} reads back.
 * <p>
 * Not thread-safe: one writer per thread.
 */
public final class EventProtoWriter
{
    private final EventCatalog catalog;
    private final EventRecordView view = new EventRecordView();
    private final ProtoSink sink = new ProtoSink(4096);
    private final ProtoValueWriter values = new ProtoValueWriter(sink);
    private final ProtoThreatWriter threat = new ProtoThreatWriter(sink);
    private byte[][] policyNames = new byte[0][];

    private DirectBuffer record;
    private EventDecoder event;

    /**
     * @param catalog the event catalog: names of ids for records that leave {@code name} empty.
     */
    public EventProtoWriter(final EventCatalog catalog)
    {
        this.catalog = catalog;
    }

    /**
     * Name the bits of the matched-policies bitmap. Names are encoded here, once.
     *
     * @param namesByBit bit i of {@code policiesMatched} is written as {@code namesByBit[i]}; bits beyond the array or
     *                   with a null entry are skipped.
     */
    public void policyNames(final String[] namesByBit)
    {
        final int count = Math.min(namesByBit.length, Long.SIZE);
        final byte[][] utf8 = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            utf8[i] = namesByBit[i] == null ? null : namesByBit[i].getBytes(StandardCharsets.UTF_8);
        }
        policyNames = utf8;
    }

    /**
     * Write one event as one {@code v1beta1.Event} message, unframed.
     *
     * @param record    the buffer holding the record.
     * @param offset    where the record (SBE message header, then an {@code Event}) starts.
     * @param length    the record's length.
     * @param out       where the message goes; grown as needed when it is expandable (such as
     *                  {@link org.agrona.ExpandableArrayBuffer}).
     * @param outOffset where in {@code out}.
     * @return the number of bytes written.
     */
    public int write(
        final DirectBuffer record, final int offset, final int length, final MutableDirectBuffer out, final int outOffset)
    {
        encode(record, offset, length);
        return sink.copyTo(out, outOffset);
    }

    /**
     * Write one event length-delimited: the message's length as a varint, then the message.
     *
     * @param record    the buffer holding the record.
     * @param offset    where the record (SBE message header, then an {@code Event}) starts.
     * @param length    the record's length.
     * @param out       where the bytes go; grown as needed when it is expandable.
     * @param outOffset where in {@code out}.
     * @return the number of bytes written, the length prefix included.
     */
    public int writeDelimited(
        final DirectBuffer record, final int offset, final int length, final MutableDirectBuffer out, final int outOffset)
    {
        encode(record, offset, length);
        return sink.copyDelimitedTo(out, outOffset);
    }

    private void encode(final DirectBuffer record, final int offset, final int length)
    {
        this.record = record;
        this.event = view.wrap(record, offset, length).event();
        final ProtoSink sink = this.sink;
        final int presence = view.presence();
        sink.reset();
        if (PresenceDecoder.timestamp(presence))
        {
            writeTimestamp(Event.TIMESTAMP_FIELD_NUMBER, event.timestampSeconds(), event.timestampNanos());
        }
        writeIdAndName(event.eventId(), EventVarData.NAME, PresenceDecoder.nameAsStored(presence));
        if (PresenceDecoder.policies(presence))
        {
            writePolicies(event.policiesMatched());
        }
        if (PresenceDecoder.workload(presence))
        {
            writeWorkload(presence);
        }
        values.writeAll(Event.DATA_FIELD_NUMBER, record, view.data());
        if (PresenceDecoder.threat(presence))
        {
            threat.write(Event.THREAT_FIELD_NUMBER, view, presence);
        }
        if (PresenceDecoder.detectedFrom(presence))
        {
            final int detectedFrom = sink.beginMessage(Event.DETECTED_FROM_FIELD_NUMBER);
            writeIdAndName(event.detectedFromId(), EventVarData.DETECTED_FROM_NAME,
                PresenceDecoder.detectedFromNameAsStored(presence));
            values.writeAll(Event.DATA_FIELD_NUMBER, record, view.detectedFromData());
            sink.endMessage(detectedFrom);
        }
        this.record = null;
    }

    private void writeTimestamp(final int field, final long seconds, final int nanos)
    {
        final int timestamp = sink.beginMessage(field);
        sink.int64(Timestamp.SECONDS_FIELD_NUMBER, seconds);
        sink.int32(Timestamp.NANOS_FIELD_NUMBER, nanos);
        sink.endMessage(timestamp);
    }

    /**
     * {@code id} then {@code name}, with the name rule: an empty name is the catalog's name for the id, unless the
     * name is as stored.
     */
    private void writeIdAndName(final int id, final int nameString, final boolean asStored)
    {
        sink.int32(Event.ID_FIELD_NUMBER, id);
        if (view.stringLength(nameString) > 0)
        {
            writeString(Event.NAME_FIELD_NUMBER, nameString);
        }
        else if (!asStored)
        {
            final byte[] name = catalog.nameBytes(id);
            if (name != null && name.length > 0)
            {
                sink.utf8Always(Event.NAME_FIELD_NUMBER, name, 0, name.length);
            }
        }
    }

    private void writePolicies(final long matched)
    {
        final int policies = sink.beginMessage(Event.POLICIES_FIELD_NUMBER);
        final byte[][] names = policyNames;
        for (int bit = 0; bit < names.length; bit++)
        {
            final byte[] name = names[bit];
            if ((matched & (1L << bit)) != 0 && name != null)
            {
                sink.utf8Always(Policies.MATCHED_FIELD_NUMBER, name, 0, name.length);
            }
        }
        sink.endMessage(policies);
    }

    private void writeWorkload(final int presence)
    {
        final ProtoSink sink = this.sink;
        final int workload = sink.beginMessage(Event.WORKLOAD_FIELD_NUMBER);
        if (PresenceDecoder.process(presence))
        {
            writeProcess(presence);
        }
        if (PresenceDecoder.container(presence))
        {
            final int container = sink.beginMessage(Workload.CONTAINER_FIELD_NUMBER);
            writeString(Container.ID_FIELD_NUMBER, EventVarData.CONTAINER_ID);
            writeString(Container.NAME_FIELD_NUMBER, EventVarData.CONTAINER_NAME);
            if (PresenceDecoder.containerImage(presence))
            {
                final int image = sink.beginMessage(Container.IMAGE_FIELD_NUMBER);
                writeString(ContainerImage.ID_FIELD_NUMBER, EventVarData.CONTAINER_IMAGE_ID);
                writeString(ContainerImage.NAME_FIELD_NUMBER, EventVarData.CONTAINER_IMAGE_NAME);
                sink.endMessage(image);
            }
            sink.bool(Container.IS_RUNNING_FIELD_NUMBER, event.containerIsRunning() != 0);
            sink.endMessage(container);
        }
        if (PresenceDecoder.pod(presence))
        {
            final int pod = sink.beginMessage(Workload.POD_FIELD_NUMBER);
            writeString(Pod.NAME_FIELD_NUMBER, EventVarData.POD_NAME);
            writeString(Pod.UID_FIELD_NUMBER, EventVarData.POD_UID);
            writeString(Pod.NAMESPACE_FIELD_NUMBER, EventVarData.POD_NAMESPACE);
            sink.endMessage(pod);
        }
        sink.endMessage(workload);
    }

    private void writeProcess(final int presence)
    {
        final ProtoSink sink = this.sink;
        final EventDecoder event = this.event;
        final int process = sink.beginMessage(Workload.PROCESS_FIELD_NUMBER);
        if (PresenceDecoder.thread(presence))
        {
            final int thread = sink.beginMessage(Process.THREAD_FIELD_NUMBER);
            writeString(Thread.NAME_FIELD_NUMBER, EventVarData.THREAD_NAME);
            if (PresenceDecoder.threadStartTime(presence))
            {
                writeTimestamp(Thread.START_TIME_FIELD_NUMBER, event.threadStartSeconds(), event.threadStartNanos());
            }
            sink.int64(Thread.UNIQUE_ID_FIELD_NUMBER, event.threadUniqueId());
            sink.uint32(Thread.HOST_TID_FIELD_NUMBER, (int)event.hostTid());
            sink.uint32(Thread.TID_FIELD_NUMBER, (int)event.tid());
            writeString(Thread.SYSCALL_FIELD_NUMBER, EventVarData.SYSCALL);
            sink.bool(Thread.COMPAT_FIELD_NUMBER, event.compat() != 0);
            if (PresenceDecoder.userStackTrace(presence))
            {
                writeUserStack();
            }
            sink.endMessage(thread);
        }
        if (PresenceDecoder.pid(presence))
        {
            writeWrappedUint32(Process.PID_FIELD_NUMBER, (int)event.pid());
        }
        if (PresenceDecoder.realUser(presence))
        {
            writeUser(Process.REAL_USER_FIELD_NUMBER, PresenceDecoder.realUserId(presence), (int)event.realUserId());
        }
        if (PresenceDecoder.executable(presence))
        {
            final int executable = sink.beginMessage(Process.EXECUTABLE_FIELD_NUMBER);
            writeString(Executable.PATH_FIELD_NUMBER, EventVarData.EXECUTABLE_PATH);
            sink.endMessage(executable);
        }
        writeAncestors();
        sink.int64(Process.UNIQUE_ID_FIELD_NUMBER, event.processUniqueId());
        if (PresenceDecoder.hostPid(presence))
        {
            writeWrappedUint32(Process.HOST_PID_FIELD_NUMBER, (int)event.hostPid());
        }
        if (PresenceDecoder.user(presence))
        {
            writeUser(Process.USER_FIELD_NUMBER, PresenceDecoder.userId(presence), (int)event.userId());
        }
        sink.endMessage(process);
    }

    private void writeUserStack()
    {
        final ProtoSink sink = this.sink;
        final int trace = sink.beginMessage(Thread.USER_STACK_TRACE_FIELD_NUMBER);
        final UserStackBlob frames = view.userStack();
        while (frames.next())
        {
            final int address = sink.beginMessage(UserStackTrace.ADDRESSES_FIELD_NUMBER);
            sink.int64(StackAddress.ADDRESS_FIELD_NUMBER, frames.address());
            sink.string(StackAddress.SYMBOL_FIELD_NUMBER, view.buffer(), frames.symbolOffset(), frames.symbolLength());
            sink.endMessage(address);
        }
        sink.endMessage(trace);
    }

    private void writeUser(final int field, final boolean hasId, final int id)
    {
        final int user = sink.beginMessage(field);
        if (hasId)
        {
            writeWrappedUint32(User.ID_FIELD_NUMBER, id);
        }
        sink.endMessage(user);
    }

    private void writeWrappedUint32(final int field, final int value)
    {
        final int wrapper = sink.beginMessage(field);
        sink.uint32(UInt32Value.VALUE_FIELD_NUMBER, value);
        sink.endMessage(wrapper);
    }

    private void writeAncestors()
    {
        final ProtoSink sink = this.sink;
        final AncestorsDecoder ancestors = view.ancestors();
        while (ancestors.hasNext())
        {
            ancestors.next();
            final int ancestor = sink.beginMessage(Process.ANCESTORS_FIELD_NUMBER);
            sink.int64(Ancestor.UNIQUE_ID_FIELD_NUMBER, ancestors.uniqueId());
            sink.uint32(Ancestor.HOST_PID_FIELD_NUMBER, (int)ancestors.hostPid());
            sink.uint32(Ancestor.PID_FIELD_NUMBER, (int)ancestors.pid());
            final int pathOffset = event.limit() + AncestorsDecoder.executablePathHeaderLength();
            final int pathLength = ancestors.skipExecutablePath();
            if (pathLength > 0)
            {
                final int executable = sink.beginMessage(Ancestor.EXECUTABLE_FIELD_NUMBER);
                sink.stringAlways(Executable.PATH_FIELD_NUMBER, record, pathOffset, pathLength);
                sink.endMessage(executable);
            }
            sink.endMessage(ancestor);
        }
    }

    private void writeString(final int field, final int string)
    {
        sink.string(field, record, view.stringOffset(string), view.stringLength(string));
    }
}
