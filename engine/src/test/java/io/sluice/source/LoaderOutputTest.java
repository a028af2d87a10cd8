package io.sluice.source;

import io.sluice.ring.RingDoorbell;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loader's standard output as the kernel source reads it: {@code ready} releases the start, and each {@code wake}
 * wakes the ingest asleep on the shared ring's doorbell.
 */
@Timeout(120)
class LoaderOutputTest
{
    @Test
    void readyStartsTheSourceAndWakeWakesTheIngest() throws Exception
    {
        final OneToOneRingBuffer ring = new OneToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(64 * 1024 + RingBufferDescriptor.TRAILER_LENGTH)));
        final RingDoorbell doorbell = new RingDoorbell(new UnsafeBuffer(ByteBuffer.allocateDirect(RingDoorbell.LENGTH)),
            ring, LockSupport::parkNanos);
        final CountDownLatch ready = new CountDownLatch(1);
        final PipedOutputStream loader = new PipedOutputStream();
        final Thread reader = new Thread(new LoaderOutput(new PipedInputStream(loader), ready, doorbell));
        reader.start();
        final Thread ingest = new Thread(() -> doorbell.sleepArmed(TimeUnit.SECONDS.toNanos(60)));
        ingest.start();
        while (!doorbell.isArmed())
        {
            Thread.onSpinWait();
        }

        loader.write("ready\n".getBytes(StandardCharsets.UTF_8));
        loader.flush();
        assertTrue(ready.await(30, TimeUnit.SECONDS), "ready read");

        loader.write("wake\n".getBytes(StandardCharsets.UTF_8));
        loader.flush();
        ingest.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(ingest.isAlive(), "the wake line ended the ingest's sleep, not its minute");

        loader.close();
        reader.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(reader.isAlive(), "the reader ends with the loader's output");
        assertEquals(0, ready.getCount());
    }
}
