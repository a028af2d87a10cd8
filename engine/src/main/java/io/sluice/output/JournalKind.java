package io.sluice.output;

import io.sluice.config.ConfigException;
import io.sluice.config.DestinationConfig;
import io.sluice.config.DestinationSettings;
import io.sluice.config.FormatSpec;
import io.sluice.config.JournalRoll;
import io.sluice.destination.Destination;
import io.sluice.destination.FileDestination;
import io.sluice.destination.JournalDestination;
import io.sluice.journal.JournalHeader;
import io.sluice.journal.JournalWriter;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.List;

/**
 * The {@code journal} entry of {@link DestinationKinds}: a directory ({@code path}, required) of SBE record files that
 * start anew every {@code roll}; format {@code sbe} only, no {@code rotate}.
 */
final class JournalKind implements DestinationKind
{
    /** The type key. */
    static final String KEY = "journal";

    @Override
    public String key()
    {
        return KEY;
    }

    @Override
    public List<String> commonKeys()
    {
        return List.of("path", "format", "roll", "retry");
    }

    @Override
    public DestinationConfig resolve(final DestinationSettings raw)
    {
        if (raw.url() != null)
        {
            throw raw.url().error("a journal destination takes a path (its directory), not a url");
        }
        if (raw.format() != null && !raw.format().value().equals(FormatSpec.SBE.key()))
        {
            throw raw.format().error("a journal stores the SBE records as they are: leave format out (or write sbe)");
        }
        if (raw.path() == null)
        {
            throw raw.missing("path", "missing: a journal destination needs a path (the journal directory)");
        }
        final String path = raw.path().value();
        if (path.isEmpty() || FileDestination.isStandardStream(path))
        {
            throw raw.path().error("a journal needs a directory path");
        }
        RotationRules.refuseForJournal(raw);
        JournalRoll roll = JournalRoll.DEFAULT;
        if (raw.roll() != null)
        {
            roll = JournalRoll.byKey(raw.roll().value());
            if (roll == null)
            {
                throw raw.roll().error("unknown roll (expected one of: " + JournalRoll.keys() + ")");
            }
        }
        return new DestinationConfig(raw.name(), KEY, FormatSpec.SBE, path, null, null, roll);
    }

    @Override
    public void preflight(final DestinationConfig config)
    {
        PathCheck.directory(config);
        final String damaged;
        try
        {
            damaged = JournalWriter.firstDamagedFile(Paths.get(config.path()));
        }
        catch (final IOException ex)
        {
            throw new ConfigException("output", "destinations." + config.name() + ".path", config.path(),
                "cannot list the journal directory: " + ex.getMessage());
        }
        if (damaged != null)
        {
            throw new ConfigException("output", "destinations." + config.name() + ".path", config.path(),
                "holds a file that is not an intact journal file: " + damaged);
        }
    }

    @Override
    public Destination create(final DestinationConfig config, final DestinationContext context)
    {
        return new JournalDestination(config.name(), Paths.get(config.path()),
            config.roll() == null ? JournalRoll.DEFAULT : config.roll(),
            JournalHeader.now(context.policyNames(), context.stream(), context.sourceDescription()));
    }
}
