package io.sluice.destination.forward;

import io.sluice.config.GoDuration;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a forward destination does, validated ({@link ForwardRules}): the peer it connects to, the tag its events carry,
 * whether it waits for the peer's acknowledgement of each chunk, how long connecting and an acknowledgement may take,
 * how many events one chunk carries, how a chunk is framed (PackedForward or Forward mode) and what each record is,
 * and the shared-key handshake and TLS when configured.
 *
 * @param host              the peer's host.
 * @param port              the peer's port.
 * @param tag               the Fluentd tag of every event.
 * @param requireAck        true: a chunk is accepted when the peer answers {@code {"ack": chunk}}.
 * @param connectionTimeout the longest connecting (TCP, TLS and the shared-key handshake) may take.
 * @param ackTimeout        the longest an acknowledgement may take before the connection is dropped and the chunk resent.
 * @param batch             the most events one chunk (one message) carries.
 * @param forwardMode       true: Forward mode ({@code [tag, [entries], option]}); false: PackedForward.
 * @param recordMap         true: the record is the event's fields as a map; false: {@code {"event": "<json>"}}.
 * @param auth              the shared-key handshake, or null when there is none.
 * @param tls               TLS, or null for plain TCP.
 */
public record ForwardSettings(String host, int port, String tag, boolean requireAck, Duration connectionTimeout,
    Duration ackTimeout, int batch, boolean forwardMode, boolean recordMap, ForwardAuth auth, ForwardTls tls)
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
    /** Sluice's: {@code packed} (PackedForward) or {@code forward} (Forward mode). */
    public static final String MODE = "mode";
    /** Sluice's: {@code event} (Tracee's record) or {@code map}. */
    public static final String RECORD = "record";
    /** Fluent Bit's {@code shared_key}: the handshake's shared key. */
    public static final String SHARED_KEY = "sharedKey";
    /** Fluent Bit's {@code self_hostname}: the name this client gives in the handshake. */
    public static final String SELF_HOSTNAME = "selfHostname";
    /** Fluent Bit's {@code tls}: TLS on the connection. */
    public static final String TLS = "tls";
    /** Fluent Bit's {@code tls.verify}: verify the peer's certificate and host name. */
    public static final String TLS_VERIFY = "tlsVerify";
    /** Fluent Bit's {@code tls.ca_file}: a PEM file of the certificates to trust instead of the JDK's. */
    public static final String TLS_CA = "tlsCa";
    /** Every setting, each taken as a URL query parameter or as a destination key. */
    public static final Set<String> KEYS = Set.of(TAG, REQUIRE_ACK, CONNECTION_TIMEOUT, ACK_TIMEOUT, BATCH, MODE, RECORD,
        SHARED_KEY, SELF_HOSTNAME, TLS, TLS_VERIFY, TLS_CA);

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
    /** The mode that packs a chunk's entries in one binary. */
    public static final String PACKED = "packed";
    /** Tracee's record. */
    public static final String EVENT_RECORD = "event";

    /**
     * Plain TCP, PackedForward, Tracee's record, no handshake.
     *
     * @param host              the peer's host.
     * @param port              the peer's port.
     * @param tag               the tag.
     * @param requireAck        wait for acknowledgements.
     * @param connectionTimeout the longest connecting may take.
     * @param ackTimeout        the longest an acknowledgement may take.
     * @param batch             events per chunk.
     */
    public ForwardSettings(final String host, final int port, final String tag, final boolean requireAck,
        final Duration connectionTimeout, final Duration ackTimeout, final int batch)
    {
        this(host, port, tag, requireAck, connectionTimeout, ackTimeout, batch, false, false, null, null);
    }

    /**
     * @param url     the URL as written, valid (as {@link ForwardRules#resolve} checked it).
     * @param options every key of {@link #KEYS} with its validated value (as {@link ForwardRules#resolve} gives them).
     * @return the settings.
     */
    public static ForwardSettings of(final String url, final Map<String, String> options)
    {
        final URI uri = URI.create(url);
        final boolean tls = Boolean.parseBoolean(options.get(TLS)) || "tls".equals(uri.getScheme().toLowerCase(Locale.ROOT));
        final String userInfo = uri.getUserInfo();
        final String sharedKey = options.get(SHARED_KEY);
        final ForwardAuth auth = sharedKey.isEmpty() && userInfo == null ? null : new ForwardAuth(sharedKey,
            options.get(SELF_HOSTNAME), userInfo == null ? "" : userInfo.substring(0, userInfo.indexOf(':')),
            userInfo == null ? "" : userInfo.substring(userInfo.indexOf(':') + 1));
        return new ForwardSettings(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), options.get(TAG),
            Boolean.parseBoolean(options.get(REQUIRE_ACK)), GoDuration.parse(options.get(CONNECTION_TIMEOUT)),
            GoDuration.parse(options.get(ACK_TIMEOUT)), Integer.parseInt(options.get(BATCH)),
            !PACKED.equals(options.get(MODE)), !EVENT_RECORD.equals(options.get(RECORD)), auth,
            tls ? new ForwardTls(Boolean.parseBoolean(options.get(TLS_VERIFY)), options.get(TLS_CA)) : null);
    }

    /**
     * @return the peer, for messages: {@code tcp://host:port} or {@code tls://host:port}.
     */
    public String peer()
    {
        return (tls == null ? "tcp://" : "tls://") + host + ":" + port;
    }

    /**
     * The shared-key handshake of Forward protocol v1 (HELO, PING, PONG).
     *
     * @param sharedKey    the key both ends know (may be empty, as Fluent Bit's {@code empty_shared_key}).
     * @param selfHostname the name this client gives; empty for the machine's name.
     * @param username     the user, or empty.
     * @param password     the user's password, or empty.
     */
    public record ForwardAuth(String sharedKey, String selfHostname, String username, String password)
    {
        @Override
        public String toString()
        {
            return "ForwardAuth[" + selfHostname + ", " + username + "]";
        }
    }

    /**
     * TLS on the connection.
     *
     * @param verify true: the peer's certificate chain and host name are checked.
     * @param caFile a PEM file of certificates to trust instead of the JDK's, or empty.
     */
    public record ForwardTls(boolean verify, String caFile)
    {
    }
}
