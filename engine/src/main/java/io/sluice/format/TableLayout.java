package io.sluice.format;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The columns of Tracee's table printers, the one thing {@code table} and {@code table-verbose} differ in. {@code table}
 * is current Tracee's ({@code pkg/cmd/printer}): the return value is the {@code returnValue} argument, as Tracee's
 * events carry it. {@code table-verbose}, which Tracee removed in December 2025, is its last release's (v0.24.1): UTS
 * name, container, namespaces, parent and a {@code RET} column (the {@code returnValue} argument then leaves
 * {@code ARGS}). With container columns (a policy in force scopes containers, Tracee's container mode without
 * enrichment) pids and tids show as {@code PID/host}.
 *
 * @param columns            the columns before {@code ARGS}.
 * @param returnValueInArgs  true when the {@code returnValue} argument stays in {@code ARGS}.
 */
record TableLayout(List<TableColumn> columns, boolean returnValueInArgs)
{
    /**
     * @param containers true for Tracee's container mode.
     * @return {@code table}'s layout.
     */
    static TableLayout table(final boolean containers)
    {
        return new TableLayout(containers
            ? List.of(TableColumn.TIME, TableColumn.CONTAINER_ID, TableColumn.UID, TableColumn.COMM, TableColumn.PID_HOST,
                TableColumn.TID_HOST, TableColumn.EVENT)
            : List.of(TableColumn.TIME, TableColumn.UID, TableColumn.COMM, TableColumn.PID, TableColumn.TID, TableColumn.EVENT),
            true);
    }

    /**
     * @param containers true for Tracee's container mode.
     * @return {@code table-verbose}'s layout.
     */
    static TableLayout verbose(final boolean containers)
    {
        return new TableLayout(containers
            ? List.of(TableColumn.TIME, TableColumn.UTS_NAME, TableColumn.CONTAINER_ID, TableColumn.MNT_NS, TableColumn.PID_NS,
                TableColumn.UID, TableColumn.COMM, TableColumn.PID_HOST, TableColumn.TID_HOST, TableColumn.PPID_HOST,
                TableColumn.RET, TableColumn.EVENT_WHOLE)
            : List.of(TableColumn.TIME, TableColumn.UTS_NAME, TableColumn.CONTAINER_ID, TableColumn.MNT_NS, TableColumn.PID_NS,
                TableColumn.UID, TableColumn.COMM, TableColumn.PID, TableColumn.TID, TableColumn.PPID, TableColumn.RET,
                TableColumn.EVENT_WHOLE),
            false);
    }

    /**
     * @return the header line, newline included.
     */
    byte[] header()
    {
        final StringBuilder header = new StringBuilder();
        for (final TableColumn column : columns)
        {
            header.append(String.format("%-" + column.width() + "s ", column.header()));
        }
        return header.append("ARGS\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
