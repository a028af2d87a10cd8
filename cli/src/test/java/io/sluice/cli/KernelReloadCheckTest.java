package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.ConfigException;
import io.sluice.policy.CliPolicy;
import io.sluice.policy.PolicyCompiler;
import io.sluice.policy.PolicySet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the kernel sensor, a reload may narrow what the policies select but not ask for an event the sensor's programs
 * do not capture, nor for other in-kernel scopes: both were fixed at start.
 */
class KernelReloadCheckTest
{
    private static final EventCatalog CATALOG = EventCatalog.standard();

    @Test
    void fewerEventsAndTheSameScopesAreAccepted()
    {
        assertDoesNotThrow(() -> KernelReloadCheck.sameSelection(CATALOG, policies(List.of("openat", "connect"), List.of()),
            policies(List.of("openat.data.pathname=/etc/*"), List.of())));
    }

    @Test
    void anEventTheSensorDoesNotCaptureIsRefused()
    {
        final ConfigException refused = assertThrows(ConfigException.class, () -> KernelReloadCheck.sameSelection(CATALOG,
            policies(List.of("openat"), List.of()), policies(List.of("openat", "connect"), List.of())));
        assertTrue(refused.getMessage().contains("rules.event = 'connect': the kernel sensor does not capture this event"),
            refused.getMessage());
    }

    @Test
    void otherInKernelScopesAreRefused()
    {
        final ConfigException refused = assertThrows(ConfigException.class, () -> KernelReloadCheck.sameSelection(CATALOG,
            policies(List.of("openat"), List.of("comm=bash")), policies(List.of("openat"), List.of("comm=zsh"))));
        assertTrue(refused.getMessage().contains("scope") && refused.getMessage().contains("restart"), refused.getMessage());
    }

    private static PolicySet policies(final List<String> events, final List<String> scopes)
    {
        return new PolicyCompiler(CATALOG).compile(List.of(CliPolicy.of(CATALOG, events, scopes)));
    }
}
