package io.sluice.output;

import io.sluice.config.DestinationConfig;
import io.sluice.config.DestinationSettings;
import io.sluice.config.FormatSpec;
import io.sluice.destination.Destination;
import io.sluice.destination.FileDestination;
import io.sluice.format.Formats;
import io.sluice.format.TerminalCheck;

import java.util.List;

/**
 * The {@code file} entry of {@link DestinationKinds}: {@code stdout}, {@code stderr} or a file path (default
 * {@code stdout}), format {@code table} unless given, optional {@code rotate.*}; the default type, as Tracee's.
 */
final class FileKind implements DestinationKind
{
    /** The type key. */
    static final String KEY = "file";
    /** The format of a file destination that names none, as Tracee's. */
    static final FormatSpec DEFAULT_FORMAT = FormatSpec.TABLE;

    @Override
    public String key()
    {
        return KEY;
    }

    @Override
    public List<String> commonKeys()
    {
        return List.of("path", "format", "rotate", "retry");
    }

    @Override
    public DestinationConfig resolve(final DestinationSettings raw)
    {
        if (raw.url() != null)
        {
            throw raw.url().error("a file destination takes a path, not a url");
        }
        if (raw.roll() != null)
        {
            throw raw.roll().error("roll is for journal destinations (a file rotates with rotate.*)");
        }
        final FormatSpec format = raw.format() == null ? DEFAULT_FORMAT : Formats.resolve(raw.format(), KEY);
        final String path = raw.path() == null ? FileDestination.STDOUT : raw.path().value();
        if (path.isEmpty())
        {
            throw raw.path().error("empty path (use stdout, stderr or a file path)");
        }
        return new DestinationConfig(raw.name(), KEY, format, path, null, RotationRules.resolve(raw, path), null);
    }

    @Override
    public void preflight(final DestinationConfig config)
    {
        if (!FileDestination.isStandardStream(config.path()))
        {
            PathCheck.file(config);
        }
    }

    @Override
    public Destination create(final DestinationConfig config, final DestinationContext context)
    {
        final String path = config.path();
        final boolean terminal = TerminalCheck.isTerminal(path);
        final int separator = Formats.byKey(config.format().key()).recordSeparator();
        return new FileDestination(config.name(), path, terminal, config.rotation(), separator);
    }
}
