package io.sluice.journal;

import io.sluice.codec.sbe.EventDecoder;
import io.sluice.codec.sbe.JournalHeaderDecoder;
import io.sluice.codec.sbe.JournalHeaderEncoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.MessageHeaderEncoder;
import io.sluice.engine.SluiceVersion;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a journal writer records each time it opens a journal, before the events it appends: the layout and
 * schema version of the records, the host, when, which stream and source, and the names of the policies by bit of
 * each event's matched-policies bitmap (so replay can use the recorded policies).
 *
 * @param formatVersion      the journal layout version ({@link #FORMAT_VERSION}).
 * @param eventSchemaId      SBE schema id of the event records.
 * @param eventSchemaVersion SBE schema version of the event records.
 * @param openedNanos        when the writer opened the journal, nanoseconds since the epoch.
 * @param writerPid          the writing process.
 * @param policyNames        policy names by bit (empty string for an unnamed bit).
 * @param host               the host name.
 * @param sluiceVersion      the writer's version.
 * @param stream             the stream whose events follow.
 * @param source             the source's description.
 */
public record JournalHeader(
    int formatVersion,
    int eventSchemaId,
    int eventSchemaVersion,
    long openedNanos,
    long writerPid,
    List<String> policyNames,
    String host,
    String sluiceVersion,
    String stream,
    String source)
{
    /** The journal layout this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /**
     * A header for a writer opening now, in this process, on this host.
     *
     * @param policyNames policy names by bit (null entries become empty).
     * @param stream      the stream.
     * @param source      the source's description.
     * @return the header.
     */
    public static JournalHeader now(final String[] policyNames, final String stream, final String source)
    {
        final List<String> names = new ArrayList<>();
        for (final String name : policyNames)
        {
            names.add(name == null ? "" : name);
        }
        final long nowMillis = System.currentTimeMillis();
        return new JournalHeader(FORMAT_VERSION, EventDecoder.SCHEMA_ID, EventDecoder.SCHEMA_VERSION, nowMillis * 1_000_000L,
            ProcessHandle.current().pid(), List.copyOf(names), hostName(), SluiceVersion.get(), stream, source);
    }

    /**
     * @return the policy names as the engine takes them, by bit.
     */
    public String[] policyNameArray()
    {
        return policyNames.toArray(new String[0]);
    }

    /**
     * Encode as an SBE message (header + JournalHeader).
     *
     * @param buffer where to write.
     * @param offset at which offset.
     * @return bytes written.
     */
    public int encode(final MutableDirectBuffer buffer, final int offset)
    {
        final JournalHeaderEncoder encoder = new JournalHeaderEncoder();
        encoder.wrapAndApplyHeader(buffer, offset, new MessageHeaderEncoder())
            .formatVersion(formatVersion)
            .eventSchemaId(eventSchemaId)
            .eventSchemaVersion(eventSchemaVersion)
            .openedNanos(openedNanos)
            .writerPid(writerPid);
        final JournalHeaderEncoder.PolicyNamesEncoder names = encoder.policyNamesCount(policyNames.size());
        for (final String name : policyNames)
        {
            names.next().name(name);
        }
        encoder.host(host).sluiceVersion(sluiceVersion).stream(stream).source(source);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    /**
     * @param buffer holds an SBE JournalHeader message (header + body).
     * @param offset where it starts.
     * @return the header.
     */
    public static JournalHeader decode(final DirectBuffer buffer, final int offset)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        final JournalHeaderDecoder decoder = new JournalHeaderDecoder()
            .wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final int formatVersion = decoder.formatVersion();
        final int schemaId = decoder.eventSchemaId();
        final int schemaVersion = decoder.eventSchemaVersion();
        final long opened = decoder.openedNanos();
        final long pid = decoder.writerPid();
        final List<String> names = new ArrayList<>();
        for (final JournalHeaderDecoder.PolicyNamesDecoder name : decoder.policyNames())
        {
            names.add(name.name());
        }
        return new JournalHeader(formatVersion, schemaId, schemaVersion, opened, pid, List.copyOf(names),
            decoder.host(), decoder.sluiceVersion(), decoder.stream(), decoder.source());
    }

    private static String hostName()
    {
        try
        {
            final Path etcHostname = Path.of("/etc/hostname");
            if (Files.isReadable(etcHostname))
            {
                final String name = Files.readString(etcHostname, StandardCharsets.UTF_8).trim();
                if (!name.isEmpty())
                {
                    return name;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        }
        catch (final java.io.IOException ex)
        {
            return "unknown";
        }
    }

    @Override
    public String toString()
    {
        return "journal v" + formatVersion + " (schema " + eventSchemaId + " v" + eventSchemaVersion + ") from host " + host +
            ", stream " + stream + ", source " + source + ", sluice " + sluiceVersion + ", pid " + writerPid +
            (policyNames.isEmpty() ? "" : ", policies " + Arrays.toString(policyNames.toArray()));
    }
}
