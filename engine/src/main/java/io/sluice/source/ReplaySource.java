package io.sluice.source;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.EventEncoder;
import io.sluice.codec.sbe.EventRecordUpgrade;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.journal.JournalDamage;
import io.sluice.journal.JournalHeader;
import io.sluice.journal.JournalReader;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays a journal into the shared ring, like any live source, so every stream, filter, format and destination
 * works on replay as it does live. Events keep their recorded bytes; only the matched-policies bitmap changes:
 * without {@link ReplaySpec#recordedPolicies()} it is cleared (the replay's own policies decide; with none given,
 * the implicit one passes everything), with it the recorded bits are kept and named by the first journal header
 * (bits of later writer sessions are mapped to those names). Paces by the recorded timestamps when asked, skips
 * events outside {@code --from}/{@code --to}, follows a growing journal when asked, and records damage instead of
 * failing. Nothing is allocated per event.
 */
public final class ReplaySource implements EventSource, JournalReader.Listener
{
    private final ReplaySpec spec;
    private final JournalReader reader;
    private final JournalHeader firstHeader;
    private final MessageHeaderDecoder messageHeader = new MessageHeaderDecoder();
    private final EventDecoder event = new EventDecoder();
    private final EventEncoder rewrite = new EventEncoder();
    private final ExpandableArrayBuffer upgraded = new ExpandableArrayBuffer(4096);
    private final EventRecordUpgrade upgrade = new EventRecordUpgrade();
    private final List<String> notes = new ArrayList<>();
    private final RecordedPolicyBits recordedBits;
    private final ReplayFeed feed = new ReplayFeed();
    private long firstEventNanos = Long.MIN_VALUE;
    private long startedAtNanos;

    private volatile long headers;
    private volatile List<JournalDamage> damage = List.of();
    private final List<JournalDamage> damageAtOpen;

    private ReplaySource(final ReplaySpec spec, final JournalReader reader, final JournalHeader firstHeader)
    {
        this.spec = spec;
        this.reader = reader;
        this.firstHeader = firstHeader;
        this.recordedBits = firstHeader == null ? null : new RecordedPolicyBits(firstHeader.policyNames(), notes);
        this.damageAtOpen = List.copyOf(reader.damage());
        this.damage = damageAtOpen;
    }

    /**
     * Open the journal and read its first header (for the recorded policy names).
     *
     * @param spec what to replay.
     * @return the source, not started.
     * @throws SourceFailure when there is no readable journal there.
     */
    public static ReplaySource open(final ReplaySpec spec)
    {
        final JournalHeader first;
        try
        {
            first = peekFirstHeader(spec);
            return new ReplaySource(spec, JournalReader.open(spec.dir()), first);
        }
        catch (final IOException ex)
        {
            throw new SourceFailure(ex.getMessage());
        }
    }

    private static JournalHeader peekFirstHeader(final ReplaySpec spec) throws IOException
    {
        final JournalHeader[] found = new JournalHeader[1];
        try (JournalReader peek = JournalReader.open(spec.dir()))
        {
            final JournalReader.Listener listener = new JournalReader.Listener()
            {
                @Override
                public void onHeader(final JournalHeader header, final long index)
                {
                    found[0] = header;
                }

                @Override
                public void onEvent(final DirectBuffer record, final int offset, final int length, final long index)
                {
                    // events before any header: written by no Sluice writer we know; replayed without names
                }
            };
            for (int i = 0; i < 16 && found[0] == null; i++)
            {
                if (peek.poll(listener) == JournalReader.NONE)
                {
                    break;
                }
            }
        }
        return found[0];
    }

    /**
     * @return the first header of the journal, or null when it has none.
     */
    public JournalHeader firstHeader()
    {
        return firstHeader;
    }

    /**
     * @return policy names by bit in force for the replayed events: the recorded ones with
     * {@link ReplaySpec#recordedPolicies()}, else none.
     */
    public String[] policyNames()
    {
        return spec.recordedPolicies() && firstHeader != null ? firstHeader.policyNameArray() : new String[0];
    }

    @Override
    public String description()
    {
        return "replay(" + spec.dir() + (spec.speed() == 0 ? "" : ", pace " + spec.speed() + "x") +
            (spec.follow() ? ", follow" : "") + (spec.recordedPolicies() ? ", recorded policies" : "") + ")";
    }

    @Override
    public void start(final RingBuffer ring)
    {
        feed.start(ring, this::run);
    }

    @Override
    public void requestStop()
    {
        feed.requestStop();
    }

    @Override
    public boolean isDone()
    {
        return feed.isDone();
    }

    @Override
    public long produced()
    {
        return feed.produced();
    }

    @Override
    public Throwable failure()
    {
        return feed.failure();
    }

    /**
     * @return events skipped because their time was outside {@code --from}/{@code --to}.
     */
    public long outsideRange()
    {
        return feed.outsideRange();
    }

    /**
     * @return writer headers read (one per writer session).
     */
    public long headers()
    {
        return headers;
    }

    /**
     * @return damage found in the journal (final once {@link #isDone()}).
     */
    public List<JournalDamage> damage()
    {
        return damage;
    }

    /**
     * @return damage found when the journal was opened (files that are not readable cycle files), the start of
     * {@link #damage()}; known before the replay starts.
     */
    public List<JournalDamage> damageAtOpen()
    {
        return damageAtOpen;
    }

    /**
     * @return remarks about the replay (policy names that could not be mapped), final once done.
     */
    public List<String> notes()
    {
        return List.copyOf(notes);
    }

    /**
     * @return the journal's excerpt count per its index (headers included), or -1 when unknown; for progress.
     */
    public long excerptCountEstimate()
    {
        return reader.excerptCountEstimate();
    }

    private void run()
    {
        final IdleStrategy followIdle =
            new BackoffIdleStrategy(10, 10, TimeUnit.MICROSECONDS.toNanos(10), TimeUnit.MILLISECONDS.toNanos(10));
        startedAtNanos = System.nanoTime();
        try
        {
            while (!feed.stopRequested())
            {
                final int result = reader.poll(this);
                if (result == JournalReader.NONE)
                {
                    if (reader.skipTruncatedFile())
                    {
                        continue;
                    }
                    if (!spec.follow())
                    {
                        break;
                    }
                    followIdle.idle();
                }
                else
                {
                    followIdle.reset();
                }
            }
        }
        catch (final Throwable ex)
        {
            feed.fail(ex);
        }
        finally
        {
            damage = List.copyOf(reader.damage());
            reader.close();
        }
    }

    @Override
    public void onHeader(final JournalHeader header, final long index)
    {
        headers++;
        if (firstHeader == null || !spec.recordedPolicies())
        {
            return;
        }
        recordedBits.onHeader(header);
    }

    @Override
    public void onEvent(final DirectBuffer recorded, final int recordedOffset, final int recordedLength, final long index)
    {
        // a journal written before the current schema version: its records gain the fields they lack (zeroed, context
        // unknown, no user stack)
        final int upgradedLength = upgrade.upgrade(recorded, recordedOffset, recordedLength, upgraded);
        final DirectBuffer record = upgradedLength > 0 ? upgraded : recorded;
        final int offset = upgradedLength > 0 ? 0 : recordedOffset;
        final int length = upgradedLength > 0 ? upgradedLength : recordedLength;
        if (length > feed.maxRecordLength())
        {
            // the journal reader records it as damage at this excerpt, and reads on
            throw new RecordTooLongException(length, feed.maxRecordLength());
        }
        messageHeader.wrap(record, offset);
        event.wrap(record, offset + MessageHeaderDecoder.ENCODED_LENGTH, messageHeader.blockLength(), messageHeader.version());
        final long eventNanos = event.timestampSeconds() * 1_000_000_000L + event.timestampNanos();
        if (eventNanos < spec.fromNanos() || eventNanos > spec.toNanos())
        {
            feed.skipOutsideRange();
            return;
        }
        rewritePolicies((MutableDirectBuffer)record, offset, event.policiesMatched(), event.presence().policies());
        if (spec.speed() > 0)
        {
            pace(eventNanos);
        }
        feed.write(record, offset, length);
    }

    private void rewritePolicies(final MutableDirectBuffer record, final int offset, final long recorded, final boolean present)
    {
        rewrite.wrap(record, offset + MessageHeaderDecoder.ENCODED_LENGTH);
        if (!spec.recordedPolicies())
        {
            if (recorded != 0 || present)
            {
                rewrite.policiesMatched(0);
                rewrite.presence().policies(false);
            }
            return;
        }
        if (recordedBits != null && recorded != 0)
        {
            rewrite.policiesMatched(recordedBits.map(recorded));
        }
    }

    private void pace(final long eventNanos)
    {
        if (firstEventNanos == Long.MIN_VALUE)
        {
            firstEventNanos = eventNanos;
            startedAtNanos = System.nanoTime();
            return;
        }
        final long due = startedAtNanos + (long)((eventNanos - firstEventNanos) / spec.speed());
        long now;
        while ((now = System.nanoTime()) < due && !feed.stopRequested())
        {
            LockSupport.parkNanos(Math.min(due - now, 1_000_000L));
        }
    }
}
