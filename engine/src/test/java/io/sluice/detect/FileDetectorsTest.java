package io.sluice.detect;

import io.sluice.proto.v1beta1.Event;
import io.sluice.proto.v1beta1.EventValue;
import io.sluice.proto.v1beta1.SaFamilyT;
import io.sluice.proto.v1beta1.Severity;
import io.sluice.proto.v1beta1.SockAddr;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.sluice.detect.Detections.assertTracee;
import static io.sluice.detect.Detections.by;
import static io.sluice.detect.Detections.detect;
import static io.sluice.detect.Detections.event;
import static io.sluice.detect.Detections.inContainer;
import static io.sluice.detect.Detections.int64;
import static io.sluice.detect.Detections.openat;
import static io.sluice.detect.Detections.renameTo;
import static io.sluice.detect.Detections.str;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Tracee's detectors that watch files ({@code security_file_open}, {@code security_inode_rename}), raised from the open
 * and rename syscalls: each trigger raises exactly one detection with Tracee's metadata, each near miss none.
 */
class FileDetectorsTest
{
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    private static final int O_RDWR = 2;
    private static final int O_CREAT = 0x40;

    @Test
    void sudoersModificationIsAWriteOpenOrARenameOntoSudoers()
    {
        assertTracee(detect("sudoers_modification", openat("/etc/sudoers", O_WRONLY)), "sudoers_modification", "TRC-1028",
            Severity.MEDIUM, "Privilege Escalation", "T1548.003", "Sudo and Sudo Caching", "privilege-escalation");
        assertNotNull(detect("sudoers_modification", renameTo("/tmp/x", "/etc/sudoers.d/evil")));
        assertNotNull(detect("sudoers_modification", event("creat", str("pathname", "/etc/sudoers.d/evil"), int64("returnValue", 3))));
        assertNull(detect("sudoers_modification", openat("/etc/sudoers", O_RDONLY)), "reading sudoers is sudo's job");
        assertNull(detect("sudoers_modification", event("openat", str("pathname", "/etc/sudoers"), Detections.int32("flags", O_RDWR),
            int64("returnValue", -13))), "a refused open wrote nothing");
    }

    @Test
    void ldPreloadIsAWriteOfLdSoPreload()
    {
        assertTracee(detect("ld_preload", openat("/etc/ld.so.preload", O_WRONLY | O_CREAT)), "ld_preload", "TRC-107",
            Severity.MEDIUM, "Persistence", "T1574", "Hijack Execution Flow", "persistence");
        assertNotNull(detect("ld_preload", renameTo("/tmp/p", "/host/etc/ld.so.preload")));
        assertNull(detect("ld_preload", openat("/etc/ld.so.preload", O_RDONLY)), "the loader reads it in every process");
    }

    @Test
    void scheduledTaskModificationIsAWriteOfACronFile()
    {
        assertTracee(detect("scheduled_task_mod", openat("/var/spool/cron/crontabs/root", O_RDWR)), "scheduled_task_mod", "TRC-1027",
            Severity.MEDIUM, "Persistence", "T1053.003", "Cron", "persistence");
        assertNotNull(detect("scheduled_task_mod", renameTo("/tmp/job", "/etc/cron.d/job")));
        assertNull(detect("scheduled_task_mod", openat("/etc/crontab", O_RDONLY)));
        assertNull(detect("scheduled_task_mod", openat("/etc/cron.dx", O_WRONLY)));
    }

    @Test
    void rcdModificationIsAWriteOfAnRcScript()
    {
        assertTracee(detect("rcd_modification", openat("/etc/rc.local", O_WRONLY)), "rcd_modification", "TRC-1026",
            Severity.MEDIUM, "Persistence", "T1037.004", "RC Scripts", "persistence");
        assertNotNull(detect("rcd_modification", renameTo("/tmp/s", "/etc/init.d/backdoor")));
        assertNull(detect("rcd_modification", openat("/etc/init.d/ssh", O_RDONLY)));
    }

    @Test
    void cgroupReleaseAgentIsAWriteOfReleaseAgentInAContainer()
    {
        assertTracee(detect("cgroup_release_agent", inContainer(openat("/tmp/cgrp/release_agent", O_WRONLY))), "cgroup_release_agent",
            "TRC-1010", Severity.HIGH, "Privilege Escalation", "T1611", "Escape to Host", "privilege-escalation");
        assertNotNull(detect("cgroup_release_agent", inContainer(renameTo("/tmp/a", "/sys/fs/cgroup/x/release_agent"))));
        assertNull(detect("cgroup_release_agent", openat("/tmp/cgrp/release_agent", O_WRONLY)), "on the host");
        assertNull(detect("cgroup_release_agent", inContainer(openat("/tmp/cgrp/release_agent", O_RDONLY))));
        assertNull(detect("cgroup_release_agent", inContainer(openat("/tmp/cgrp/release_agent.bak", O_WRONLY))));
    }

    @Test
    void cgroupNotifyOnReleaseIsAWriteOfNotifyOnReleaseInAContainer()
    {
        assertTracee(detect("cgroup_notify_on_release", inContainer(openat("/tmp/cgrp/x/notify_on_release", O_WRONLY))),
            "cgroup_notify_on_release", "TRC-106", Severity.HIGH, "Privilege Escalation", "T1611", "Escape to Host", "privilege-escalation");
        assertNull(detect("cgroup_notify_on_release", openat("/tmp/cgrp/x/notify_on_release", O_WRONLY)), "on the host");
        assertNull(detect("cgroup_notify_on_release", inContainer(openat("/tmp/cgrp/x/notify_on_release", O_RDONLY))));
    }

    @Test
    void corePatternModificationIsAWriteOfCorePatternInAContainer()
    {
        assertTracee(detect("core_pattern_modification", inContainer(openat("/proc/sys/kernel/core_pattern", O_WRONLY))),
            "core_pattern_modification", "TRC-1011", Severity.HIGH, "Privilege Escalation", "T1611", "Escape to Host",
            "privilege-escalation");
        assertNull(detect("core_pattern_modification", inContainer(openat("/proc/sys/kernel/core_pattern", O_RDONLY))));
        assertNull(detect("core_pattern_modification", openat("/proc/sys/kernel/core_pattern", O_WRONLY)), "on the host");
    }

    @Test
    void systemRequestKeyModificationIsAWriteOfSysrqInAContainer()
    {
        assertTracee(detect("system_request_key_mod", inContainer(openat("/proc/sysrq-trigger", O_WRONLY))), "system_request_key_mod",
            "TRC-1031", Severity.HIGH, "Privilege Escalation", "T1611", "Escape to Host", "privilege-escalation");
        assertNotNull(detect("system_request_key_mod", inContainer(openat("/proc/sys/kernel/sysrq", O_RDWR))));
        assertNull(detect("system_request_key_mod", inContainer(openat("/proc/sys/kernel/sysrq", O_RDONLY))));
    }

    @Test
    void procKcoreReadIsAReadOfKcoreInAContainer()
    {
        assertTracee(detect("proc_kcore_read", inContainer(openat("/proc/kcore", O_RDONLY))), "proc_kcore_read", "TRC-1021",
            Severity.MEDIUM, "Privilege Escalation", "T1611", "Escape to Host", "privilege-escalation");
        assertNull(detect("proc_kcore_read", inContainer(openat("/proc/kcore", O_WRONLY))));
        assertNull(detect("proc_kcore_read", openat("/proc/kcore", O_RDONLY)), "on the host");
    }

    @Test
    void schedDebugReconIsAReadOfSchedDebugInAContainer()
    {
        assertTracee(detect("sched_debug_recon", inContainer(openat("/proc/sched_debug", O_RDONLY))), "sched_debug_recon", "TRC-1029",
            Severity.LOW, "Discovery", "T1613", "Container and Resource Discovery", "discovery");
        assertNotNull(detect("sched_debug_recon", inContainer(openat("/sys/kernel/debug/sched/debug", O_RDWR))));
        assertNull(detect("sched_debug_recon", inContainer(openat("/proc/sched_debug", O_WRONLY))));
    }

    @Test
    void aslrInspectionIsAReadOfRandomizeVaSpace()
    {
        assertTracee(detect("aslr_inspection", openat("/proc/sys/kernel/randomize_va_space", O_RDONLY)), "aslr_inspection", "TRC-109",
            Severity.INFO, "Privilege Escalation", "T1068", "Exploitation for Privilege Escalation", "privilege-escalation");
        assertNull(detect("aslr_inspection", openat("/proc/sys/kernel/randomize_va_space", O_WRONLY)));
    }

    @Test
    void procMemAccessAndCodeInjectionAreReadsAndWritesOfProcMem()
    {
        assertTracee(detect("proc_mem_access", openat("/proc/1234/mem", O_RDONLY)), "proc_mem_access", "TRC-1023",
            Severity.HIGH, "Credential Access", "T1003.007", "Proc Filesystem", "credential-access");
        assertTracee(detect("proc_mem_code_injection", openat("/proc/self/mem", O_RDWR)), "proc_mem_code_injection", "TRC-1024",
            Severity.HIGH, "Defense Evasion", "T1055.009", "Proc Memory", "defense-evasion");
        assertNull(detect("proc_mem_code_injection", openat("/proc/1234/mem", O_RDONLY)));
        assertNull(detect("proc_mem_access", openat("/proc/1234/mem", O_WRONLY)));
        assertNull(detect("proc_mem_access", openat("/proc/1234/maps", O_RDONLY)));
        assertNull(detect("proc_mem_access", openat("/proc/x/mem", O_RDONLY)));
        assertNull(detect("proc_mem_access", openat("/proc//mem", O_RDONLY)));
    }

    @Test
    void defaultLoaderModificationIsAWriteOfTheDynamicLoader()
    {
        assertTracee(detect("default_loader_mod", openat("/lib64/ld-linux-x86-64.so.2", O_WRONLY)), "default_loader_mod", "TRC-1012",
            Severity.HIGH, "Defense Evasion", "T1574", "Hijack Execution Flow", "defense-evasion");
        assertNotNull(detect("default_loader_mod", renameTo("/tmp/ld", "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2")));
        assertNull(detect("default_loader_mod", openat("/lib64/ld-linux-x86-64.so.2", O_RDONLY)));
        assertNull(detect("default_loader_mod", openat("/lib/x86_64-linux-gnu/libc.so.6", O_WRONLY)));
        assertNull(detect("default_loader_mod", openat("/opt/lib/ld-linux.so.2", O_WRONLY)));
    }

    @Test
    void k8sServiceAccountTokenIsATokenReadInAContainerByAnUnexpectedProgram()
    {
        final String token = "/var/run/secrets/kubernetes.io/serviceaccount/token";
        assertTracee(detect("k8s_service_account_token", inContainer(openat(token, O_RDONLY))), "k8s_service_account_token", "TRC-108",
            Severity.INFO, "Credential Access", "T1212", "Exploitation for Credential Access",
            Map.of("Category", "credential-access", "Kubernetes_Technique", "Container service account"));
        assertNull(detect("k8s_service_account_token", inContainer(by(openat(token, O_RDONLY), "kubectl", "/usr/bin/kubectl"))));
        assertNull(detect("k8s_service_account_token", openat(token, O_RDONLY)), "on the host");
        assertNull(detect("k8s_service_account_token", inContainer(openat(token + ".bak", O_RDONLY))));
    }

    @Test
    void k8sCertTheftIsAPkiReadByAnUnexpectedProgramOrARenameAway()
    {
        assertTracee(detect("k8s_cert_theft", openat("/etc/kubernetes/pki/ca.key", O_RDONLY)), "k8s_cert_theft", "TRC-1018",
            Severity.HIGH, "Credential Access", "T1528", "Steal Application Access Token", "credential-access");
        assertNotNull(detect("k8s_cert_theft", renameTo("/etc/kubernetes/pki/ca.key", "/tmp/ca.key")));
        assertNull(detect("k8s_cert_theft", by(openat("/etc/kubernetes/pki/ca.key", O_RDONLY), "kubelet", "/usr/bin/kubelet")));
        assertNull(detect("k8s_cert_theft", openat("/etc/kubernetes/admin.conf", O_RDONLY)));
    }

    @Test
    void dockerAbuseIsAWriteOpenOfOrAConnectToTheDockerSocketInAContainer()
    {
        final Event detection = detect("docker_abuse", inContainer(openat("/var/run/docker.sock", O_RDWR)));
        assertTracee(detection, "docker_abuse", "TRC-1019", Severity.MEDIUM, "Privilege Escalation", "T1068",
            "Exploitation for Privilege Escalation", "privilege-escalation");
        assertNull(detect("docker_abuse", openat("/var/run/docker.sock", O_RDWR)), "on the host");
        assertNull(detect("docker_abuse", inContainer(openat("/var/run/docker.sock", O_RDONLY))));
        assertNotNull(detect("docker_abuse", inContainer(connect(SaFamilyT.AF_UNIX, "/run/docker.sock", 0))));
        assertNull(detect("docker_abuse", inContainer(connect(SaFamilyT.AF_UNIX, "/run/docker.sock", -111))), "refused");
        assertNull(detect("docker_abuse", inContainer(connect(SaFamilyT.AF_UNIX, "/run/containerd.sock", 0))));
        assertNull(detect("docker_abuse", connect(SaFamilyT.AF_UNIX, "/run/docker.sock", 0)), "on the host");
    }

    private static Event.Builder connect(final SaFamilyT family, final String path, final long result)
    {
        return event("connect", Detections.int32("sockfd", 3), EventValue.newBuilder().setName("addr")
            .setSockaddr(SockAddr.newBuilder().setSaFamily(family).setSunPath(path)).build(), int64("returnValue", result));
    }
}
