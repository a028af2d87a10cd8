package io.sluice.process;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Container ids come from the cgroup path in each runtime's form; host cgroups have none.
 */
class ContainerIdsTest
{
    private static final String ID = "3f1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a";

    private static String id(final String path)
    {
        return new String(ContainerIds.fromCgroupPath(path), StandardCharsets.US_ASCII);
    }

    @Test
    void docker()
    {
        assertEquals(ID, id("/docker/" + ID));
        assertEquals(ID, id("/system.slice/docker-" + ID + ".scope"));
    }

    @Test
    void containerdAndKubernetes()
    {
        assertEquals(ID, id("/system.slice/containerd.service/kubepods-besteffort-pod1234.slice:cri-containerd:" + ID));
        assertEquals(ID, id("/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod5d2c.slice/cri-containerd-" + ID + ".scope"));
        assertEquals(ID, id("/kubepods/burstable/pod5d2c3a1e-1b2c-4d5e-8f9a-0b1c2d3e4f5a/" + ID));
    }

    @Test
    void crio()
    {
        assertEquals(ID, id("/kubepods.slice/kubepods-pod1.slice/crio-" + ID + ".scope"));
        assertEquals("", id("/kubepods.slice/kubepods-pod1.slice/crio-conmon-" + ID + ".scope"), "the monitor is not the container");
    }

    @Test
    void podman()
    {
        assertEquals(ID, id("/machine.slice/libpod-" + ID + ".scope"));
        assertEquals(ID, id("/libpod_parent/libpod-" + ID));
    }

    @Test
    void hostProcessesHaveNone()
    {
        assertEquals("", id("/"));
        assertEquals("", id("/user.slice/user-1000.slice/session-2.scope"));
        assertEquals("", id("/system.slice/docker.service"));
    }
}
