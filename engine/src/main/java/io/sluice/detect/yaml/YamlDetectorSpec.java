package io.sluice.detect.yaml;

import io.sluice.detect.Threat;

import java.util.List;

/**
 * A detector file as written (Tracee's {@code pkg/detectors/yaml/schema.go}), checked for its shape, not yet compiled:
 * the nodes that a later check may refuse are kept for their file and line.
 *
 * @param id           {@code id}: the detector's id ({@code yaml-001}), listed as its signature id.
 * @param idNode       where the id is.
 * @param eventName    {@code produced_event.name}.
 * @param eventNode    where the name is.
 * @param version      {@code produced_event.version}.
 * @param description  {@code produced_event.description}.
 * @param tags         {@code produced_event.tags}.
 * @param fields       {@code produced_event.fields}: the data its events carry.
 * @param events       {@code requirements.events}: the events it watches and their filters.
 * @param threat       {@code threat}, or null (a derived event).
 * @param autoThreat   {@code auto_populate.threat}.
 * @param detectedFrom {@code auto_populate.detected_from}.
 * @param ancestry     {@code auto_populate.process_ancestry}.
 * @param conditions   {@code conditions}: CEL expressions that must all be true.
 * @param outputs      {@code output.fields}: how each data field is computed.
 */
record YamlDetectorSpec(String id, YamlNode idNode, String eventName, YamlNode eventNode, String version, String description,
    List<String> tags, List<Field> fields, List<Requirement> events, Threat threat, boolean autoThreat, boolean detectedFrom,
    boolean ancestry, List<YamlNode> conditions, List<Output> outputs)
{
    /**
     * One of {@code produced_event.fields}.
     *
     * @param name its name.
     * @param type its type as written ({@code string}, {@code uint32} ...).
     * @param node where it is.
     */
    record Field(String name, String type, YamlNode node)
    {
    }

    /**
     * One of {@code requirements.events}.
     *
     * @param name         the event's name.
     * @param node         where it is.
     * @param optional     {@code dependency: optional}: an event Sluice does not have is left out, not refused.
     * @param dataFilters  {@code data_filters}, in the policy grammar without {@code data.}.
     * @param scopeFilters {@code scope_filters}, in the policy grammar.
     */
    record Requirement(String name, YamlNode node, boolean optional, List<YamlNode> dataFilters, List<YamlNode> scopeFilters)
    {
    }

    /**
     * One of {@code output.fields}.
     *
     * @param name       the data field it computes.
     * @param expression the CEL expression.
     * @param optional   true when a value that cannot be computed leaves the field out (else no event is raised).
     * @param node       where the expression is.
     */
    record Output(String name, String expression, boolean optional, YamlNode node)
    {
    }
}
