package io.sluice.detect;

import java.util.Map;

/**
 * What a detector's event says in {@code threat}: Tracee's detector metadata, as Tracee's {@code detectors/*.go}
 * declare it and its events print it.
 *
 * @param signatureId   the Tracee detector id ({@code TRC-102}); listed, not printed in events (Tracee neither).
 * @param name          the threat's name.
 * @param description   what it means.
 * @param severity      0 INFO, 1 LOW, 2 MEDIUM, 3 HIGH, 4 CRITICAL ({@code v1beta1.Severity}).
 * @param tactic        MITRE ATT&amp;CK tactic name.
 * @param techniqueId   MITRE technique id ({@code T1622}): Tracee prints it as {@code technique.id}; Sluice prints
 *                      it as {@code id} and {@code external_id}.
 * @param techniqueName MITRE technique name.
 * @param properties    {@code threat.properties} as Tracee prints them ({@code Category}, ...), kept in key order.
 */
public record Threat(String signatureId, String name, String description, int severity, String tactic, String techniqueId,
    String techniqueName, Map<String, String> properties)
{
    /** {@code v1beta1.Severity} INFO. */
    public static final int INFO = 0;
    /** {@code v1beta1.Severity} LOW. */
    public static final int LOW = 1;
    /** {@code v1beta1.Severity} MEDIUM. */
    public static final int MEDIUM = 2;
    /** {@code v1beta1.Severity} HIGH. */
    public static final int HIGH = 3;

    /** Keeps the properties in key order, so events print them the same way every run. */
    public Threat
    {
        properties = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(properties));
    }

    /**
     * A threat whose only property is Tracee's {@code Category}.
     *
     * @return the threat.
     */
    static Threat of(final String signatureId, final String name, final String description, final int severity, final String tactic,
        final String techniqueId, final String techniqueName, final String category)
    {
        return new Threat(signatureId, name, description, severity, tactic, techniqueId, techniqueName, Map.of("Category", category));
    }

    /** @return the MITRE technique id ({@code T1622}), the same as {@link #techniqueId()}: Tracee has no other. */
    public String techniqueExternalId()
    {
        return techniqueId;
    }
}
