package io.sluice.detect;

import io.sluice.policy.EventView;

import java.util.List;
import java.util.Map;

/**
 * Tracee's TRC-1017 {@code kernel_module_loading}: a kernel module is loaded with {@code init_module} or
 * {@code finit_module}, a way for an adversary to run code in the kernel and persist.
 */
public final class KernelModuleLoading implements Detector
{
    private static final Threat THREAT = new Threat(
        "Kernel module loading detected",
        "Loading of a kernel module was detected. Kernel modules are binaries meant to run in the kernel. Adversaries may try and load kernel modules to extend their capabilities and avoid detection by running in the kernel and not user space.",
        Threat.HIGH, "Persistence", "attack-pattern--a1b52199-c8c5-438a-9ded-656f1d0888c6", "T1547.006",
        "Boot or Logon Autostart Execution: Kernel Modules and Extensions",
        Map.of("id", "TRC-1017", "signatureID", "kernel_module_loading"));

    @Override
    public String eventName()
    {
        return "kernel_module_loading";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("init_module", "finit_module");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        // a failed call loaded nothing
        return !event.hasRetval() || event.retval() >= 0;
    }
}
