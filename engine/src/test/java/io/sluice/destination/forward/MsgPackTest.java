package io.sluice.destination.forward;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Reading the peer's answers: an {@code {"ack": id}} map found whole, waited for when only part has come, other keys
 * passed over, and anything that is not a map of strings refused.
 */
class MsgPackTest
{
    private static final byte[] ACK = {(byte)0x81, (byte)0xa3, 'a', 'c', 'k', (byte)0xa4, 'a', 'b', 'c', 'd'};

    @Test
    void anAckIsFoundWhenWholeAndWaitedForWhenPartial() throws IOException
    {
        final int[] ack = new int[2];
        assertEquals(ACK.length, MsgPack.answer(ACK, 0, ACK.length, ack));
        assertEquals("abcd", new String(ACK, ack[0], ack[1], StandardCharsets.US_ASCII));
        for (int partial = 0; partial < ACK.length; partial++)
        {
            assertEquals(MsgPack.INCOMPLETE, MsgPack.answer(ACK, 0, partial, ack), "after " + partial + " bytes");
        }
    }

    @Test
    void otherKeysArePassedOver() throws IOException
    {
        final byte[] answer = {(byte)0x82, (byte)0xa1, 'x', (byte)0xd9, 1, 'y', (byte)0xa3, 'a', 'c', 'k', (byte)0xa1, 'z'};
        final int[] ack = new int[2];
        assertEquals(answer.length, MsgPack.answer(answer, 0, answer.length, ack));
        assertEquals("z", new String(answer, ack[0], ack[1], StandardCharsets.US_ASCII));
        final byte[] noAck = {(byte)0x81, (byte)0xa1, 'x', (byte)0xa1, 'y'};
        assertEquals(noAck.length, MsgPack.answer(noAck, 0, noAck.length, ack));
        assertEquals(-1, ack[1]);
    }

    @Test
    void anythingButAMapOfStringsIsRefused()
    {
        final int[] ack = new int[2];
        assertThrows(IOException.class, () -> MsgPack.answer(new byte[] {(byte)0x93, 1, 2, 3}, 0, 4, ack));
        assertThrows(IOException.class, () -> MsgPack.answer(new byte[] {(byte)0x81, 7, 8}, 0, 3, ack));
    }

    @Test
    void stringHeadersTakeTheShortestForm()
    {
        final byte[] b = new byte[8];
        assertEquals(1, MsgPack.strHeader(b, 0, 31));
        assertEquals((byte)0xbf, b[0]);
        assertEquals(2, MsgPack.strHeader(b, 0, 32));
        assertEquals((byte)0xd9, b[0]);
        assertEquals(3, MsgPack.strHeader(b, 0, 256));
        assertEquals((byte)0xda, b[0]);
        assertEquals(5, MsgPack.strHeader(b, 0, 65_536));
        assertEquals((byte)0xdb, b[0]);
    }
}
