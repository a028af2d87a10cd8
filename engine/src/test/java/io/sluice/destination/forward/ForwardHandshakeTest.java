package io.sluice.destination.forward;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handshake's client side: its PING carries the digests Fluentd's in_forward computes (SHA-512 hex of salt,
 * host name, nonce and key; of the auth salt, user and password); a PONG that refuses gives the peer's reason, one
 * whose digest is wrong is refused; and {@code connectionTimeout} bounds the wait for a HELO that never comes.
 */
class ForwardHandshakeTest
{
    private static final ForwardSettings.ForwardAuth AUTH = new ForwardSettings.ForwardAuth("key", "client", "u", "pw");
    private static final byte[] NONCE = {1, 2, 3, (byte)0xff};
    private static final byte[] AUTH_SALT = "authsalt".getBytes(StandardCharsets.US_ASCII);

    @Test
    void pingCarriesTheDigestsOfKeyAndUser() throws IOException
    {
        final ForwardHandshake handshake = new ForwardHandshake(AUTH, "tcp://p:1");
        final byte[] ping = handshake.ping(new Object[] {text("HELO"), Map.of("nonce", NONCE, "auth", AUTH_SALT)});
        final Object[] message = (Object[])new MsgPackReader(ping, 0, ping.length).read();
        assertEquals(6, message.length);
        assertEquals("PING", string(message[0]));
        assertEquals("client", string(message[1]));
        final byte[] salt = (byte[])message[2];
        assertArrayEquals(ForwardHandshake.sha512Hex(salt, text("client"), NONCE, text("key")), (byte[])message[3]);
        assertEquals("u", string(message[4]));
        // a known answer, computed by Python's hashlib: sha512(auth_salt + username + password), in hex
        assertEquals("487bd0cf2564e0386700bcfaa7484377d291049d38d0243dfe754c3f27322439db634b8735dd8a32c018377ac4f83f3"
            + "199b47cc26c45b02ff4e30a184967824f", string(message[5]));
        assertEquals(128, ((byte[])message[3]).length, "SHA-512 in hex");
        // and the key digest's known answer for a fixed salt: sha512(salt + hostname + nonce + shared_key)
        assertEquals("8ed5b7d7b7d41810549b70264947eaff0a04b9ea41330ebb1da3cd3cd86a57cb629cbb351f0c010e0a16e5e6d8233b2"
            + "2277dd847cb3807d414b6c1bd5280b76d",
            new String(ForwardHandshake.sha512Hex(text("salt"), text("client"), NONCE, text("key")), StandardCharsets.US_ASCII));

        handshake.pong(new Object[] {text("PONG"), true, text(""), text("server"),
            ForwardHandshake.sha512Hex(salt, text("server"), NONCE, text("key"))});
        final IOException wrong = assertThrows(IOException.class, () -> handshake.pong(new Object[] {text("PONG"), true,
            text(""), text("server"), ForwardHandshake.sha512Hex(salt, text("server"), NONCE, text("other"))}));
        assertEquals("tcp://p:1 answered the handshake with a wrong digest: it does not know the shared key",
            wrong.getMessage());
        final IOException refused = assertThrows(IOException.class, () -> handshake.pong(new Object[] {text("PONG"),
            false, text("shared_key mismatch"), text(""), text("")}));
        assertEquals("tcp://p:1 refused the handshake: shared_key mismatch", refused.getMessage());
    }

    @Test
    void withoutAUserAPeerAskingForOneIsRefusedAndOneNotAskingGetsEmptyFields() throws IOException
    {
        final ForwardSettings.ForwardAuth keyOnly = new ForwardSettings.ForwardAuth("key", "client", "", "");
        final IOException noUser = assertThrows(IOException.class, () -> new ForwardHandshake(keyOnly, "tcp://p:1")
            .ping(new Object[] {text("HELO"), Map.of("nonce", NONCE, "auth", AUTH_SALT)}));
        assertEquals("tcp://p:1 asks for a user: give user:password@ in the URL", noUser.getMessage());
        final byte[] ping = new ForwardHandshake(keyOnly, "tcp://p:1").ping(new Object[] {text("HELO"),
            Map.of("nonce", NONCE, "auth", new byte[0])});
        final Object[] message = (Object[])new MsgPackReader(ping, 0, ping.length).read();
        assertEquals("", string(message[4]));
        assertEquals("", string(message[5]));
    }

    @Test
    void connectionTimeoutBoundsTheWaitForTheHelo() throws Exception
    {
        try (ServerSocket silent = new ServerSocket(0))
        {
            final ForwardSettings settings = new ForwardSettings("127.0.0.1", silent.getLocalPort(), "t", false,
                Duration.ofMillis(300), Duration.ofSeconds(30), 10, false, false, AUTH, null);
            final ForwardConnection connection = new ForwardConnection(settings);
            final long start = System.nanoTime();
            final IOException late = assertThrows(IOException.class, connection::connect);
            final long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(took >= 250 && took < 5_000, took + " ms");
            assertEquals("tcp://127.0.0.1:" + silent.getLocalPort() + " sent no HELO within 300 ms (is its shared-key"
                + " security on?)", late.getMessage());
            assertEquals(false, connection.connected(), "closed");
            try (Socket accepted = silent.accept())
            {
                assertEquals(-1, accepted.getInputStream().read(), "the client hung up");
            }
        }
    }

    private static byte[] text(final String value)
    {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(final Object value)
    {
        return new String((byte[])value, StandardCharsets.UTF_8);
    }
}
