package io.sluice.detect;

import java.util.Map;

/**
 * What a detector's event says in {@code threat}: Tracee's signature metadata.
 *
 * @param name                the threat's name.
 * @param description         what it means.
 * @param severity            0 INFO, 1 LOW, 2 MEDIUM, 3 HIGH, 4 CRITICAL ({@code v1beta1.Severity}).
 * @param tactic              MITRE ATT&amp;CK tactic name.
 * @param techniqueId         MITRE technique STIX id ({@code attack-pattern--...}).
 * @param techniqueExternalId MITRE technique id ({@code T1622}).
 * @param techniqueName       MITRE technique name.
 * @param properties          further properties ({@code id}: the Tracee signature id, ...), kept in key order.
 */
public record Threat(String name, String description, int severity, String tactic, String techniqueId,
    String techniqueExternalId, String techniqueName, Map<String, String> properties)
{
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
}
