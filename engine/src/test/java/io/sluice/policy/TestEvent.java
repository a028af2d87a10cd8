package io.sluice.policy;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.proto.EventProtoEncoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.process.ProcessTree;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.Pod;
import io.sluice.proto.v1beta1.StringArray;
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
public final class TestEvent
{
    /** The standard catalog. */
    public static final EventCatalog CATALOG = EventCatalog.standard();

    private final Event.Builder event = Event.newBuilder();
    private final Process.Builder process = Process.newBuilder();
    private final Thread.Builder thread = Thread.newBuilder().setName("bash");
    private String containerId = "";
    private final Pod.Builder pod = Pod.newBuilder();
    private boolean hasPod;
    private String containerName = "";
    private int mntNs;
    private int pidNs;
    private String utsName = "";
    private boolean containerNew;
    private long capEffective;
    private long capPermitted;
    private long capInheritable;
    private boolean hasContext;
    private String containerImage = "";
    private boolean containerRunning;
    private long cgroupId;

    private TestEvent(final String name)
    {
        event.setIdValue(CATALOG.byName(name).id());
        process.setHostPid(UInt32Value.newBuilder().setValue(1000)).setPid(UInt32Value.newBuilder().setValue(1000))
            .setRealUser(User.newBuilder().setId(UInt32Value.newBuilder().setValue(1000)));
    }

    public static TestEvent of(final String name)
    {
        return new TestEvent(name);
    }

    public TestEvent pid(final int hostPid)
    {
        process.setHostPid(UInt32Value.newBuilder().setValue(hostPid)).setPid(UInt32Value.newBuilder().setValue(hostPid));
        return this;
    }

    public TestEvent uid(final int uid)
    {
        process.setRealUser(User.newBuilder().setId(UInt32Value.newBuilder().setValue(uid)));
        return this;
    }

    public TestEvent comm(final String comm)
    {
        thread.setName(comm);
        return this;
    }

    public TestEvent exe(final String path)
    {
        process.setExecutable(Executable.newBuilder().setPath(path));
        return this;
    }

    public TestEvent container(final String id)
    {
        containerId = id;
        return this;
    }

    public TestEvent containerName(final String name)
    {
        containerName = name;
        return this;
    }

    public TestEvent pod(final String namespace, final String name)
    {
        hasPod = true;
        pod.setNamespace(namespace).setName(name);
        return this;
    }

    public TestEvent ancestor(final int hostPid, final String exe)
    {
        process.addAncestors(Ancestor.newBuilder().setHostPid(hostPid).setPid(hostPid)
            .setExecutable(Executable.newBuilder().setPath(exe)));
        return this;
    }

    public TestEvent ancestor(final int hostPid, final int nsPid, final String exe)
    {
        process.addAncestors(Ancestor.newBuilder().setHostPid(hostPid).setPid(nsPid)
            .setExecutable(Executable.newBuilder().setPath(exe)));
        return this;
    }

    /** A pid namespace view: host pid and tid, and the pid and tid inside the namespace. */
    public TestEvent ids(final int hostPid, final int nsPid, final int hostTid, final int nsTid)
    {
        process.setHostPid(UInt32Value.newBuilder().setValue(hostPid)).setPid(UInt32Value.newBuilder().setValue(nsPid));
        thread.setHostTid(hostTid).setTid(nsTid);
        return this;
    }

    public TestEvent syscall(final String name)
    {
        thread.setSyscall(name);
        return this;
    }

    public TestEvent threadStart(final long epochNanos)
    {
        thread.setStartTime(io.sluice.proto.v1beta1.Timestamp.newBuilder().setSeconds(epochNanos / 1_000_000_000L)
            .setNanos((int)(epochNanos % 1_000_000_000L)));
        return this;
    }

    public TestEvent timestamp(final long epochNanos)
    {
        event.setTimestamp(io.sluice.proto.v1beta1.Timestamp.newBuilder().setSeconds(epochNanos / 1_000_000_000L)
            .setNanos((int)(epochNanos % 1_000_000_000L)));
        return this;
    }

    public TestEvent image(final String name)
    {
        containerImage = name;
        return this;
    }

    public TestEvent running()
    {
        containerRunning = true;
        return this;
    }

    public TestEvent podUid(final String uid)
    {
        hasPod = true;
        pod.setUid(uid);
        return this;
    }

    public TestEvent cgroup(final long id)
    {
        cgroupId = id;
        return this;
    }

    public TestEvent argv(final String... args)
    {
        return strArray("argv", args);
    }

    public TestEvent strArray(final String name, final String... values)
    {
        event.addData(EventValue.newBuilder().setName(name).setStrArray(StringArray.newBuilder().addAllValue(java.util.List.of(values))));
        return this;
    }

    public TestEvent uts(final String name)
    {
        utsName = name;
        hasContext = true;
        return this;
    }

    public TestEvent newContainer(final String id)
    {
        containerNew = true;
        return container(id);
    }

    public TestEvent capabilities(final long effective, final long permitted, final long inheritable)
    {
        capEffective = effective;
        capPermitted = permitted;
        capInheritable = inheritable;
        hasContext = true;
        return this;
    }

    public TestEvent mntns(final int id)
    {
        mntNs = id;
        return this;
    }

    public TestEvent pidns(final int id)
    {
        pidNs = id;
        return this;
    }

    public TestEvent str(final String name, final String value)
    {
        event.addData(EventValue.newBuilder().setName(name).setStr(value));
        return this;
    }

    public TestEvent int32(final String name, final int value)
    {
        event.addData(EventValue.newBuilder().setName(name).setInt32(value));
        return this;
    }

    public TestEvent int64(final String name, final long value)
    {
        event.addData(EventValue.newBuilder().setName(name).setInt64(value));
        return this;
    }

    public TestEvent retval(final long value)
    {
        return int64("returnValue", value);
    }

    /** @return the record, encoded into a fresh buffer. */
    public ExpandableArrayBuffer record(final int[] lengthOut)
    {
        final Workload.Builder workload = Workload.newBuilder().setProcess(process.setThread(thread));
        if (!containerId.isEmpty())
        {
            workload.setContainer(Container.newBuilder().setId(containerId).setName(containerName).setIsRunning(containerRunning)
                .setImage(io.sluice.proto.v1beta1.ContainerImage.newBuilder().setName(containerImage)));
        }
        if (hasPod)
        {
            workload.setPod(pod);
        }
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
        lengthOut[0] = new EventProtoEncoder(CATALOG).encode(event.setWorkload(workload).build(), buffer, 0);
        new EventEncoder().wrap(buffer, MessageHeaderEncoder.ENCODED_LENGTH).mntNsId(mntNs).pidNsId(pidNs).cgroupId(cgroupId)
            .utsName(utsName).containerNew((short)(containerNew ? 1 : 0))
            .capEffective(capEffective).capPermitted(capPermitted).capInheritable(capInheritable)
            .presence().processContext(hasContext);
        return buffer;
    }

    public EventView view()
    {
        return view(null);
    }

    public EventView view(final ProcessTree tree)
    {
        final int[] length = new int[1];
        final ExpandableArrayBuffer buffer = record(length);
        return new EventView(tree).wrap(buffer, 0, length[0]);
    }
}
