package io.sluice.cli;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.config.ConfigException;
import io.sluice.detect.Detector;
import io.sluice.detect.DetectorSet;
import io.sluice.policy.CliPolicy;
import io.sluice.policy.PolicyCompiler;
import io.sluice.policy.PolicyDocument;
import io.sluice.policy.PolicyFiles;
import io.sluice.policy.PolicySet;
import io.sluice.policy.ThreatMetadata;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy flags: {@code --policy FILE|DIR} (repeatable, Tracee's {@code Policy} documents) and
 * {@code --scope} (with {@code --events}, one implicit policy). The two kinds cannot be mixed.
 */
public final class PolicyOptions
{
    @Option(names = {"-p", "--policy"}, paramLabel = "FILE|DIR",
        description = {"Tracee policy file (tracee.aquasec.com/v1beta1 Policy, YAML or JSON) or a directory of them; repeatable.",
            "At most 64 policies, unique names; cannot be combined with --events or --scope."})
    private List<Path> policies = new ArrayList<>();

    @Option(names = {"-s", "--scope"}, paramLabel = "SCOPE",
        description = {"Scope of the implicit policy, repeatable (Tracee's grammar): comm=bash, pid=1,2, uid>=1000,",
            "exec=/usr/bin/*, pid=new, container, container=new, not-container, tree=PID, mntns=N, pidns=N, follow."})
    private List<String> scopes = new ArrayList<>();

    /**
     * @param catalog the event catalog.
     * @param events  the {@code --events} values.
     * @return the compiled policies, or null when neither policies nor {@code --events}/{@code --scope} are given.
     * @throws ConfigException for any bad policy, flag or mix of flags.
     */
    PolicySet load(final EventCatalog catalog, final List<String> events)
    {
        final List<PolicyDocument> documents = documents(catalog, events);
        return documents == null ? null
            : new PolicyCompiler(catalog, threats(DetectorSet.all(catalog)), System.currentTimeMillis() * 1_000_000L)
                .compile(documents);
    }

    /**
     * @param catalog the event catalog.
     * @param events  the {@code --events} values.
     * @return the policies as written (files, or the implicit policy of {@code --events}/{@code --scope}), not compiled;
     *         null when none is given.
     * @throws ConfigException for a policy file that cannot be read or a mix of flags.
     */
    List<PolicyDocument> documents(final EventCatalog catalog, final List<String> events)
    {
        if (!policies.isEmpty())
        {
            if (!events.isEmpty() || !scopes.isEmpty())
            {
                throw new ConfigException("--policy", "policy", policies.get(0).toString(),
                    "cannot be combined with " + (events.isEmpty() ? "--scope" : "--events") +
                    " (they form an implicit policy; put the rules in a policy file instead)");
            }
            return PolicyFiles.read(policies);
        }
        if (events.isEmpty() && scopes.isEmpty())
        {
            return null;
        }
        return List.of(CliPolicy.of(catalog, threats(DetectorSet.all(catalog)), events, scopes));
    }

    /** @return true when {@code --scope} was given. */
    boolean hasScope()
    {
        return !scopes.isEmpty();
    }

    /** What {@code threat.*} rules are matched against: each detector's event and its threat (when its events carry one). */
    static List<ThreatMetadata> threats(final List<Detector> detectors)
    {
        return detectors.stream().filter(Detector::populatesThreat).map(detector -> new ThreatMetadata(detector.eventName(), detector.threat().name(),
            detector.threat().severity(), detector.threat().tactic(), detector.threat().techniqueExternalId())).toList();
    }
}
