package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventRecordView;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

/**
 * Tracee's table printers, {@code table} and {@code table-verbose}: a header line, then per event the columns of its
 * {@link TableLayout} ({@code TIME UID COMM PID TID EVENT ARGS} for {@code table}), each padded as Go's {@code %-Ns}
 * pads it, and the arguments ({@link TableArgs}). A value wider than its column (a uid of 10 digits, a long event name
 * in {@code table-verbose}) is not cut: it pushes the rest of its own row right, as in Tracee, and since every row is
 * laid out from its own start the next row's columns are where the header says. Allocates nothing per event.
 */
public final class TableFormatter implements EventFormatter
{
    private final EventRecordView view = new EventRecordView();
    private final TableColumn[] columns;
    private final boolean returnValueInArgs;
    private final byte[] header;
    private final TableCells cells;
    private final TableArgs args;

    /**
     * {@code table} without container columns.
     *
     * @param catalog the event catalog (names of ids).
     */
    public TableFormatter(final EventCatalog catalog)
    {
        this(catalog, TableLayout.table(false));
    }

    /**
     * @param catalog the event catalog (names of ids).
     * @param layout  the columns.
     */
    TableFormatter(final EventCatalog catalog, final TableLayout layout)
    {
        final List<TableColumn> list = layout.columns();
        this.columns = list.toArray(new TableColumn[0]);
        this.returnValueInArgs = layout.returnValueInArgs();
        this.header = layout.header();
        this.cells = new TableCells(catalog, view);
        this.args = new TableArgs(catalog);
    }

    @Override
    public byte[] preamble()
    {
        return header.clone();
    }

    @Override
    public int format(final DirectBuffer record, final int offset, final int length, final MutableDirectBuffer out, final int outOffset)
    {
        view.wrap(record, offset, length);
        int p = outOffset;
        for (final TableColumn column : columns)
        {
            final int cell = p;
            p = TableText.pad(out, cells.write(column, out, cell), cell, column.width());
        }
        return args.write(view, returnValueInArgs, out, p) - outOffset;
    }
}
