package io.sluice.codec.proto;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.PresenceDecoder;
import io.sluice.proto.v1beta1.Ancestor;
import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.ContainerImage;
import io.sluice.proto.v1beta1.Executable;
import io.sluice.proto.v1beta1.Mitre;
import io.sluice.proto.v1beta1.MitreTactic;
import io.sluice.proto.v1beta1.MitreTechnique;
import io.sluice.proto.v1beta1.Pod;
import io.sluice.proto.v1beta1.Process;
import io.sluice.proto.v1beta1.Thread;
import io.sluice.proto.v1beta1.Threat;
import io.sluice.proto.v1beta1.Timestamp;
import io.sluice.proto.v1beta1.UInt32Value;
import io.sluice.proto.v1beta1.User;
import io.sluice.proto.v1beta1.UserStackTrace;
import io.sluice.proto.v1beta1.Workload;

import java.util.List;

/**
 * The sub-messages of a {@code v1beta1.Event} that {@link EventProtoDecoder} builds from a record's fixed block, its
 * texts and its presence bits: a sub-message exists when its presence bit is set and its parent exists.
 */
final class EventProtoParts
{
    private EventProtoParts()
    {
    }

    /**
     * @param d         the decoder, wrapped on the record (its fixed block is read).
     * @param presence  the record's presence bits.
     * @param texts     its texts.
     * @param ancestors its ancestors.
     * @param userStack its user stack.
     * @return the workload.
     */
    static Workload.Builder workload(final EventDecoder d, final int presence, final RecordTexts texts,
        final List<Ancestor> ancestors, final UserStackTrace userStack)
    {
        final Workload.Builder workload = Workload.newBuilder();
        if (PresenceDecoder.process(presence))
        {
            workload.setProcess(process(d, presence, texts, ancestors, userStack));
        }
        if (PresenceDecoder.container(presence))
        {
            final Container.Builder container = Container.newBuilder()
                .setId(texts.containerId)
                .setName(texts.containerName)
                .setIsRunning(d.containerIsRunning() != 0);
            if (PresenceDecoder.containerImage(presence))
            {
                container.setImage(ContainerImage.newBuilder()
                    .setId(texts.containerImageId)
                    .setName(texts.containerImageName));
            }
            workload.setContainer(container);
        }
        if (PresenceDecoder.pod(presence))
        {
            workload.setPod(Pod.newBuilder()
                .setName(texts.podName)
                .setUid(texts.podUid)
                .setNamespace(texts.podNamespace));
        }
        return workload;
    }

    private static Process.Builder process(final EventDecoder d, final int presence, final RecordTexts texts,
        final List<Ancestor> ancestors, final UserStackTrace userStack)
    {
        final Process.Builder process = Process.newBuilder();
        if (PresenceDecoder.thread(presence))
        {
            final Thread.Builder thread = Thread.newBuilder()
                .setName(texts.threadName)
                .setUniqueId(d.threadUniqueId())
                .setHostTid((int)d.hostTid())
                .setTid((int)d.tid())
                .setSyscall(texts.syscall)
                .setCompat(d.compat() != 0);
            if (PresenceDecoder.threadStartTime(presence))
            {
                thread.setStartTime(timestamp(d.threadStartSeconds(), d.threadStartNanos()));
            }
            if (PresenceDecoder.userStackTrace(presence))
            {
                thread.setUserStackTrace(userStack);
            }
            process.setThread(thread);
        }
        if (PresenceDecoder.pid(presence))
        {
            process.setPid(uint32Value(d.pid()));
        }
        if (PresenceDecoder.realUser(presence))
        {
            process.setRealUser(user(PresenceDecoder.realUserId(presence), d.realUserId()));
        }
        if (PresenceDecoder.executable(presence))
        {
            process.setExecutable(Executable.newBuilder().setPath(texts.executablePath));
        }
        process.addAllAncestors(ancestors);
        process.setUniqueId(d.processUniqueId());
        if (PresenceDecoder.hostPid(presence))
        {
            process.setHostPid(uint32Value(d.hostPid()));
        }
        if (PresenceDecoder.user(presence))
        {
            process.setUser(user(PresenceDecoder.userId(presence), d.userId()));
        }
        return process;
    }

    /**
     * @param d              the decoder, wrapped on the record.
     * @param presence       the record's presence bits.
     * @param texts          its texts.
     * @param propertyKeys   its threat properties' keys.
     * @param propertyValues their values, in the same order.
     * @return the threat.
     */
    static Threat.Builder threat(final EventDecoder d, final int presence, final RecordTexts texts,
        final List<String> propertyKeys, final List<String> propertyValues)
    {
        final Threat.Builder threat = Threat.newBuilder()
            .setName(texts.threatName)
            .setDescription(texts.threatDescription)
            .setSeverityValue(d.threatSeverity());
        if (PresenceDecoder.mitre(presence))
        {
            final Mitre.Builder mitre = Mitre.newBuilder();
            if (PresenceDecoder.tactic(presence))
            {
                mitre.setTactic(MitreTactic.newBuilder().setName(texts.tacticName));
            }
            if (PresenceDecoder.technique(presence))
            {
                mitre.setTechnique(MitreTechnique.newBuilder()
                    .setId(texts.techniqueId)
                    .setExternalId(texts.techniqueExternalId)
                    .setName(texts.techniqueName));
            }
            threat.setMitre(mitre);
        }
        for (int i = 0; i < propertyKeys.size(); i++)
        {
            threat.putProperties(propertyKeys.get(i), propertyValues.get(i));
        }
        return threat;
    }

    static Timestamp timestamp(final long seconds, final int nanos)
    {
        return Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build();
    }

    static UInt32Value uint32Value(final long value)
    {
        return UInt32Value.newBuilder().setValue((int)value).build();
    }

    private static User user(final boolean hasId, final long id)
    {
        final User.Builder user = User.newBuilder();
        if (hasId)
        {
            user.setId(uint32Value(id));
        }
        return user.build();
    }
}
