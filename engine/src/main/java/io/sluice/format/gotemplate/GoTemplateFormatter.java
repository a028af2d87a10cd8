package io.sluice.format.gotemplate;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.sbe.EventRecordView;
import io.sluice.format.EventFormatter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.time.ZoneId;

/**
 * The {@code gotemplate=FILE} format: each event rendered through the template, written as the template prints it
 * (Tracee adds nothing either). The record is located once ({@link EventRecordView}) and read through
 * {@link EventData}; no message or map is built. A template that fails on an event throws
 * {@link TemplateExecutionException}: that event fails for the stream's destinations using it, the others go on.
 */
public final class GoTemplateFormatter implements EventFormatter
{
    private final Tree tree;
    private final Executor executor;
    private final EventData data;
    private final EventRecordView view = new EventRecordView();
    private final Value root = new Value();
    private final ByteSink sink = new ByteSink(null);

    /**
     * @param template    the parsed template.
     * @param catalog     the event catalog (names of ids).
     * @param policyNames the policies in force, by bit.
     */
    public GoTemplateFormatter(final GoTemplate template, final EventCatalog catalog, final String[] policyNames)
    {
        this(template, catalog, policyNames, ZoneId.systemDefault());
    }

    /**
     * @param zone the zone Sprig's {@code date} formats in (Go's {@code Local}).
     */
    GoTemplateFormatter(final GoTemplate template, final EventCatalog catalog, final String[] policyNames, final ZoneId zone)
    {
        this.tree = template.root();
        this.executor = template.executor(zone);
        this.data = new EventData(catalog, policyNames);
    }

    @Override
    public int format(final DirectBuffer record, final int offset, final int length, final MutableDirectBuffer out,
        final int outOffset)
    {
        data.wrap(view.wrap(record, offset, length), root);
        sink.wrap(out, outOffset);
        executor.execute(tree, root, sink);
        return sink.position() - outOffset;
    }

    @Override
    public byte[] preamble()
    {
        return new byte[0];
    }
}
