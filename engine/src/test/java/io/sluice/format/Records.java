package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.ContainerImage;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Pod;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.SaFamilyT;
import io.sluice.proto.v1beta1.SockAddr;
import io.sluice.proto.v1beta1.StringArray;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Timestamp;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.User;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds the records the format tests render: a {@code v1beta1.Event} as the engine's rings hold it (through the
 * codec's {@link EventProtoEncoder}), the fields only the sensor sets (namespaces, capabilities, UTS name) written
 * into the record's block afterwards, and renders it with a formatter.
 */
final class Records
{
    static final EventCatalog CATALOG = EventCatalog.standard();
    static final String CONTAINER_ID = "3f1c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a";

    private Records()
    {
    }

    /** An event of a host process with a thread, pids, a uid, an executable and a parent. */
    static Event.Builder event(final String name, final int pid, final String comm, final String executable)
    {
        final Event.Builder event = Event.newBuilder()
            .setTimestamp(Timestamp.newBuilder().setSeconds(1_732_454_400L).setNanos(123_456_789))
            .setWorkload(Workload.newBuilder().setProcess(Process.newBuilder()
                .setThread(Thread.newBuilder().setName(comm).setTid(pid).setHostTid(pid + 100_000))
                .setPid(UInt32Value.newBuilder().setValue(pid))
                .setHostPid(UInt32Value.newBuilder().setValue(pid + 100_000))
                .setRealUser(User.newBuilder().setId(UInt32Value.newBuilder().setValue(1000)))
                .setExecutable(Executable.newBuilder().setPath(executable))
                .addAncestors(Ancestor.newBuilder().setPid(1).setHostPid(4242))));
        if (CATALOG.byName(name) != null)
        {
            event.setIdValue(CATALOG.byName(name).id());
        }
        else
        {
            event.setName(name);
        }
        return event;
    }

    /** The event in a container ({@link #CONTAINER_ID}, image {@code nginx:1.27}). */
    static Event.Builder inContainer(final Event.Builder event)
    {
        event.getWorkloadBuilder().setContainer(Container.newBuilder().setId(CONTAINER_ID).setName("web")
            .setImage(ContainerImage.newBuilder().setName("docker.io/library/nginx:1.27")));
        return event;
    }

    /** The event in pod {@code default/xwing}, container included. */
    static Event.Builder inPod(final Event.Builder event)
    {
        inContainer(event).getWorkloadBuilder().setPod(Pod.newBuilder().setNamespace("default").setName("xwing"));
        return event;
    }

    static EventValue str(final String name, final String value)
    {
        return EventValue.newBuilder().setName(name).setStr(value).build();
    }

    static EventValue int32(final String name, final int value)
    {
        return EventValue.newBuilder().setName(name).setInt32(value).build();
    }

    static EventValue int64(final String name, final long value)
    {
        return EventValue.newBuilder().setName(name).setInt64(value).build();
    }

    static EventValue uint32(final String name, final int value)
    {
        return EventValue.newBuilder().setName(name).setUInt32(value).build();
    }

    static EventValue argv(final String... argv)
    {
        return EventValue.newBuilder().setName("argv").setStrArray(StringArray.newBuilder().addAllValue(Arrays.asList(argv)))
            .build();
    }

    static EventValue ipv4(final String name, final String address, final int port)
    {
        return EventValue.newBuilder().setName(name).setSockaddr(SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_INET)
            .setSinAddr(address).setSinPort(port)).build();
    }

    static EventValue ipv6(final String name, final String address, final int port)
    {
        return EventValue.newBuilder().setName(name).setSockaddr(SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_INET6)
            .setSin6Addr(address).setSin6Port(port)).build();
    }

    /** @return the event as an enriched record, in a buffer of its own size. */
    static UnsafeBuffer record(final Event event)
    {
        return record(event, CATALOG);
    }

    static UnsafeBuffer record(final Event event, final EventCatalog catalog)
    {
        final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer();
        final int length = new EventProtoEncoder(catalog).encode(event, scratch, 0);
        return new UnsafeBuffer(Arrays.copyOf(scratch.byteArray(), length));
    }

    /**
     * Set what only the sensor knows (what a {@code v1beta1.Event} cannot carry) in a record's block.
     *
     * @return the record.
     */
    static UnsafeBuffer withKernelContext(final UnsafeBuffer record, final long capEffective, final String utsName,
        final long mntNs, final long pidNs)
    {
        final EventEncoder block = new EventEncoder().wrap(record, MessageHeaderDecoder.ENCODED_LENGTH);
        block.capEffective(capEffective).mntNsId(mntNs).pidNsId(pidNs);
        block.putUtsName(Arrays.copyOf(utsName.getBytes(StandardCharsets.US_ASCII), EventEncoder.utsNameLength()), 0);
        block.presence().processContext(true);
        return record;
    }

    /** @return what the formatter renders for the record, as UTF-8 text. */
    static String render(final EventFormatter formatter, final UnsafeBuffer record)
    {
        final ExpandableArrayBuffer out = new ExpandableArrayBuffer();
        final int written = formatter.format(record, 0, record.capacity(), out, 0);
        return out.getStringWithoutLengthUtf8(0, written);
    }
}
