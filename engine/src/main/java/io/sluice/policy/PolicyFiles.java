package io.sluice.policy;

import io.sluice.config.ConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code --policy FILE|DIR}: Tracee's {@code tracee.aquasec.com/v1beta1} {@code Policy} documents (YAML or
 * JSON), and the plain form with {@code type: policy} and the spec's keys at the top. A directory contributes its
 * {@code .yaml}, {@code .yml} and {@code .json} files in name order. Unknown keys are errors.
 */
public final class PolicyFiles
{
    /** The API version of Tracee's policy documents. */
    public static final String API_VERSION = "tracee.aquasec.com/v1beta1";

    private static final Set<String> TOP_KEYS = Set.of("apiVersion", "kind", "metadata", "spec");
    private static final Set<String> METADATA_KEYS = Set.of("name", "annotations", "labels", "namespace");
    private static final Set<String> SPEC_KEYS = Set.of("scope", "rules", "defaultActions", "defaultAction");
    private static final Set<String> PLAIN_KEYS = Set.of("type", "name", "description", "scope", "rules", "defaultActions",
        "defaultAction");
    private static final Set<String> RULE_KEYS = Set.of("event", "filters", "actions");
    /** Tracee's actions: printing the event is the only one ({@code log} is its older name). */
    private static final Set<String> ACTIONS = Set.of("print", "log");

    private PolicyFiles()
    {
    }

    /**
     * @param paths the {@code --policy} values, files or directories, in flag order.
     * @return the policies as written, in order.
     * @throws ConfigException naming the file, field and value.
     */
    public static List<PolicyDocument> read(final List<Path> paths)
    {
        final List<PolicyDocument> documents = new ArrayList<>();
        for (final Path path : paths)
        {
            if (Files.isDirectory(path))
            {
                final List<Path> files;
                try (Stream<Path> listing = Files.list(path))
                {
                    files = listing.filter(PolicyFiles::isPolicyFile).sorted().toList();
                }
                catch (final IOException ex)
                {
                    throw new ConfigException("--policy", "policy", path.toString(), "cannot list the directory: " + ex.getMessage());
                }
                if (files.isEmpty())
                {
                    throw new ConfigException("--policy", "policy", path.toString(), "no .yaml, .yml or .json files in the directory");
                }
                files.forEach(file -> documents.add(readFile(file)));
            }
            else
            {
                documents.add(readFile(path));
            }
        }
        return documents;
    }

    private static boolean isPolicyFile(final Path path)
    {
        final String name = path.getFileName().toString();
        return Files.isRegularFile(path) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    /**
     * @param file one policy file.
     * @return its policy as written.
     */
    public static PolicyDocument readFile(final Path file)
    {
        final String origin = file.toString();
        final Object root;
        try
        {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        }
        catch (final IOException ex)
        {
            throw new ConfigException("--policy", "policy", origin, "cannot read the file: " + ex.getMessage());
        }
        catch (final YAMLException ex)
        {
            throw new ConfigException(origin, "(document)", null, "not YAML or JSON: " + ex.getMessage().replace('\n', ' '));
        }
        final Map<String, Object> top = map(origin, "(document)", root);
        if (top.containsKey("type"))
        {
            keys(origin, "", top, PLAIN_KEYS);
            if (!"policy".equals(String.valueOf(top.get("type"))))
            {
                throw new ConfigException(origin, "type", String.valueOf(top.get("type")), "expected policy");
            }
            return document(origin, string(origin, "name", top.get("name")), top, "");
        }
        keys(origin, "", top, TOP_KEYS);
        if (!API_VERSION.equals(String.valueOf(top.get("apiVersion"))))
        {
            throw new ConfigException(origin, "apiVersion", String.valueOf(top.get("apiVersion")), "expected " + API_VERSION);
        }
        if (!"Policy".equals(String.valueOf(top.get("kind"))))
        {
            throw new ConfigException(origin, "kind", String.valueOf(top.get("kind")), "expected Policy");
        }
        final Map<String, Object> metadata = map(origin, "metadata", top.get("metadata"));
        keys(origin, "metadata.", metadata, METADATA_KEYS);
        final Map<String, Object> spec = map(origin, "spec", top.get("spec"));
        keys(origin, "spec.", spec, SPEC_KEYS);
        return document(origin, string(origin, "metadata.name", metadata.get("name")), spec, "spec.");
    }

    private static PolicyDocument document(final String origin, final String name, final Map<String, Object> spec,
        final String prefix)
    {
        final List<String> scope = strings(origin, prefix + "scope", spec.get("scope"));
        actions(origin, prefix + "defaultActions", spec.get("defaultActions"));
        actions(origin, prefix + "defaultAction", spec.get("defaultAction") instanceof List ? spec.get("defaultAction") :
            spec.get("defaultAction") == null ? null : List.of(spec.get("defaultAction")));
        final List<PolicyDocument.Rule> rules = new ArrayList<>();
        final Object rawRules = spec.get("rules");
        if (rawRules != null && !(rawRules instanceof List))
        {
            throw new ConfigException(origin, prefix + "rules", String.valueOf(rawRules), "expected a list of rules");
        }
        if (rawRules != null)
        {
            int i = 0;
            for (final Object rawRule : (List<?>)rawRules)
            {
                final String field = prefix + "rules[" + i++ + "]";
                final Map<String, Object> rule = map(origin, field, rawRule);
                keys(origin, field + ".", rule, RULE_KEYS);
                actions(origin, field + ".actions", rule.get("actions"));
                rules.add(new PolicyDocument.Rule(field, string(origin, field + ".event", rule.get("event")),
                    strings(origin, field + ".filters", rule.get("filters"))));
            }
        }
        return new PolicyDocument(name, origin, scope, rules);
    }

    /** Every action named must be one Sluice takes; each matched event is printed, as in Tracee. */
    private static void actions(final String origin, final String field, final Object value)
    {
        for (final String action : strings(origin, field, value))
        {
            if (action == null || !ACTIONS.contains(action))
            {
                throw new ConfigException(origin, field, action,
                    "unknown action (print is the only action, log its older name)");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final String origin, final String field, final Object value)
    {
        if (!(value instanceof Map))
        {
            throw new ConfigException(origin, field, value == null ? null : String.valueOf(value), "expected a mapping");
        }
        return (Map<String, Object>)value;
    }

    private static void keys(final String origin, final String prefix, final Map<String, Object> map, final Set<String> known)
    {
        for (final Object key : map.keySet())
        {
            if (!known.contains(String.valueOf(key)))
            {
                throw new ConfigException(origin, prefix + key, null,
                    "unknown key (expected " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String string(final String origin, final String field, final Object value)
    {
        if (value instanceof Map || value instanceof List)
        {
            throw new ConfigException(origin, field, String.valueOf(value), "expected a string");
        }
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> strings(final String origin, final String field, final Object value)
    {
        if (value == null)
        {
            return List.of();
        }
        if (!(value instanceof List))
        {
            throw new ConfigException(origin, field, String.valueOf(value), "expected a list of strings");
        }
        final List<String> strings = new ArrayList<>();
        for (final Object item : (List<?>)value)
        {
            strings.add(string(origin, field, item));
        }
        return strings;
    }
}
