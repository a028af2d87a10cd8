package io.sluice.detect;

import io.sluice.proto.v1beta1.Severity;
import org.junit.jupiter.api.Test;

import static io.sluice.detect.Detections.assertTracee;
import static io.sluice.detect.Detections.by;
import static io.sluice.detect.Detections.detect;
import static io.sluice.detect.Detections.event;
import static io.sluice.detect.Detections.inContainer;
import static io.sluice.detect.Detections.int32;
import static io.sluice.detect.Detections.int64;
import static io.sluice.detect.Detections.str;
import static io.sluice.detect.Detections.strArray;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Tracee's detectors that watch execs, ptrace, process_vm_writev and mounts: each trigger raises exactly one detection
 * with Tracee's metadata, each near miss none.
 */
class ProcessDetectorsTest
{
    @Test
    void ldPreloadIsAnExecWithLdPreloadInItsEnvironment()
    {
        assertTracee(detect("ld_preload", event("sched_process_exec", str("pathname", "/usr/bin/ls"),
            strArray("env", "HOME=/root", "LD_PRELOAD=/tmp/hook.so"))), "ld_preload", "TRC-107", Severity.MEDIUM, "Persistence", "T1574",
            "Hijack Execution Flow", "persistence");
        assertNotNull(detect("ld_preload", event("sched_process_exec", strArray("env", "LD_LIBRARY_PATH=/tmp"))));
        assertNull(detect("ld_preload", event("sched_process_exec", strArray("env", "HOME=/root", "MY_LD_PRELOAD=x", "LD_PRELOAD"))));
        assertNull(detect("ld_preload", event("sched_process_exec", str("pathname", "/usr/bin/ls"))), "no environment captured");
    }

    @Test
    void scheduledTaskModificationAndRcdModificationAreTheirCommandsRunning()
    {
        assertTracee(detect("scheduled_task_mod", by(event("sched_process_exec"), "crontab", "/usr/bin/crontab")), "scheduled_task_mod",
            "TRC-1027", Severity.MEDIUM, "Persistence", "T1053.003", "Cron", "persistence");
        assertNull(detect("scheduled_task_mod", by(event("sched_process_exec"), "crontabx", "/usr/bin/crontabx")));
        assertTracee(detect("rcd_modification", by(event("sched_process_exec"), "update-rc.d", "/usr/sbin/update-rc.d")),
            "rcd_modification", "TRC-1026", Severity.MEDIUM, "Persistence", "T1037.004", "RC Scripts", "persistence");
        assertNull(detect("rcd_modification", by(event("sched_process_exec"), "update-rc", "/usr/sbin/update-rc")));
    }

    @Test
    void illegitimateShellIsAWebServerExecutingAShell()
    {
        assertTracee(detect("illegitimate_shell", by(event("sched_process_exec", str("prev_comm", "nginx")), "sh", "/bin/dash")),
            "illegitimate_shell", "TRC-1016", Severity.MEDIUM, "Initial Access", "T1190", "Exploit Public-Facing Application",
            "initial-access");
        assertNull(detect("illegitimate_shell", by(event("sched_process_exec", str("prev_comm", "bash")), "sh", "/bin/dash")));
        assertNull(detect("illegitimate_shell", by(event("sched_process_exec", str("prev_comm", "nginx")), "ls", "/bin/ls")));
    }

    @Test
    void ptraceCodeInjectionIsAPokeIntoAnotherProcess()
    {
        assertTracee(detect("ptrace_code_injection", event("ptrace", int64("request", 4), int32("pid", 99))), "ptrace_code_injection",
            "TRC-103", Severity.HIGH, "Defense Evasion", "T1055.008", "Ptrace System Calls", "defense-evasion");
        assertNotNull(detect("ptrace_code_injection", event("ptrace", int64("request", 5), int32("pid", 99))));
        assertNull(detect("ptrace_code_injection", event("ptrace", int64("request", 2), int32("pid", 99))), "PTRACE_PEEKDATA reads");
    }

    @Test
    void processVmWriteInjectIsAWriteIntoAnotherProcess()
    {
        assertTracee(detect("process_vm_write_inject", event("process_vm_writev", int32("pid", 99))), "process_vm_write_inject",
            "TRC-1025", Severity.HIGH, "Defense Evasion", "T1055", "Process Injection", "defense-evasion");
        assertNull(detect("process_vm_write_inject", event("process_vm_writev", int32("pid", 4321))), "its own memory");
    }

    @Test
    void diskMountIsAMountOfADeviceInAContainer()
    {
        assertTracee(detect("disk_mount", inContainer(event("mount", str("source", "/dev/sda1"), str("target", "/mnt"),
            int64("returnValue", 0)))), "disk_mount", "TRC-1014", Severity.HIGH, "Privilege Escalation", "T1611", "Escape to Host",
            "privilege-escalation");
        assertNull(detect("disk_mount", event("mount", str("source", "/dev/sda1"), str("target", "/mnt"))), "on the host");
        assertNull(detect("disk_mount", inContainer(event("mount", str("source", "tmpfs"), str("target", "/mnt")))));
        assertNull(detect("disk_mount", inContainer(event("mount", str("source", "/dev/sda1"), int64("returnValue", -1)))), "refused");
    }
}
