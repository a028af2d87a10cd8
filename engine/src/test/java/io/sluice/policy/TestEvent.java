package io.sluice.policy;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.process.ProcessTree;
import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.User;
import io.sluice.proto.v1beta1.Workload;
import org.agrona.ExpandableArrayBuffer;

/**
 * Builds one event record for policy tests, field by field, and decodes it into an {@link EventView}.
 */
final class TestEvent
{
    static final EventCatalog CATALOG = EventCatalog.standard();

    private final Event.Builder event = Event.newBuilder();
    private final Process.Builder process = Process.newBuilder();
    private final Thread.Builder thread = Thread.newBuilder().setName("bash");
    private String containerId = "";
    private int mntNs;
    private int pidNs;

    private TestEvent(final String name)
    {
        event.setIdValue(CATALOG.byName(name).id());
        process.setHostPid(UInt32Value.newBuilder().setValue(1000)).setPid(UInt32Value.newBuilder().setValue(1000))
            .setRealUser(User.newBuilder().setId(UInt32Value.newBuilder().setValue(1000)));
    }

    static TestEvent of(final String name)
    {
        return new TestEvent(name);
    }

    TestEvent pid(final int hostPid)
    {
        process.setHostPid(UInt32Value.newBuilder().setValue(hostPid)).setPid(UInt32Value.newBuilder().setValue(hostPid));
        return this;
    }

    TestEvent uid(final int uid)
    {
        process.setRealUser(User.newBuilder().setId(UInt32Value.newBuilder().setValue(uid)));
        return this;
    }

    TestEvent comm(final String comm)
    {
        thread.setName(comm);
        return this;
    }

    TestEvent exe(final String path)
    {
        process.setExecutable(Executable.newBuilder().setPath(path));
        return this;
    }

    TestEvent container(final String id)
    {
        containerId = id;
        return this;
    }

    TestEvent mntns(final int id)
    {
        mntNs = id;
        return this;
    }

    TestEvent pidns(final int id)
    {
        pidNs = id;
        return this;
    }

    TestEvent str(final String name, final String value)
    {
        event.addData(EventValue.newBuilder().setName(name).setStr(value));
        return this;
    }

    TestEvent int32(final String name, final int value)
    {
        event.addData(EventValue.newBuilder().setName(name).setInt32(value));
        return this;
    }

    TestEvent int64(final String name, final long value)
    {
        event.addData(EventValue.newBuilder().setName(name).setInt64(value));
        return this;
    }

    TestEvent retval(final long value)
    {
        return int64("returnValue", value);
    }

    /** @return the record, encoded into a fresh buffer. */
    ExpandableArrayBuffer record(final int[] lengthOut)
    {
        final Workload.Builder workload = Workload.newBuilder().setProcess(process.setThread(thread));
        if (!containerId.isEmpty())
        {
            workload.setContainer(Container.newBuilder().setId(containerId));
        }
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
        lengthOut[0] = new EventProtoEncoder(CATALOG).encode(event.setWorkload(workload).build(), buffer, 0);
        new EventEncoder().wrap(buffer, MessageHeaderEncoder.ENCODED_LENGTH).mntNsId(mntNs).pidNsId(pidNs);
        return buffer;
    }

    EventView view()
    {
        return view(null);
    }

    EventView view(final ProcessTree tree)
    {
        final int[] length = new int[1];
        final ExpandableArrayBuffer buffer = record(length);
        return new EventView(tree).wrap(buffer, 0, length[0]);
    }
}
