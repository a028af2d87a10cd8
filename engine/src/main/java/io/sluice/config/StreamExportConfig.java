package io.sluice.config;

import java.util.List;

/**
 * A stream's own Tetragon filters, as written (JSON objects, one per entry): {@code filters.allow},
 * {@code filters.deny}, {@code filters.redact}, {@code filters.fields}. Checked when the pipeline is built.
 *
 * @param allow  export allowlist objects.
 * @param deny   export denylist objects.
 * @param redact redaction filter objects.
 * @param fields field filter objects.
 */
public record StreamExportConfig(List<String> allow, List<String> deny, List<String> redact, List<String> fields)
{
    /** No filters. */
    public static final StreamExportConfig NONE = new StreamExportConfig(List.of(), List.of(), List.of(), List.of());

    /** @return true when no filter is given. */
    public boolean isEmpty()
    {
        return allow.isEmpty() && deny.isEmpty() && redact.isEmpty() && fields.isEmpty();
    }
}
