package io.sluice.cli.config;

import io.sluice.config.DestinationConfig;
import io.sluice.config.FormatSpec;
import io.sluice.config.JournalRoll;
import io.sluice.config.RotationConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code type: journal} (a directory and a {@code roll}) and a file's {@code rotate.*} (Tetragon's rotation options),
 * from YAML and from flags, with their defaults and the refusals that name origin, field and value.
 */
class JournalAndRotationConfigTest
{
    private static final long MB = RotationConfig.MEGABYTE;

    @TempDir
    Path dir;

    @Test
    void aJournalIsADirectoryOfSbeRecordsRollingHourlyByDefault()
    {
        assertEquals(new DestinationConfig("j", "journal", FormatSpec.SBE, "/var/lib/sluice/j", null, null,
            JournalRoll.HOURLY), Load.flags("destinations.j.type=journal", "destinations.j.path=/var/lib/sluice/j").destination("j"));
        assertEquals(JournalRoll.DAILY, Load.flags("destinations.j.type=journal", "destinations.j.path=/j",
            "destinations.j.roll=daily").destination("j").roll());
    }

    @Test
    void aJournalFromYaml()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: capture
                  type: journal
                  path: /var/lib/sluice/capture
                  roll: ten-minutely
            """);
        assertEquals(new DestinationConfig("capture", "journal", FormatSpec.SBE, "/var/lib/sluice/capture",
            null, null, JournalRoll.TEN_MINUTELY), Load.yaml(file).destination("capture"));
    }

    @Test
    void aJournalRefusesWhatItCannotUse()
    {
        assertEquals("--output destinations.j.type=journal: destinations.j.path: missing: a journal destination needs a path"
            + " (the journal directory)", Load.flagError("destinations.j.type=journal"));
        assertEquals("--output destinations.j.path=stdout: destinations.j.path = 'stdout': a journal needs a directory path",
            Load.flagError("destinations.j.type=journal", "destinations.j.path=stdout"));
        assertEquals("--output destinations.j.format=json: destinations.j.format = 'json': a journal stores the SBE records"
            + " as they are: leave format out (or write sbe)",
            Load.flagError("destinations.j.type=journal", "destinations.j.path=/j", "destinations.j.format=json"));
        assertEquals("--output destinations.j.roll=monthly: destinations.j.roll = 'monthly': unknown roll (expected one of:"
            + " five-minutely, ten-minutely, twenty-minutely, half-hourly, hourly, two-hourly, four-hourly, six-hourly,"
            + " daily, weekly)", Load.flagError("destinations.j.type=journal", "destinations.j.path=/j", "destinations.j.roll=monthly"));
        assertEquals("--output destinations.j.rotate.max-size-mb=5: destinations.j.rotate.max-size-mb = '5': rotate is for"
            + " file destinations; a journal starts new files with roll",
            Load.flagError("destinations.j.type=journal", "destinations.j.path=/j", "destinations.j.rotate.max-size-mb=5"));
        assertEquals("--output destinations.f.roll=daily: destinations.f.roll = 'daily': roll is for journal destinations"
            + " (a file rotates with rotate.*)", Load.flagError("destinations.f.path=/f.json", "destinations.f.roll=daily"));
        assertEquals("--output destinations.f.format=sbe: destinations.f.format = 'sbe': sbe is the format of journal"
            + " destinations (type: journal) and of kafka destinations, not of files", Load.flagError("destinations.f.path=/f", "destinations.f.format=sbe"));
    }

    @Test
    void rotationIsOnWithTetragonsDefaultsOnceAnyRotateKeyIsSet()
    {
        assertEquals(RotationConfig.DEFAULTS, Load.flags("destinations.f.path=/log/f.json", "destinations.f.rotate")
            .destination("f").rotation());
        assertEquals(new RotationConfig(10 * MB, 5, true, Duration.ZERO),
            Load.flags("destinations.f.path=/log/f.json", "destinations.f.rotate.compress=true").destination("f").rotation());
        assertEquals(new RotationConfig(5 * MB, 3, true, Duration.ofMinutes(90)), Load.flags("destinations.f.path=/log/f.json",
            "destinations.f.rotate.max-size-mb=5", "destinations.f.rotate.max-backups=3", "destinations.f.rotate.compress=true",
            "destinations.f.rotate.interval=1h30m").destination("f").rotation());
        assertEquals(null, Load.flags("destinations.f.path=/log/f.json").destination("f").rotation());
        assertEquals(null, Load.flags("destinations.f.path=/log/f.json", "destinations.f.rotate=false").destination("f").rotation());
    }

    @Test
    void rotationFromYaml()
    {
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: events
                  format: json
                  path: /var/log/sluice/events.json
                  rotate:
                    max-size-mb: 50
                    max-backups: 10
                    compress: true
                    interval: 24h
                - name: plain
                  path: /var/log/sluice/plain.log
                  rotate: true
            """);
        assertEquals(new RotationConfig(50 * MB, 10, true, Duration.ofHours(24)), Load.yaml(file).destination("events").rotation());
        assertEquals(RotationConfig.DEFAULTS, Load.yaml(file).destination("plain").rotation());
    }

    @Test
    void rotationRefusals()
    {
        assertEquals("--output destinations.f.rotate.max-size-mb=0: destinations.f.rotate.max-size-mb = '0': must be between"
            + " 1 and 1048576 (megabytes)", Load.flagError("destinations.f.path=/f", "destinations.f.rotate.max-size-mb=0"));
        assertEquals("--output destinations.f.rotate.max-backups=-1: destinations.f.rotate.max-backups = '-1': must be between"
            + " 0 (keep all) and 100000", Load.flagError("destinations.f.path=/f", "destinations.f.rotate.max-backups=-1"));
        assertEquals("--output destinations.f.rotate.interval=soon: destinations.f.rotate.interval = 'soon': expected a"
            + " duration such as 30s, 10m, 1h or 1h30m (0 = no interval)",
            Load.flagError("destinations.f.path=/f", "destinations.f.rotate.interval=soon"));
        assertEquals("--output destinations.f.rotate.interval=500ms: destinations.f.rotate.interval = '500ms': must be at"
            + " least 1s (or 0 for no interval)", Load.flagError("destinations.f.path=/f", "destinations.f.rotate.interval=500ms"));
        assertEquals("--output destinations.f.rotate.compress=yes: destinations.f.rotate.compress = 'yes': must be true or"
            + " false", Load.flagError("destinations.f.path=/f", "destinations.f.rotate.compress=yes"));
        assertEquals("--output destinations.f.rotate: destinations.f.rotate = 'true': rotation needs a file path, not stdout",
            Load.flagError("destinations.f.rotate"));
        assertEquals("--output destinations.f.rotate.max-backups=2: destinations.f.rotate.max-backups = '2': rotate is false"
            + " for this destination (--output destinations.f.rotate=false); remove this setting or turn rotation on",
            Load.flagError("destinations.f.path=/f", "destinations.f.rotate=false", "destinations.f.rotate.max-backups=2"));
        final Path file = Load.write(dir, """
            output:
              destinations:
                - name: events
                  path: /var/log/events.json
                  rotate:
                    max-size: 5
            """);
        assertEquals(file + ":6: output.destinations[0].rotate.max-size: unknown key (expected one of: max-size-mb,"
            + " max-backups, compress, interval)", Load.yamlError(file));
    }

    @Test
    void aDestinationNamedWithDotsStillFindsItsRotateField()
    {
        assertEquals(new RotationConfig(7 * MB, 5, false, Duration.ZERO),
            Load.flags("destinations.a.b.path=/f", "destinations.a.b.rotate.max-size-mb=7").destination("a.b").rotation());
    }
}
