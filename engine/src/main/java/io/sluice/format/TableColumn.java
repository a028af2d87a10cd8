package io.sluice.format;

/**
 * A column of Tracee's table printers before {@code ARGS}: its header and its width (Go's {@code %-Ns}: the cell is
 * padded to N characters, never cut, then a space). {@code PID/host} and its kind are Tracee's container-mode cells,
 * {@code %-7d/%-7d}. Which columns a format shows is {@link TableLayout}'s; what a cell holds is {@link TableCells}'.
 */
enum TableColumn
{
    /** Local time of day, {@code HH:MM:SS:micros}. */
    TIME("TIME", 16),
    /** The UTS name (host name) of the process (table-verbose). */
    UTS_NAME("UTS_NAME", 17),
    /** The container id's first 12 characters. */
    CONTAINER_ID("CONTAINER_ID", 13),
    /** Mount namespace id (table-verbose). */
    MNT_NS("MNT_NS", 12),
    /** Pid namespace id (table-verbose). */
    PID_NS("PID_NS", 12),
    /** Real user id. */
    UID("UID", 6),
    /** Thread name. */
    COMM("COMM", 16),
    /** Process id. */
    PID("PID", 7),
    /** Thread id. */
    TID("TID", 7),
    /** Parent's process id (table-verbose). */
    PPID("PPID", 7),
    /** Process id in its namespace / on the host. */
    PID_HOST("PID/host", 15),
    /** Thread id in its namespace / on the host. */
    TID_HOST("TID/host", 15),
    /** Parent's process id in its namespace / on the host (table-verbose). */
    PPID_HOST("PPID/host", 15),
    /** The syscall's return value, 0 for an event without one (table-verbose). */
    RET("RET", 16),
    /** Event name, cut to 22 characters and {@code ...} past 25, as Tracee's table cuts it. */
    EVENT("EVENT", 25),
    /** Event name, whole, as Tracee's table-verbose prints it. */
    EVENT_WHOLE("EVENT", 25);

    private final String header;
    private final int width;

    TableColumn(final String header, final int width)
    {
        this.header = header;
        this.width = width;
    }

    /** @return the header. */
    String header()
    {
        return header;
    }

    /** @return the width a cell is padded to. */
    int width()
    {
        return width;
    }
}
