package io.sluice.format;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --color}, as {@code tetra getevents --color}: {@code always}, {@code never}, or {@code auto}: colour only to a
 * terminal, unless {@code NO_COLOR} is set or {@code TERM=dumb}; files and pipes are never terminals.
 */
class ColorModeTest
{
    @Test
    void autoColoursOnlyATerminalTheEnvironmentDoesNotForbid()
    {
        assertTrue(ColorMode.AUTO.colors(true, null, "xterm-256color"));
        assertFalse(ColorMode.AUTO.colors(false, null, "xterm-256color"));
        assertFalse(ColorMode.AUTO.colors(true, "1", "xterm"));
        assertTrue(ColorMode.AUTO.colors(true, "", "xterm"));
        assertFalse(ColorMode.AUTO.colors(true, null, "dumb"));
        assertTrue(ColorMode.ALWAYS.colors(false, "1", "dumb"));
        assertFalse(ColorMode.NEVER.colors(true, null, "xterm"));
    }

    @Test
    void valuesAreWrittenInLowerCase()
    {
        assertEquals(ColorMode.ALWAYS, ColorMode.parse("always"));
        assertEquals("auto", ColorMode.AUTO.key());
        assertEquals("'Always' (expected auto, always or never)",
            assertThrows(IllegalArgumentException.class, () -> ColorMode.parse("Always")).getMessage());
    }

    @Test
    void onlyStdoutOrStderrOnATerminalDeviceIsATerminal()
    {
        assertTrue(TerminalCheck.isTerminalDevice("/dev/pts/3"));
        assertTrue(TerminalCheck.isTerminalDevice("/dev/tty1"));
        assertTrue(TerminalCheck.isTerminalDevice("/dev/console"));
        assertFalse(TerminalCheck.isTerminalDevice("pipe:[81234]"));
        assertFalse(TerminalCheck.isTerminalDevice("socket:[81234]"));
        assertFalse(TerminalCheck.isTerminalDevice("/tmp/events.log"));
        assertFalse(TerminalCheck.isTerminal("/dev/pts/0"));
        assertFalse(TerminalCheck.isTerminal(null));
        final FormatContext context = new FormatContext(Records.CATALOG, new String[0], ColorMode.AUTO, false, false);
        assertFalse(context.forDestination("/tmp/events.log").colored());
        assertTrue(new FormatContext(Records.CATALOG, new String[0], ColorMode.ALWAYS, false, false)
            .forDestination("/tmp/events.log").colored());
    }
}
