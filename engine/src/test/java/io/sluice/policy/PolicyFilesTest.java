package io.sluice.policy;

import io.sluice.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --policy FILE|DIR}: Tracee's {@code Policy} documents in YAML and JSON, the plain {@code type: policy}
 * form, directories in name order; and the refusals, each naming the file, the field (the rule) and the value.
 */
class PolicyFilesTest
{
    @TempDir
    Path dir;

    private static String policy(final String name, final String scope, final String event)
    {
        return """
            apiVersion: tracee.aquasec.com/v1beta1
            kind: Policy
            metadata:
              name: %s
              annotations:
                description: test policy
            spec:
              scope:
                - %s
              rules:
                - event: %s
            """.formatted(name, scope, event);
    }

    private Path write(final String file, final String text) throws IOException
    {
        final Path path = dir.resolve(file);
        Files.writeString(path, text);
        return path;
    }

    private static PolicySet compile(final Path... paths)
    {
        return new PolicyCompiler(TestEvent.CATALOG).compile(PolicyFiles.read(List.of(paths)));
    }

    private static String refusal(final Path... paths)
    {
        return assertThrows(ConfigException.class, () -> compile(paths)).getMessage();
    }

    @Test
    void readsSeed000sTwoPoliciesInFlagOrder() throws IOException
    {
        final Path json = write("json-policy.yaml", policy("json-policy", "global", "sched_process_exec"));
        final Path webhook = write("webhook-policy.yaml", policy("webhook-policy", "global", "ptrace"));
        final PolicySet set = compile(json, webhook);
        assertArrayEquals(new String[] {"json-policy", "webhook-policy"}, set.names());
        assertEquals(1, set.match(TestEvent.of("sched_process_exec").view()));
        assertEquals(2, set.match(TestEvent.of("ptrace").view()));
        assertEquals(0, set.match(TestEvent.of("openat").view()));
    }

    @Test
    void printIsTheActionAndLogItsOlderName() throws IOException
    {
        final Path actions = write("actions.yaml", policy("actions", "global", "openat")
            .replace("  scope:", "  defaultActions: [log]\n  scope:")
            .replace("- event: openat", "- event: openat\n      actions: [print]"));
        assertArrayEquals(new String[] {"actions"}, compile(actions).names());
    }

    @Test
    void readsJsonAndThePlainForm() throws IOException
    {
        final Path json = write("p.json", """
            {"apiVersion": "tracee.aquasec.com/v1beta1", "kind": "Policy", "metadata": {"name": "from-json"},
             "spec": {"scope": ["comm=cat"], "rules": [{"event": "openat", "filters": ["data.pathname=/etc/*"]}]}}
            """);
        final Path plain = write("plain.yaml", """
            type: policy
            name: plain
            description: Tracee's older layout
            scope: [global]
            defaultActions: [log]
            rules:
              - event: execve
                actions: [log]
            """);
        final PolicySet set = compile(json, plain);
        assertArrayEquals(new String[] {"from-json", "plain"}, set.names());
        assertEquals(1, set.match(TestEvent.of("openat").comm("cat").str("pathname", "/etc/hosts").view()));
        assertEquals(0, set.match(TestEvent.of("openat").comm("cat").str("pathname", "/tmp/x").view()));
        assertEquals(2, set.match(TestEvent.of("execve").view()));
    }

    @Test
    void aDirectoryGivesItsPolicyFilesInNameOrder() throws IOException
    {
        write("b.yml", policy("second", "global", "openat"));
        write("a.yaml", policy("first", "global", "openat"));
        write("notes.txt", "not a policy");
        assertArrayEquals(new String[] {"first", "second"}, compile(dir).names());
    }

    @Test
    void sixtyFourPoliciesAreAllowedAndTheSixtyFifthIsRefused() throws IOException
    {
        final List<Path> files = new ArrayList<>();
        for (int i = 0; i < 65; i++)
        {
            files.add(write(String.format("p%02d.yaml", i), policy("p" + i, "global", "openat")));
        }
        final PolicySet sixtyFour = compile(files.subList(0, 64).toArray(new Path[0]));
        assertEquals(-1L, sixtyFour.match(TestEvent.of("openat").view()), "every one of the 64 bits");
        final String message = refusal(files.toArray(new Path[0]));
        assertTrue(message.startsWith(dir.resolve("p64.yaml") + ": metadata.name = 'p64': too many policies: at most 64"), message);
    }

    @Test
    void aDuplicateNameIsRefused() throws IOException
    {
        final Path first = write("one.yaml", policy("same", "global", "openat"));
        final Path second = write("two.yaml", policy("same", "global", "execve"));
        assertEquals(second + ": metadata.name = 'same': policy name already used by " + first, refusal(first, second));
    }

    @Test
    void anUnknownScopeKeyIsRefused() throws IOException
    {
        final Path file = write("p.yaml", policy("p", "colour=red", "openat"));
        assertTrue(refusal(file).startsWith(file + ": spec.scope = 'colour=red': unknown scope key 'colour'"), refusal(file));
    }

    @Test
    void anUnknownEventIsRefusedNamingTheRule() throws IOException
    {
        final Path file = write("p.yaml", policy("p", "global", "opnat"));
        assertEquals(file + ": spec.rules[0].event = 'opnat': unknown event (see 'sluice list')", refusal(file));
    }

    @Test
    void badFiltersAreRefusedNamingTheRuleAndTheValue() throws IOException
    {
        final Path file = write("p.yaml", policy("p", "global", "openat") + "      filters: [data.path=/etc/*]\n");
        assertTrue(refusal(file).startsWith(file + ": spec.rules[0] (openat).filters = 'data.path=/etc/*': openat has no argument 'path'"),
            refusal(file));
        final Path retval = write("r.yaml", policy("r", "global", "sched_process_exec") + "      filters: [retval<0]\n");
        assertTrue(refusal(retval).contains("sched_process_exec has no return value"), refusal(retval));
        final Path number = write("n.yaml", policy("n", "uid>=root", "openat"));
        assertTrue(refusal(number).endsWith("spec.scope = 'uid>=root': 'root' is not an integer"), refusal(number));
        final Path ordering = write("o.yaml", policy("o", "comm>bash", "openat"));
        assertTrue(refusal(ordering).endsWith("'comm' takes = or != only"), refusal(ordering));
        final Path twoValues = write("t.yaml", policy("t", "pid<1,2", "openat"));
        assertTrue(refusal(twoValues).endsWith("'<' takes one value"), refusal(twoValues));
    }

    @Test
    void layoutErrorsAreRefused() throws IOException
    {
        final Path unknownKey = write("k.yaml", policy("k", "global", "openat").replace("kind: Policy", "kind: Policy\ncolour: red"));
        assertTrue(refusal(unknownKey).startsWith(unknownKey + ": colour: unknown key"), refusal(unknownKey));
        final Path version = write("v.yaml", policy("v", "global", "openat").replace("v1beta1", "v2"));
        assertTrue(refusal(version).contains("apiVersion = 'tracee.aquasec.com/v2': expected tracee.aquasec.com/v1beta1"), refusal(version));
        final Path noScope = write("s.yaml", policy("s", "global", "openat").replace("  scope:\n    - global\n", ""));
        assertTrue(refusal(noScope).contains("spec.scope: a policy needs a scope"), refusal(noScope));
        final Path global = write("g.yaml", policy("g", "global", "openat").replace("- global", "- global\n    - comm=bash"));
        assertTrue(refusal(global).contains("global cannot be combined"), refusal(global));
        final Path action = write("a.yaml",
            policy("a", "global", "openat").replace("- event: openat", "- event: openat\n      actions: [print, alert]"));
        assertTrue(refusal(action).contains("spec.rules[0].actions = 'alert': unknown action"), refusal(action));
        final Path defaultAction = write("d.yaml", policy("d", "global", "openat").replace("  scope:", "  defaultActions: [capture]\n  scope:"));
        assertTrue(refusal(defaultAction).contains("spec.defaultActions = 'capture': unknown action"), refusal(defaultAction));
        final Path newAndId = write("n.yaml", policy("n", "container=new,abc", "openat"));
        assertTrue(refusal(newAndId).contains("container=new takes no other value"), refusal(newAndId));
    }
}
