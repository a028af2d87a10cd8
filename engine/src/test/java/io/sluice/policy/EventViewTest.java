package io.sluice.policy;

import io.sluice.codec.sbe.ValueType;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One {@link EventView} decodes record after record: arguments, ancestors and text fields grow past their first
 * sizes and are never left over from the record before.
 */
class EventViewTest
{
    private static final String LONG_PATH = "/opt/" + "deep/".repeat(80) + "tool";

    @Test
    void decodesMoreArgumentsAndAncestorsThanItFirstHasRoomFor()
    {
        final TestEvent big = TestEvent.of("openat").exe(LONG_PATH).comm("worker").syscall("openat");
        for (int i = 0; i < 30; i++)
        {
            big.int32("arg" + i, i * 7);
        }
        big.str("pathname", LONG_PATH).retval(-2);
        for (int a = 0; a < 9; a++)
        {
            big.ancestor(500 + a, 10 + a, LONG_PATH + a);
        }
        final EventView view = new EventView(null);
        wrap(view, big);

        assertEquals(32, view.dataCount());
        assertEquals(29 * 7, view.dataInt(view.dataIndex(bytes("arg29"))));
        final int path = view.dataIndex(bytes("pathname"));
        assertEquals(ValueType.STR, view.dataType(path));
        assertEquals(LONG_PATH, text(view.dataValue(path), view.dataValueLength(path)));
        assertEquals("pathname", text(view.dataName(path), view.dataNameLength(path)));
        assertTrue(view.hasRetval());
        assertEquals(-2, view.retval());
        assertEquals(9, view.ancestorCount());
        assertEquals(508, view.ancestorPid(8));
        assertEquals(18, view.ancestorNsPid(8));
        assertEquals(LONG_PATH + 8, text(view.ancestorExe(8), view.ancestorExeLength(8)));
        assertEquals(LONG_PATH, text(view.executable(), view.executableLength()));
        assertEquals("worker", text(view.comm(), view.commLength()));
        assertEquals("openat", text(view.syscall(), view.syscallLength()));
    }

    @Test
    void nothingOfTheRecordBeforeIsLeftOver()
    {
        final EventView view = new EventView(null);
        wrap(view, TestEvent.of("openat").str("pathname", LONG_PATH).retval(0).ancestor(2, "/sbin/init")
            .container("c0ffee").containerName("web").pod("prod", "api-1"));
        view.dataValue(0);

        wrap(view, TestEvent.of("openat").str("pathname", "/etc/hosts"));

        assertEquals(1, view.dataCount());
        assertEquals("/etc/hosts", text(view.dataValue(0), view.dataValueLength(0)));
        assertFalse(view.hasRetval());
        assertEquals(0, view.retval());
        assertEquals(-1, view.dataIndex(bytes("returnValue")));
        assertEquals(0, view.ancestorCount());
        assertEquals(0, view.containerIdLength());
        assertEquals(0, view.containerNameLength());
        assertEquals(0, view.podNameLength());
        assertEquals(0, view.podNamespaceLength());
    }

    @Test
    void withoutAProcessTreeTheParentIsUnknownAndTheFieldsStay()
    {
        final EventView view = TestEvent.of("openat").pid(1234).comm("curl").exe("/usr/bin/curl").view();

        assertFalse(view.moveToParent());
        assertEquals(1234, view.hostPid());
        assertEquals("curl", text(view.comm(), view.commLength()));
        assertEquals("/usr/bin/curl", text(view.executable(), view.executableLength()));
    }

    private static void wrap(final EventView view, final TestEvent event)
    {
        final int[] length = new int[1];
        final ExpandableArrayBuffer buffer = event.record(length);
        view.wrap(buffer, 0, length[0]);
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(final byte[] bytes, final int length)
    {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
