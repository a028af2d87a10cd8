package io.sluice.filter;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.StreamExportConfig;
import io.sluice.filter.export.ExportFilter;
import io.sluice.filter.export.ExportFilters;
import io.sluice.filter.field.FieldFilter;
import io.sluice.filter.field.FieldFilters;
import io.sluice.filter.lineage.LineageCondition;
import io.sluice.filter.redact.RedactionFilter;
import io.sluice.filter.redact.RedactionFilters;
import io.sluice.policy.EventView;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * One stream's own Tetragon filters, run by its router on each event its event and policy filters passed: the
 * allowlist and denylist, then redaction, then field filters. A rewritten event goes to this stream only.
 */
public final class StreamExportFilters
{
    /** {@link #apply} result: the event is not exported on this stream. */
    public static final int DROPPED = -1;

    private final ExportFilters exportFilters;
    private final RedactionFilters redactions;
    private final FieldFilters fieldFilters;
    private final ExpandableArrayBuffer redacted = new ExpandableArrayBuffer(4096);
    private final ExpandableArrayBuffer masked = new ExpandableArrayBuffer(4096);
    private DirectBuffer out;

    private StreamExportFilters(final ExportFilters exportFilters, final RedactionFilters redactions, final FieldFilters fieldFilters)
    {
        this.exportFilters = exportFilters;
        this.redactions = redactions;
        this.fieldFilters = fieldFilters;
    }

    /**
     * @param stream      the stream's name, for errors ({@code streams.<name>.filters.allow}).
     * @param config      its filters as written.
     * @param catalog     event names.
     * @param policyNames loaded policies by bit.
     * @return the compiled filters, or null when the stream has none.
     * @throws io.sluice.config.ConfigException for a bad filter.
     */
    public static StreamExportFilters compile(final String stream, final StreamExportConfig config, final EventCatalog catalog,
        final String[] policyNames)
    {
        if (config.isEmpty())
        {
            return null;
        }
        final String prefix = "streams." + stream + ".filters.";
        final List<ExportFilter> allow = new ArrayList<>();
        config.allow().forEach(json -> allow.addAll(ExportFilters.parse(prefix + "allow", json, catalog, policyNames)));
        final List<ExportFilter> deny = new ArrayList<>();
        config.deny().forEach(json -> deny.addAll(ExportFilters.parse(prefix + "deny", json, catalog, policyNames)));
        final List<RedactionFilter> redact = new ArrayList<>();
        config.redact().forEach(json -> redact.addAll(RedactionFilters.parse(prefix + "redact", json)));
        final List<FieldFilter> fields = new ArrayList<>();
        config.fields().forEach(json -> fields.addAll(FieldFilters.parse(prefix + "fields", json, catalog)));
        return new StreamExportFilters(
            allow.isEmpty() && deny.isEmpty() ? null : new ExportFilters(allow, deny),
            redact.isEmpty() ? null : new RedactionFilters(redact),
            fields.isEmpty() ? null : new FieldFilters(fields, catalog));
    }

    /**
     * @param event the decoded event.
     * @return {@link #DROPPED}, 0 when the event goes out unchanged, or the length of the rewritten record in
     *         {@link #out()}.
     */
    public int apply(final EventView event)
    {
        if (exportFilters != null && !exportFilters.keep(event))
        {
            return DROPPED;
        }
        final int redactedLength = redactions == null ? 0 : redactions.redact(event, redacted);
        final int maskedLength = fieldFilters == null ? 0 : redactedLength > 0 ?
            fieldFilters.apply(event.eventId(), redacted, 0, masked) : fieldFilters.apply(event, masked);
        if (maskedLength > 0)
        {
            out = masked;
            return maskedLength;
        }
        out = redacted;
        return redactedLength;
    }

    /** @return the lineage conditions of this stream's allowlist and denylist. */
    public List<LineageCondition> lineageConditions()
    {
        return exportFilters == null ? List.of() : exportFilters.lineageConditions();
    }

    /** @return where the last rewritten record is. */
    public DirectBuffer out()
    {
        return out;
    }
}
