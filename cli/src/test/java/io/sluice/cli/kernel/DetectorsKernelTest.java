package io.sluice.cli.kernel;

import io.sluice.proto.v1beta1.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracee's detectors on this machine's kernel: a shell reads {@code /proc/self/mem} and ASLR's switch, another opens
 * its memory for writing, and a program runs with {@code LD_PRELOAD} set; each raises its detection once, in its own
 * process, with Tracee's metadata, and nothing else the test does raises one.
 */
class DetectorsKernelTest
{
    @BeforeAll
    static void kernel()
    {
        KernelTestSupport.requireKernel();
    }

    @Test
    void procMemAslrAndLdPreloadAreDetectedInTheProcessThatDidIt(@TempDir final Path dir) throws Exception
    {
        final Path output = dir.resolve("events.json");
        final Path stderr = dir.resolve("sluice.err");
        final Process sluice = KernelTestSupport.startSluice(stderr,
            "--events", "proc_mem_access,proc_mem_code_injection,aslr_inspection,ld_preload",
            "--output", "json:" + output, "--output", "option:exec-env");
        try
        {
            KernelTestSupport.awaitReady(sluice, stderr);
            final Process reader = new ProcessBuilder("/bin/sh", "-c", ": < /proc/self/mem; : < /proc/sys/kernel/randomize_va_space")
                .start();
            assertEquals(0, reader.waitFor());
            final Process writer = new ProcessBuilder("/bin/sh", "-c", ": 1<> /proc/self/mem").start();
            assertEquals(0, writer.waitFor());
            final ProcessBuilder preloaded = new ProcessBuilder("/bin/true");
            preloaded.environment().put("LD_PRELOAD", "");
            final Process loaded = preloaded.start();
            assertEquals(0, loaded.waitFor());
            Thread.sleep(500);
            sluice.destroy();
            assertTrue(sluice.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, sluice.exitValue(), Files.readString(stderr));

            final List<Event> events = KernelTestSupport.readEvents(output);
            final Event mem = only(events, "proc_mem_access", reader.pid());
            assertEquals("T1003.007", mem.getThreat().getMitre().getTechnique().getId());
            assertEquals("HIGH", mem.getThreat().getSeverity().name());
            assertEquals("openat", mem.getDetectedFrom().getName());
            assertEquals("INFO", only(events, "aslr_inspection", reader.pid()).getThreat().getSeverity().name());
            final Event injection = only(events, "proc_mem_code_injection", writer.pid());
            assertEquals("defense-evasion", injection.getThreat().getPropertiesMap().get("Category"));
            final Event preload = only(events, "ld_preload", loaded.pid());
            assertEquals("sched_process_exec", preload.getDetectedFrom().getName());
            assertEquals(0, events.stream().filter(e -> e.getName().equals("proc_mem_code_injection")
                && e.getWorkload().getProcess().getHostPid().getValue() == reader.pid()).count(), "the reader wrote nothing");
        }
        finally
        {
            sluice.destroyForcibly();
        }
    }

    @Test
    void anElfWrittenToAHiddenPathIsDetectedOnce(@TempDir final Path dir) throws Exception
    {
        final Path output = dir.resolve("events.json");
        final Path stderr = dir.resolve("sluice.err");
        final Process sluice = KernelTestSupport.startSluice(stderr, "--events", "hidden_file_created",
            "--output", "json:" + output);
        try
        {
            KernelTestSupport.awaitReady(sluice, stderr);
            // dash's printf writes its output in one write at offset 0 of the file the redirection created
            final String elf = "printf '\\177ELF\\002\\001\\001\\000'";
            final Process hidden = new ProcessBuilder("/bin/sh", "-c", elf + " > " + dir.resolve(".tool")).start();
            assertEquals(0, hidden.waitFor());
            final Process plain = new ProcessBuilder("/bin/sh", "-c", elf + " > " + dir.resolve("tool")).start();
            assertEquals(0, plain.waitFor());
            final Process script = new ProcessBuilder("/bin/sh", "-c", "printf '#!/bin/sh' > " + dir.resolve(".run")).start();
            assertEquals(0, script.waitFor());
            Thread.sleep(500);
            sluice.destroy();
            assertTrue(sluice.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, sluice.exitValue(), Files.readString(stderr));

            final List<Event> events = KernelTestSupport.readEvents(output);
            final Event detection = only(events, "hidden_file_created", hidden.pid());
            assertEquals("magic_write", detection.getDetectedFrom().getName());
            assertEquals("T1564.001", detection.getThreat().getMitre().getTechnique().getId());
            assertEquals(1, events.stream().filter(e -> e.getName().equals("hidden_file_created")).count(),
                "not the ELF file with a plain name, nor the hidden script: " + events);
        }
        finally
        {
            sluice.destroyForcibly();
        }
    }

    private static Event only(final List<Event> events, final String name, final long pid)
    {
        final List<Event> matching = events.stream().filter(e -> e.getName().equals(name))
            .filter(e -> e.getWorkload().getProcess().getHostPid().getValue() == pid).toList();
        assertEquals(1, matching.size(), name + " of pid " + pid + ": " + matching);
        return matching.get(0);
    }
}
