package io.sluice.detect;

import io.sluice.proto.v1beta1.Container;
import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.SaFamilyT;
import io.sluice.proto.v1beta1.Severity;
import io.sluice.proto.v1beta1.SockAddr;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.sluice.detect.Detections.assertTracee;
import static io.sluice.detect.Detections.event;
import static io.sluice.detect.Detections.int32;
import static io.sluice.detect.Detections.int64;
import static io.sluice.detect.Detections.strArray;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tracee's {@code k8s_api_connection}: the API server's address comes from {@code KUBERNETES_SERVICE_HOST} in a
 * container's execs, and a connect of that container to it raises the detection; other containers, other addresses
 * and the host raise none.
 */
class K8sApiConnectionTest
{
    private static Event.Builder in(final String container, final Event.Builder event)
    {
        event.getWorkloadBuilder().setContainer(Container.newBuilder().setId(container).setIsRunning(true));
        return event;
    }

    private static Event.Builder exec(final String container, final String... env)
    {
        return in(container, event("sched_process_exec", strArray("env", env)));
    }

    private static Event.Builder connect(final String container, final SockAddr.Builder address, final long result)
    {
        return in(container, event("connect", int32("sockfd", 3), EventValue.newBuilder().setName("addr").setSockaddr(address).build(),
            int64("returnValue", result)));
    }

    private static SockAddr.Builder inet(final String address)
    {
        return SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_INET).setSinAddr(address).setSinPort(443);
    }

    /** @return the detections each event raises in turn, on one detector (it keeps the addresses between events). */
    private static List<Event> run(final Event.Builder... events)
    {
        final List<Event> detections = new ArrayList<>();
        final Detections.Run run = new Detections.Run("k8s_api_connection");
        for (final Event.Builder event : events)
        {
            detections.addAll(run.detections(event));
        }
        return detections;
    }

    @Test
    void aConnectToTheAddressOfTheContainersEnvironmentIsDetected()
    {
        final List<Event> detections = run(exec("pod-a", "HOME=/", "KUBERNETES_SERVICE_HOST=10.96.0.1"),
            connect("pod-a", inet("10.96.0.1"), -115));
        assertEquals(1, detections.size());
        assertTracee(detections.get(0), "k8s_api_connection", "TRC-1013", Severity.LOW, "Discovery", "", "Cloud Service Discovery",
            Map.of("Category", "discovery", "MITRE ATT&CK", "Discovery: Cloud Service Discovery"));
        assertEquals("connect", detections.get(0).getDetectedFrom().getName());
    }

    @Test
    void anIpv6AddressIsComparedAsBytes()
    {
        assertEquals(1, run(exec("pod-a", "KUBERNETES_SERVICE_HOST= fd00::1 "),
            connect("pod-a", SockAddr.newBuilder().setSaFamily(SaFamilyT.AF_INET6).setSin6Addr("fd00:0::1"), 0)).size());
    }

    @Test
    void otherContainersAddressesAndFailedConnectsAreNot()
    {
        assertEquals(List.of(), run(exec("pod-a", "KUBERNETES_SERVICE_HOST=10.96.0.1"),
            connect("pod-b", inet("10.96.0.1"), 0),
            connect("pod-a", inet("10.96.0.2"), 0),
            connect("pod-a", inet("10.96.0.1"), -111),
            event("connect", int32("sockfd", 3), EventValue.newBuilder().setName("addr").setSockaddr(inet("10.96.0.1")).build())));
        assertEquals(List.of(), run(exec("pod-a", "KUBERNETES_SERVICE_HOST=kubernetes.default"), connect("pod-a", inet("10.96.0.1"), 0)),
            "a host name is no address");
    }
}
