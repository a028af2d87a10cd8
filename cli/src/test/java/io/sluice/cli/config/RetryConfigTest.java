package io.sluice.cli.config;

import io.sluice.config.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code retry.backoff} and {@code retry.max-backoff} of any destination type, from YAML and from flags, with their
 * defaults and the refusals that name origin, field and value.
 */
class RetryConfigTest
{
    @TempDir
    Path dir;

    @Test
    void aDestinationWithoutRetryKeysHasTheDefaults()
    {
        assertEquals(RetryPolicy.DEFAULTS, Load.flags("json:/tmp/a.json").destination("json-1").retry());
    }

    @Test
    void retryFromFlagsForFilesAndJournals()
    {
        assertEquals(new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(5)),
            Load.flags("destinations.d.path=/tmp/d", "destinations.d.retry.backoff=200ms").destination("d").retry());
        assertEquals(new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1)),
            Load.flags("destinations.j.type=journal", "destinations.j.path=/tmp/j", "destinations.j.retry.backoff=1s",
                "destinations.j.retry.max-backoff=1m").destination("j").retry());
    }

    @Test
    void aBackoffLongerThanTheDefaultMaximumRaisesIt()
    {
        assertEquals(new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10)),
            Load.flags("destinations.d.path=/tmp/d", "destinations.d.retry.backoff=10s").destination("d").retry());
    }

    @Test
    void retryFromYaml()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: d
                  path: /tmp/d.json
                  format: json
                  retry:
                    backoff: 50ms
                    max-backoff: 2s
            """);
        assertEquals(new RetryPolicy(Duration.ofMillis(50), Duration.ofSeconds(2)), Load.yaml(file).destination("d").retry());
    }

    @Test
    void aFlagReplacesTheFileSetting()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: d
                  path: /tmp/d.json
                  retry: {backoff: 50ms}
            """);
        assertEquals(Duration.ofMillis(300),
            Load.yaml(file, "destinations.d.retry.backoff=300ms").destination("d").retry().backoff());
    }

    @Test
    void refusals()
    {
        assertEquals("--output destinations.d.retry.max-backoff=1s: destinations.d.retry.max-backoff = '1s': shorter than"
            + " retry.backoff (2s)", Load.flagError("destinations.d.path=/tmp/d", "destinations.d.retry.backoff=2s",
            "destinations.d.retry.max-backoff=1s"));
        assertEquals("--output destinations.d.retry.max-backoff=50ms: destinations.d.retry.max-backoff = '50ms': shorter"
            + " than retry.backoff (100ms, the default)",
            Load.flagError("destinations.d.path=/tmp/d", "destinations.d.retry.max-backoff=50ms"));
        assertEquals("--output destinations.d.retry.backoff=0: destinations.d.retry.backoff = '0': must be positive"
            + " (a duration such as 100ms)", Load.flagError("destinations.d.path=/tmp/d", "destinations.d.retry.backoff=0"));
        assertEquals("--output destinations.d.retry.backoff=soon: destinations.d.retry.backoff = 'soon': expected a"
            + " duration such as 100ms, 5s or 1m", Load.flagError("destinations.d.path=/tmp/d", "destinations.d.retry.backoff=soon"));
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: d
                  path: /tmp/d.json
                  retry:
                    backof: 1s
            """);
        assertEquals(file + ":6: output.destinations[0].retry.backof: unknown key (expected one of: backoff, max-backoff)",
            Load.yamlError(file));
    }
}
