package io.sluice.cli;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.journal.JournalDamage;
import io.sluice.journal.JournalHeader;
import io.sluice.source.EventSource;
import io.sluice.source.ReplaySource;
import io.sluice.source.ReplaySpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * A journal directory replayed ({@link ReplaySource}): its first header and the files that cannot be read are said
 * before the run, the damage found during it after.
 */
final class JournalInput implements ReplayInput
{
    private final ReplaySource source;
    private final boolean follow;

    private JournalInput(final ReplaySource source, final boolean follow)
    {
        this.source = source;
        this.follow = follow;
    }

    /**
     * @param request what was asked.
     * @return the journal, opened.
     * @throws IllegalArgumentException for an option of kafka replays.
     * @throws io.sluice.source.SourceFailure when there is no readable journal there.
     */
    static JournalInput open(final ReplayRequest request)
    {
        if (request.group() != null)
        {
            throw new IllegalArgumentException("--group " + request.group() + ": a group is for replaying a kafka:// topic");
        }
        if (!request.kafka().isEmpty())
        {
            throw new IllegalArgumentException("--kafka " + request.kafka().get(0) + ": consumer properties are for"
                + " replaying a kafka:// topic");
        }
        return new JournalInput(ReplaySource.open(new ReplaySpec(Path.of(request.source()), request.speed(),
            request.fromNanos(), request.toNanos(), request.follow(), request.recordedPolicies())), request.follow());
    }

    @Override
    public EventSource source()
    {
        return source;
    }

    @Override
    public String[] policyNames()
    {
        return source.policyNames();
    }

    @Override
    public void describe(final PrintWriter err)
    {
        describe(err, source.firstHeader(), !source.damageAtOpen().isEmpty());
        // files that are not readable at all are named now, before a replay that may be long or never end (--follow)
        source.damageAtOpen().forEach(damage -> err.println("sluice: journal damaged: " + damage));
    }

    private static void describe(final PrintWriter err, final JournalHeader header, final boolean damagedFiles)
    {
        if (header == null)
        {
            if (damagedFiles)
            {
                return;  // the damaged files, listed next, explain it
            }
            err.println("sluice: warning: the journal has no header (not written by a Sluice journal destination?)");
            return;
        }
        err.println("sluice: " + header);
        if (header.eventSchemaId() != EventDecoder.SCHEMA_ID || header.eventSchemaVersion() > EventDecoder.SCHEMA_VERSION)
        {
            err.println("sluice: warning: the journal was written with event schema " + header.eventSchemaId() + " v" +
                header.eventSchemaVersion() + "; this sluice reads " + EventDecoder.SCHEMA_ID + " v" + EventDecoder.SCHEMA_VERSION);
        }
        else if (header.eventSchemaVersion() < 2)
        {
            err.println("sluice: warning: the journal was written with event schema v" + header.eventSchemaVersion() +
                ": its events carry no capabilities or UTS names (capabilities filters and uts= scopes never match them)");
        }
    }

    @Override
    public long totalEstimate()
    {
        return follow ? -1 : source.excerptCountEstimate();
    }

    @Override
    public long outsideRange()
    {
        return source.outsideRange();
    }

    @Override
    public String origin()
    {
        return source.headers() + " writer session(s)";
    }

    @Override
    public void reportProblems(final PrintWriter err)
    {
        source.notes().forEach(note -> err.println("sluice: note: " + note));
        final List<JournalDamage> damage = source.damage();
        for (final JournalDamage place : damage.subList(source.damageAtOpen().size(), damage.size()))
        {
            err.println("sluice: journal damaged: " + place);
        }
    }

    @Override
    public String damage()
    {
        return source.damage().isEmpty() ? null : "the journal is damaged: " + source.damage().size() +
            " place(s) skipped, everything intact was replayed";
    }
}
