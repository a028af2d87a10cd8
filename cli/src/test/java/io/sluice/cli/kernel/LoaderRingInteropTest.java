package io.sluice.cli.kernel;

import io.sluice.codec.sbe.KernelEventDecoder;
import io.sluice.codec.sbe.MessageHeaderDecoder;
import io.sluice.codec.sbe.ValueType;
import io.sluice.ring.RecordType;
import io.sluice.ring.SharedRing;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The C producer speaks Agrona's single-producer ring protocol exactly: the loader's self-test writes 10,000,000
 * generated records through a 64 KiB ring (hundreds of thousands of wraps, padding records included) while a Java
 * {@code OneToOneRingBuffer} reads them; every sequence number arrives once, in order, with every byte intact.
 */
class LoaderRingInteropTest
{
    private static final long RECORDS = 10_000_000L;

    @BeforeAll
    static void loader()
    {
        KernelTestSupport.requireLoader();
    }

    @Test
    void tenMillionRecordsCrossTheRingIntact(@TempDir final Path dir) throws Exception
    {
        try (SharedRing ring = SharedRing.create(dir.resolve("interop.ring"), 64 * 1024))
        {
            final Process loader = new ProcessBuilder(KernelTestSupport.loader().toString(),
                "--ring", ring.file().toString(), "--self-test", Long.toString(RECORDS))
                .redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            final Checker checker = new Checker();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (checker.next < RECORDS)
            {
                if (ring.ring().read(checker::onMessage, 4096) == 0)
                {
                    if (System.nanoTime() > deadline)
                    {
                        fail("only " + checker.next + " records arrived");
                    }
                    if (!loader.isAlive() && ring.ring().size() == 0)
                    {
                        break;
                    }
                    Thread.onSpinWait();
                }
            }
            assertTrue(loader.waitFor(30, TimeUnit.SECONDS), "the loader did not exit");
            assertEquals(0, loader.exitValue());
            assertEquals(RECORDS, checker.next, "records read");
            assertEquals(0, ring.ring().read(checker::onMessage), "nothing after the last record");
        }
    }

    /** Checks each record against what the self-test generates for its sequence number. */
    private static final class Checker
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final KernelEventDecoder event = new KernelEventDecoder();
        private final UnsafeBuffer value = new UnsafeBuffer(0, 0);
        private long next;

        void onMessage(final int type, final DirectBuffer buffer, final int offset, final int length)
        {
            assertEquals(RecordType.KERNEL_EVENT, type, "message type");
            header.wrap(buffer, offset);
            assertEquals(KernelEventDecoder.SCHEMA_ID, header.schemaId());
            assertEquals(KernelEventDecoder.TEMPLATE_ID, header.templateId());
            event.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            final long seq = event.timestampNanos();
            if (seq != next)
            {
                fail("expected record " + next + ", got " + seq);
            }
            assertEquals(0, event.eventId());
            final KernelEventDecoder.ArgsDecoder args = event.args();
            assertEquals(1, args.count());
            args.next();
            assertEquals(ValueType.BYTES, args.valueType());
            assertEquals(~seq, args.intValue());
            args.wrapValue(value);
            assertEquals(seq % 251, value.capacity(), "payload length of record " + seq);
            for (int i = 0; i < value.capacity(); i++)
            {
                if (value.getByte(i) != (byte)(seq + i))
                {
                    fail("record " + seq + ": byte " + i + " differs");
                }
            }
            assertEquals(0, event.skipUserStack(), "record " + seq + ": no user stack");
            assertEquals(length, event.limit() - offset, "record " + seq + " length");
            next++;
        }
    }
}
