package io.sluice.detect;

import io.sluice.policy.EventView;

import java.util.List;

/**
 * Tracee's TRC-108 {@code k8s_service_account_token}: in a started container, a program other than the Kubernetes
 * components Tracee allows opens a service account token ({@code secrets/kubernetes.io/serviceaccount/...token}) for
 * reading. The syscalls carry the path as the caller wrote it (Tracee's hook sees it resolved), so a relative path
 * does not match.
 */
public final class K8sServiceAccountToken implements Detector
{
    private static final byte[][] LEGITIMATE = FileAccess.utf8("flanneld", "kube-proxy", "etcd", "kube-apiserver", "coredns",
        "kube-controller", "kubectl");
    private static final byte[] DIRECTORY = "secrets/kubernetes.io/serviceaccount/".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] TOKEN = "token".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final Threat THREAT = new Threat("TRC-108",
        "K8s service account token file read",
        "The Kubernetes service account token file was read on your container. This token is used to communicate with " +
        "the Kubernetes API Server. Adversaries may try to communicate with the API Server to steal information and/or " +
        "credentials, or even run more containers and laterally extend their grip on the systems.",
        Threat.INFO, "Credential Access", "T1212", "Exploitation for Credential Access",
        java.util.Map.of("Category", "credential-access", "Kubernetes_Technique", "Container service account"));

    @Override
    public String eventName()
    {
        return "k8s_service_account_token";
    }

    @Override
    public List<String> inputs()
    {
        return FileAccess.OPENS;
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        if (!event.containerRunning() || Execs.executableNamed(event, LEGITIMATE))
        {
            return false;
        }
        final int path = FileAccess.openedForRead(event);
        if (path < 0)
        {
            return false;
        }
        final byte[] value = event.dataValue(path);
        final int length = event.dataValueLength(path);
        final int directory = ByteSearch.indexOf(value, length, DIRECTORY, 0);
        return directory >= 0 && length - TOKEN.length >= directory + DIRECTORY.length
            && ByteSearch.regionEquals(value, length, length - TOKEN.length, TOKEN);
    }
}
