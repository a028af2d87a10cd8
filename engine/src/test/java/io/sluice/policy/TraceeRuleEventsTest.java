package io.sluice.policy;

import io.sluice.codec.catalog.EventDefinition;
import io.sluice.config.ConfigException;
import io.sluice.detect.Detector;
import io.sluice.detect.DetectorSet;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule's {@code event} as current Tracee expands it ({@code parseEventFilters}, {@code expandThreatPattern}):
 * {@code sched_process_*}, {@code tag=fs,net}, and {@code threat.severity}, {@code threat.name},
 * {@code threat.mitre.technique}, {@code threat.mitre.tactic} over the loaded detectors' metadata; patterns that
 * name nothing are refused.
 */
class TraceeRuleEventsTest
{
    private static final List<ThreatMetadata> THREATS = DetectorSet.standard().stream().map(TraceeRuleEventsTest::metadata).toList();

    private static ThreatMetadata metadata(final Detector detector)
    {
        return new ThreatMetadata(detector.eventName(), detector.threat().name(), detector.threat().severity(),
            detector.threat().tactic(), detector.threat().techniqueExternalId());
    }

    private static Set<String> events(final String event)
    {
        final PolicyDocument document = new PolicyDocument("p", "p.yaml", List.of("global"),
            List.of(new PolicyDocument.Rule("spec.rules[0]", event, List.of())));
        final Policy policy = new PolicyCompiler(TestEvent.CATALOG, THREATS, 0).compile(document);
        return Arrays.stream(policy.eventIds()).mapToObj(id -> TestEvent.CATALOG.byId(id).name()).collect(Collectors.toSet());
    }

    /** The detectors' events whose threat passes, read from the metadata (other detectors may join the set). */
    private static Set<String> expected(final java.util.function.Predicate<ThreatMetadata> test)
    {
        return THREATS.stream().filter(test).map(ThreatMetadata::eventName).collect(Collectors.toSet());
    }

    private static String refusal(final String event)
    {
        return assertThrows(ConfigException.class, () -> events(event)).getMessage();
    }

    @Test
    void aTrailingWildcardNamesEveryEventWithThatPrefix()
    {
        assertEquals(Set.of("sched_process_fork", "sched_process_exec", "sched_process_exit"), events("sched_process_*"));
        assertEquals("p.yaml: spec.rules[0].event = 'nothing_*': no event matches the wildcard", refusal("nothing_*"));
    }

    @Test
    void aLeadingWildcardNamesEveryEventWithThatSuffix()
    {
        assertEquals(Set.of("sched_process_exit"), events("*_process_exit"));
    }

    @Test
    void tagNamesEveryEventOfTheSets()
    {
        final Set<String> fs = TestEvent.CATALOG.eventsNamed("fs").stream().map(EventDefinition::name).collect(Collectors.toSet());
        final Set<String> net = TestEvent.CATALOG.eventsNamed("net").stream().map(EventDefinition::name).collect(Collectors.toSet());
        assertEquals(fs, events("tag=fs"));
        final Set<String> both = new java.util.HashSet<>(fs);
        both.addAll(net);
        assertEquals(both, events("tag=fs,net"));
        assertEquals("p.yaml: spec.rules[0].event = 'tag=nope': unknown tag (an event set; see 'sluice list')", refusal("tag=nope"));
        assertTrue(refusal("fs").endsWith("unknown event (see 'sluice list')"), "a bare set name is an event name, as in Tracee");
    }

    @Test
    void threatSeverityComparesLikeTracee()
    {
        assertTrue(events("threat.severity=high").contains("fileless_execution"));
        assertEquals(expected(t -> t.severity() == 3), events("threat.severity=high"));
        assertEquals(expected(t -> t.severity() >= 2), events("threat.severity>=2"));
        assertTrue(events("threat.severity<medium").contains("anti_debugging"));
        assertEquals(expected(t -> t.severity() < 2), events("threat.severity<medium"));
        assertEquals(expected(t -> t.severity() != 1), events("threat.severity!=LOW"));
        assertTrue(refusal("threat.severity=urgent").contains("invalid severity value: urgent"));
    }

    @Test
    void threatMitreAndNameSelectDetectors()
    {
        assertEquals(Set.of("anti_debugging"), events("threat.mitre.technique=T1622"));
        assertTrue(events("threat.mitre.tactic=Defense Evasion").containsAll(Set.of("anti_debugging", "fileless_execution")));
        assertEquals(expected(t -> "Defense Evasion".equals(t.tactic())), events("threat.mitre.tactic=Defense Evasion"));
        assertEquals(Set.of("shadow_file_access"), events("threat.name=Shadow file access detected"));
        assertTrue(events("threat.mitre.technique!=T1622").contains("kernel_module_loading"));
        assertTrue(refusal("threat.mitre.id=T1").contains("unsupported threat property 'mitre.id'"));
        assertEquals("p.yaml: spec.rules[0].event = 'threat.name=nothing': no detector matches the threat pattern",
            refusal("threat.name=nothing"));
        assertTrue(refusal("threat.severity").contains("threat pattern requires operator and value"));
    }

    @Test
    void aThreatRuleMatchesTheDetectorsEvents()
    {
        final PolicyDocument document = new PolicyDocument("p", "p.yaml", List.of("global"),
            List.of(new PolicyDocument.Rule("spec.rules[0]", "threat.mitre.technique=T1622", List.of())));
        final PolicySet set = new PolicyCompiler(TestEvent.CATALOG, THREATS, 0).compile(List.of(document));
        assertEquals(1L, set.match(TestEvent.of("anti_debugging").view()));
        assertEquals(0L, set.match(TestEvent.of("fileless_execution").view()));
    }
}
