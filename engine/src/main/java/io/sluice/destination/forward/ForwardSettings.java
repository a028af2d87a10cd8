package io.sluice.destination.forward;

import io.sluice.config.GoDuration;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What a forward destination does, validated ({@link ForwardRules}): the peer it connects to, the tag its events carry,
 * whether it waits for the peer's acknowledgement of each chunk, how long connecting and an acknowledgement may take,
 * and how many events one chunk carries.
 *
 * @param host              the peer's host.
 * @param port              the peer's port.
 * @param tag               the Fluentd tag of every event.
 * @param requireAck        true: a chunk is accepted when the peer answers {@code {"ack": chunk}}.
 * @param connectionTimeout the longest connecting may take.
 * @param ackTimeout        the longest an acknowledgement may take before the connection is dropped and the chunk resent.
 * @param batch             the most events one chunk (one PackedForward message) carries.
 */
public record ForwardSettings(String host, int port, String tag, boolean requireAck, Duration connectionTimeout,
    Duration ackTimeout, int batch)
{
    /** Tracee's URL parameter: the tag. */
    public static final String TAG = "tag";
    /** Tracee's URL parameter: wait for acknowledgements. */
    public static final String REQUIRE_ACK = "requireAck";
    /** Tracee's URL parameter: the connect timeout, a Go duration. */
    public static final String CONNECTION_TIMEOUT = "connectionTimeout";
    /** Sluice's: how long an acknowledgement may take. */
    public static final String ACK_TIMEOUT = "ackTimeout";
    /** Sluice's: events per chunk. */
    public static final String BATCH = "batch";
    /** Every setting, each taken as a URL query parameter or as a destination key. */
    public static final Set<String> KEYS = Set.of(TAG, REQUIRE_ACK, CONNECTION_TIMEOUT, ACK_TIMEOUT, BATCH);

    /** Sluice's default tag (Tracee's is {@code tracee}). */
    public static final String DEFAULT_TAG = "sluice";
    /** As Tracee: no acknowledgements. */
    public static final String DEFAULT_REQUIRE_ACK = "false";
    /** Tracee's default connect timeout. */
    public static final String DEFAULT_CONNECTION_TIMEOUT = "10s";
    /** Fluentd's out_forward waits 190 s for an ack; a stream should notice a silent peer sooner. */
    public static final String DEFAULT_ACK_TIMEOUT = "30s";
    /** Events per chunk. */
    public static final int DEFAULT_BATCH = 1000;
    /** The default Fluentd forward port, when the URL gives none. */
    public static final int DEFAULT_PORT = 24_224;

    /**
     * @param url     the URL as written, valid ({@code tcp://host:port?...}).
     * @param options every key of {@link #KEYS} with its validated value (as {@link ForwardRules#resolve} gives them).
     * @return the settings.
     */
    public static ForwardSettings of(final String url, final Map<String, String> options)
    {
        final URI uri = URI.create(url);
        return new ForwardSettings(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), options.get(TAG),
            Boolean.parseBoolean(options.get(REQUIRE_ACK)), GoDuration.parse(options.get(CONNECTION_TIMEOUT)),
            GoDuration.parse(options.get(ACK_TIMEOUT)), Integer.parseInt(options.get(BATCH)));
    }

    /**
     * @return the peer, for messages: {@code tcp://host:port}.
     */
    public String peer()
    {
        return "tcp://" + host + ":" + port;
    }
}
