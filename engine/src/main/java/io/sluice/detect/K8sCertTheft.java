package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.util.List;

/**
 * Tracee's TRC-1018 {@code k8s_cert_theft}: a program other than the Kubernetes components Tracee allows opens a
 * file under {@code /etc/kubernetes/pki/} for reading, or any program renames one away. The syscalls carry the path
 * as the caller wrote it (Tracee's hook sees it resolved), so a relative path does not match.
 */
public final class K8sCertTheft implements Detector
{
    private static final byte[][] LEGITIMATE = FileAccess.utf8("kube-apiserver", "kubelet", "kube-controller", "etcd");
    private static final TextPattern[] PKI = FileAccess.patterns("/etc/kubernetes/pki/*");
    private static final byte[] OLDPATH = "oldpath".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final Threat THREAT = Threat.of("TRC-1018",
        "K8s TLS certificate theft detected",
        "Theft of Kubernetes TLS certificates was detected. TLS certificates are used to establish trust between " +
        "systems. The Kubernetes certificate is used to to enable secure communication between Kubernetes components, " +
        "such as kubelet scheduler controller and API Server. An adversary may steal a Kubernetes certificate on a " +
        "compromised system to impersonate Kubernetes components within the cluster.",
        Threat.HIGH, "Credential Access", "T1528", "Steal Application Access Token", "credential-access");

    @Override
    public String eventName()
    {
        return "k8s_cert_theft";
    }

    @Override
    public List<String> inputs()
    {
        return FileAccess.OPENS_AND_RENAMES;
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        if (FileAccess.renamedTo(event) >= 0)
        {
            return FileAccess.matches(event, event.dataIndex(OLDPATH), PKI);
        }
        return !Execs.executableNamed(event, LEGITIMATE) && FileAccess.matches(event, FileAccess.openedForRead(event), PKI);
    }
}
