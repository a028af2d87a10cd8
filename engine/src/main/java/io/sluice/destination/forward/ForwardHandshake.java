package io.sluice.destination.forward;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The client side of Forward protocol v1's handshake, once per connection: the peer's {@code HELO} (its nonce, the
 * salt of user authentication, keepalive) is answered with {@code PING} (this client's host name, a fresh salt,
 * {@code sha512_hex(salt + hostname + nonce + shared_key)}, and the user with
 * {@code sha512_hex(auth_salt + username + password)} when the peer asks for one), and the peer's {@code PONG} is
 * checked: its result, and its own digest {@code sha512_hex(salt + its hostname + nonce + shared_key)}, which proves it
 * knows the key too. A refusal is an {@link IOException} naming the peer and giving its reason.
 */
final class ForwardHandshake
{
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SALT_BYTES = 16;

    private final ForwardSettings.ForwardAuth auth;
    private final String peer;
    private final byte[] salt;
    private byte[] nonce;

    /**
     * @param auth the key, host name and user.
     * @param peer the peer, for messages.
     */
    ForwardHandshake(final ForwardSettings.ForwardAuth auth, final String peer)
    {
        this.auth = auth;
        this.peer = peer;
        final byte[] random = new byte[SALT_BYTES];
        RANDOM.nextBytes(random);
        this.salt = HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param helo the peer's first message.
     * @return the {@code PING} to send, as MessagePack.
     * @throws IOException when it is no {@code HELO}, or it asks for a user and none is configured.
     */
    byte[] ping(final Object helo) throws IOException
    {
        if (!(helo instanceof Object[] message) || message.length != 2 || !isText(message[0], "HELO"))
        {
            throw new IOException(peer + " did not open with a HELO (is the peer's shared-key security on?)");
        }
        final Map<?, ?> options = message[1] instanceof Map<?, ?> map ? map : Map.of();
        nonce = bytes(options.get("nonce"));
        final byte[] authSalt = bytes(options.get("auth"));
        final byte[] hostname = hostname();
        final byte[] username = auth.username().getBytes(StandardCharsets.UTF_8);
        final byte[] userDigest;
        if (authSalt.length == 0)
        {
            userDigest = new byte[0];
        }
        else if (username.length == 0)
        {
            throw new IOException(peer + " asks for a user: give user:password@ in the URL");
        }
        else
        {
            userDigest = sha512Hex(authSalt, username, auth.password().getBytes(StandardCharsets.UTF_8));
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.write(0x96);
        str(out, "PING".getBytes(StandardCharsets.US_ASCII));
        str(out, hostname);
        str(out, salt);
        str(out, sha512Hex(salt, hostname, nonce, key()));
        str(out, authSalt.length == 0 ? new byte[0] : username);
        str(out, userDigest);
        return out.toByteArray();
    }

    /**
     * @param pong the peer's answer to the {@code PING}.
     * @throws IOException when the peer refused, or its digest shows it does not know the shared key.
     */
    void pong(final Object pong) throws IOException
    {
        if (!(pong instanceof Object[] message) || message.length != 5 || !isText(message[0], "PONG"))
        {
            throw new IOException(peer + " did not answer the handshake's PING with a PONG");
        }
        if (!Boolean.TRUE.equals(message[1]))
        {
            throw new IOException(peer + " refused the handshake: " + new String(bytes(message[2]), StandardCharsets.UTF_8));
        }
        final byte[] expected = sha512Hex(salt, bytes(message[3]), nonce, key());
        if (!MessageDigest.isEqual(expected, bytes(message[4])))
        {
            throw new IOException(peer + " answered the handshake with a wrong digest: it does not know the shared key");
        }
    }

    private byte[] key()
    {
        return auth.sharedKey().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] hostname()
    {
        if (!auth.selfHostname().isEmpty())
        {
            return auth.selfHostname().getBytes(StandardCharsets.UTF_8);
        }
        try
        {
            return InetAddress.getLocalHost().getHostName().getBytes(StandardCharsets.UTF_8);
        }
        catch (final UnknownHostException ex)
        {
            return "localhost".getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static boolean isText(final Object value, final String text)
    {
        return value instanceof byte[] b && new String(b, StandardCharsets.UTF_8).equals(text);
    }

    private static byte[] bytes(final Object value)
    {
        return value instanceof byte[] b ? b : new byte[0];
    }

    private static void str(final ByteArrayOutputStream out, final byte[] text)
    {
        final byte[] header = new byte[5];
        out.write(header, 0, MsgPack.strHeader(header, 0, text.length));
        out.write(text, 0, text.length);
    }

    /**
     * @param parts the bytes digested, in order.
     * @return the SHA-512 digest in lower-case hex, ASCII.
     */
    static byte[] sha512Hex(final byte[]... parts)
    {
        try
        {
            final MessageDigest digest = MessageDigest.getInstance("SHA-512");
            for (final byte[] part : parts)
            {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest()).getBytes(StandardCharsets.US_ASCII);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-512 is not available in this JDK", ex);
        }
    }
}
