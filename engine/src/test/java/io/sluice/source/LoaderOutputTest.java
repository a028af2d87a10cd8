package io.sluice.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loader's standard output as the kernel source reads it: {@code ready} releases the start; other lines are
 * read past; the reader ends with the loader's output.
 */
@Timeout(120)
class LoaderOutputTest
{
    @Test
    void readyStartsTheSource() throws Exception
    {
        final CountDownLatch ready = new CountDownLatch(1);
        final PipedOutputStream loader = new PipedOutputStream();
        final Thread reader = new Thread(new LoaderOutput(new PipedInputStream(loader), ready));
        reader.start();

        loader.write("attaching\n".getBytes(StandardCharsets.UTF_8));
        loader.flush();
        assertFalse(ready.await(200, TimeUnit.MILLISECONDS), "not ready before its line");

        loader.write("ready\n".getBytes(StandardCharsets.UTF_8));
        loader.flush();
        assertTrue(ready.await(30, TimeUnit.SECONDS), "ready read");

        loader.close();
        reader.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(reader.isAlive(), "the reader ends with the loader's output");
        assertEquals(0, ready.getCount());
    }
}
