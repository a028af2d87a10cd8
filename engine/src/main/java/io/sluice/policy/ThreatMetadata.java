package io.sluice.policy;

/**
 * What a rule's {@code threat.*} pattern is matched against: one detector's event and its threat, as Tracee expands
 * {@code threat.severity>=high} or {@code threat.mitre.technique=T1055} into the events of the detectors whose
 * metadata matches.
 *
 * @param eventName the event the detector raises.
 * @param name      the threat's name ({@code threat.name}).
 * @param severity  0 info .. 4 critical ({@code threat.severity}).
 * @param tactic    the MITRE ATT&amp;CK tactic name ({@code threat.mitre.tactic}), or null.
 * @param technique the MITRE technique id, {@code T1055} ({@code threat.mitre.technique}), or null.
 */
public record ThreatMetadata(String eventName, String name, int severity, String tactic, String technique)
{
}
