package io.sluice.detect;

import io.sluice.codec.text.InetText;
import io.sluice.policy.EventView;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Tracee's {@code k8s_api_connection}: in a started container, a process connects to the Kubernetes API server,
 * whose address the container's execs carry in {@code KUBERNETES_SERVICE_HOST}. Like Tracee, it keeps the address per
 * container from the execs it sees (their {@code env}, captured with {@code --output exec-env}) and raises on a
 * {@code connect} of that container to it.
 * <p>
 * Differs from Tracee: Tracee compares the address texts, Sluice the address bytes (so {@code ::1} and
 * {@code 0:0::1} are one); it watches the {@code connect} syscall (Tracee the {@code security_socket_connect} hook)
 * and skips a connect that failed other than in progress; it keeps at most {@value #CONTAINERS} containers, the
 * oldest forgotten first; and Tracee adds the address as data, Sluice's detections carry none of their own.
 */
public final class K8sApiConnection implements Detector
{
    static final int CONTAINERS = 4096;

    private static final long EINPROGRESS = 115;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final byte[] SERVICE_HOST = "KUBERNETES_SERVICE_HOST=".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ADDR = "addr".getBytes(StandardCharsets.UTF_8);
    private static final Threat THREAT = new Threat("TRC-1013",
        "Kubernetes API server connection detected",
        "A connection to the kubernetes API server was detected. The K8S API server is the brain of your K8S cluster, " +
        "adversaries may try and communicate with the K8S API server to gather information/credentials, or even run more " +
        "containers and laterally expand their grip on your systems.",
        Threat.LOW, "Discovery", "", "Cloud Service Discovery",
        Map.of("Category", "discovery", "MITRE ATT&CK", "Discovery: Cloud Service Discovery"));

    private final byte[][] containers = new byte[CONTAINERS][];
    private final byte[][] addresses = new byte[CONTAINERS][];
    private int next;

    @Override
    public String eventName()
    {
        return "k8s_api_connection";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("sched_process_exec", "connect");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        if (!event.containerRunning() || event.containerIdLength() == 0)
        {
            return false;
        }
        if (event.eventId() == Execs.EXEC)
        {
            remember(event);
            return false;
        }
        final int address = event.dataIndex(ADDR);
        if (address < 0 || event.hasRetval() && event.retval() < 0 && event.retval() != -EINPROGRESS)
        {
            return false;
        }
        final int known = find(event.containerId(), event.containerIdLength());
        return known >= 0 && connectsTo(event.dataValue(address), event.dataValueLength(address), addresses[known]);
    }

    private static boolean connectsTo(final byte[] sockaddr, final int length, final byte[] api)
    {
        if (length < 2)
        {
            return false;
        }
        // a SOCKADDR value: [u16 family][u16 port][4 address bytes] or [u16 family][u16 port][u32 flowinfo][16 address bytes]...
        final int family = (sockaddr[0] & 0xff) | (sockaddr[1] & 0xff) << 8;
        final int at = family == AF_INET && api.length == 4 ? 4 : family == AF_INET6 && api.length == 16 ? 8 : -1;
        return at >= 0 && at + api.length <= length && Arrays.equals(sockaddr, at, at + api.length, api, 0, api.length);
    }

    /** An exec in a container: keep the API server address its environment names (allocates only then). */
    private void remember(final EventView event)
    {
        final String host = Execs.environmentValue(event, SERVICE_HOST);
        if (host == null)
        {
            return;
        }
        final byte[] api;
        try
        {
            api = host.indexOf(':') >= 0 ? InetText.parseIpv6(host) : InetText.parseIpv4(host);
        }
        catch (final IllegalArgumentException notAnAddress)
        {
            // a host name: no connect's address can equal it, as in Tracee
            return;
        }
        final int known = find(event.containerId(), event.containerIdLength());
        if (known >= 0)
        {
            addresses[known] = api;
            return;
        }
        containers[next] = Arrays.copyOf(event.containerId(), event.containerIdLength());
        addresses[next] = api;
        next = (next + 1) % CONTAINERS;
    }

    private int find(final byte[] id, final int length)
    {
        for (int i = 0; i < CONTAINERS && containers[i] != null; i++)
        {
            if (Arrays.equals(containers[i], 0, containers[i].length, id, 0, length))
            {
                return i;
            }
        }
        return -1;
    }
}
