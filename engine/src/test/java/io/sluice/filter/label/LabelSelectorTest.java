package io.sluice.filter.label;

import io.sluice.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Kubernetes label selectors with apimachinery's grammar and semantics ({@code labels.Parse}, {@code Requirement.Matches}):
 * what parses and its canonical form, each operator on present, absent and empty-valued labels, requirements ANDed,
 * and every refusal with its message.
 */
class LabelSelectorTest
{
    private static final String NAME_RULE = "must consist of alphanumeric characters, '-', '_' or '.', "
        + "and must start and end with an alphanumeric character";
    private static final String VALUE_RULE = "must be empty or consist of alphanumeric characters, '-', '_' or '.', "
        + "and must start and end with an alphanumeric character";
    private static final String PREFIX_RULE = "prefix part must be a lowercase RFC 1123 subdomain: lower case alphanumeric "
        + "characters, '-' or '.', each part starting and ending with an alphanumeric character";
    private static final String OPERATORS = "in, notin, =, ==, !=, > or <";
    private static final String NOT_AN_INTEGER = "the value of > and < must be an integer";

    private static LabelSelector parse(final String selector)
    {
        return LabelSelector.parse("--export-allowlist", "labels", selector);
    }

    /** {@code "app=web,tier="}: labels, split on the first '=' of each comma-separated item; {@code ""}: none. */
    private static LabelSource labels(final String spec)
    {
        final Map<String, String> labels = new HashMap<>();
        if (!spec.isEmpty())
        {
            for (final String item : spec.split(",", -1))
            {
                final int equals = item.indexOf('=');
                labels.put(item.substring(0, equals), item.substring(equals + 1));
            }
        }
        return labels::get;
    }

    static Stream<Arguments> canonicalForms()
    {
        return Stream.of(
            arguments("", ""),
            arguments(" \t\n ", ""),
            arguments("x", "x"),
            arguments("!x", "!x"),
            arguments("! x", "!x"),
            arguments("x=a", "x=a"),
            arguments("x==a", "x==a"),
            arguments("x!=a", "x!=a"),
            arguments("x = a", "x=a"),
            arguments("x=", "x="),
            arguments("x==", "x=="),
            arguments("x!=", "x!="),
            arguments("x=,y", "x=,y"),
            arguments("x in (b,a)", "x in (a,b)"),
            arguments("x in(a, b)", "x in (a,b)"),
            arguments("x in (a,a)", "x in (a)"),
            arguments("x in ()", "x in ()"),
            arguments("x in (,)", "x in ()"),
            arguments("x in (a,)", "x in (,a)"),
            arguments("x in (,a)", "x in (,a)"),
            arguments("x in (a,,b)", "x in (,a,b)"),
            arguments("x notin (a)", "x notin (a)"),
            arguments("x>5", "x>5"),
            arguments("x < 10", "x<10"),
            arguments("x>007", "x>007"),
            arguments("b=1,a", "a,b=1"),
            arguments("x=a,x=b", "x=a,x=b"),
            arguments("x\t=\ta ,\r\n y", "x=a,y"),
            arguments("in in (in, notin)", "in in (in,notin)"),
            arguments("notin notin (x)", "notin notin (x)"),
            arguments("x=in", "x=in"),
            arguments("x=notin", "x=notin"),
            arguments("A_b.C-9=Z_y.x-1", "A_b.C-9=Z_y.x-1"),
            arguments("app.kubernetes.io/name=xwing,class in (xwing, tie),!debug",
                "app.kubernetes.io/name=xwing,class in (tie,xwing),!debug"),
            arguments("a-1.example.com/k", "a-1.example.com/k"),
            arguments("k=" + "v".repeat(63), "k=" + "v".repeat(63)),
            arguments("k".repeat(63), "k".repeat(63)),
            arguments("p".repeat(253) + "/k", "p".repeat(253) + "/k"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @MethodSource("canonicalForms")
    void parsesToApimachinerysCanonicalForm(final String selector, final String canonical)
    {
        final LabelSelector parsed = parse(selector);
        assertEquals(canonical, parsed.toString());
        assertEquals(canonical.isEmpty(), parsed.isEmpty());
        assertEquals(canonical, parse(canonical).toString(), "the canonical form parses to itself");
    }

    static Stream<Arguments> matches()
    {
        return Stream.of(
            // the empty selector selects everything
            arguments("", "", true),
            arguments("", "app=web", true),
            // exists: presence only, an empty value is present
            arguments("app", "app=web", true),
            arguments("app", "app=", true),
            arguments("app", "", false),
            arguments("app", "other=app", false),
            // does not exist
            arguments("!app", "", true),
            arguments("!app", "other=x", true),
            arguments("!app", "app=", false),
            arguments("!app", "app=web", false),
            // = and ==: present with that value
            arguments("app=web", "app=web", true),
            arguments("app=web", "app=db", false),
            arguments("app=web", "app=", false),
            arguments("app=web", "", false),
            arguments("app=web", "app=webx", false),
            arguments("app==web", "app=web", true),
            arguments("app==web", "", false),
            arguments("app=", "app=", true),
            arguments("app=", "", false),
            arguments("app=", "app=web", false),
            // !=: absent, or another value
            arguments("app!=web", "app=web", false),
            arguments("app!=web", "app=db", true),
            arguments("app!=web", "app=", true),
            arguments("app!=web", "", true),
            arguments("app!=", "app=", false),
            arguments("app!=", "", true),
            // in: present with one of the values
            arguments("app in (web,db)", "app=db", true),
            arguments("app in (web,db)", "app=web", true),
            arguments("app in (web,db)", "app=x", false),
            arguments("app in (web,db)", "", false),
            arguments("app in ()", "app=", true),
            arguments("app in ()", "app=web", false),
            arguments("app in (web,)", "app=", true),
            arguments("app in (web,)", "", false),
            // notin: absent, or none of the values
            arguments("app notin (web,db)", "app=db", false),
            arguments("app notin (web,db)", "app=x", true),
            arguments("app notin (web,db)", "", true),
            arguments("app notin (web,db)", "app=", true),
            arguments("app notin ()", "app=", false),
            // > and <: present, a 64-bit integer as Go's strconv.ParseInt reads it
            arguments("n>5", "n=6", true),
            arguments("n>5", "n=5", false),
            arguments("n>5", "n=4", false),
            arguments("n>5", "n=0006", true),
            arguments("n>5", "n=+6", true),
            arguments("n>5", "n=", false),
            arguments("n>5", "n=abc", false),
            arguments("n>5", "n=6.0", false),
            arguments("n>5", "n=0x10", false),
            arguments("n>5", "n=1_000", false),
            arguments("n>5", "n= 6", false),
            arguments("n>5", "n=-", false),
            arguments("n>5", "", false),
            arguments("n>5", "n=9223372036854775807", true),
            arguments("n>5", "n=9223372036854775808", false),
            arguments("n<5", "n=4", true),
            arguments("n<5", "n=5", false),
            arguments("n<5", "n=-100", true),
            arguments("n<5", "n=x", false),
            arguments("n<5", "n=", false),
            arguments("n<5", "", false),
            arguments("n<5", "n=-9223372036854775808", true),
            arguments("n<5", "n=-9223372036854775809", false),
            arguments("n<0", "n=-0", false),
            arguments("n>9223372036854775806", "n=9223372036854775807", true),
            // requirements are ANDed
            arguments("app=web,tier!=db,!debug", "app=web,tier=front", true),
            arguments("app=web,tier!=db,!debug", "app=web", true),
            arguments("app=web,tier!=db,!debug", "app=web,tier=db", false),
            arguments("app=web,tier!=db,!debug", "app=web,debug=", false),
            arguments("app=web,tier!=db,!debug", "tier=front", false),
            arguments("x=a,x=b", "x=a", false),
            arguments("x,x notin (a)", "x=b", true),
            arguments("x,x notin (a)", "", false),
            // Tetragon's example pod (seed 004)
            arguments("app.kubernetes.io/name=xwing,class in (xwing,tie),org", "app.kubernetes.io/name=xwing,class=xwing,org=alliance", true),
            arguments("app.kubernetes.io/name=xwing,class in (xwing,tie),org", "app.kubernetes.io/name=xwing,class=xwing", false),
            arguments("org notin (empire)", "app.kubernetes.io/name=xwing,class=xwing,org=alliance", true),
            // keys are matched whole, prefix included
            arguments("name=xwing", "app.kubernetes.io/name=xwing", false),
            arguments("in in (in)", "in=in", true),
            arguments("in in (in)", "in=notin", false));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" on \"{1}\": {2}")
    @MethodSource("matches")
    void matchesAsApimachineryDoes(final String selector, final String labels, final boolean expected)
    {
        assertEquals(expected, parse(selector).matches(labels(labels)));
    }

    static Stream<Arguments> refusals()
    {
        return Stream.of(
            // syntax
            arguments(",", "found ',' at column 1, expected: !, identifier, or end of string"),
            arguments("=a", "found '=' at column 1, expected: !, identifier, or end of string"),
            arguments(")", "found ')' at column 1, expected: !, identifier, or end of string"),
            arguments("a,", "found end of string at column 3, expected: identifier after ','"),
            arguments("a, ", "found end of string at column 4, expected: identifier after ','"),
            arguments("a,,b", "found ',' at column 3, expected: identifier after ','"),
            arguments("a,=b", "found '=' at column 3, expected: identifier after ','"),
            arguments("a b", "found 'b' at column 3, expected: " + OPERATORS),
            arguments("a (b)", "found '(' at column 3, expected: " + OPERATORS),
            arguments("a !", "found '!' at column 3, expected: " + OPERATORS),
            arguments("a=b c", "found 'c' at column 5, expected: ',' or end of string"),
            arguments("a=b=c", "found '=' at column 4, expected: ',' or end of string"),
            arguments("a in (b) c", "found 'c' at column 10, expected: ',' or end of string"),
            arguments("!", "found end of string at column 2, expected: identifier"),
            arguments("!!a", "found '!' at column 2, expected: identifier"),
            arguments("!a=b", "found '=' at column 3, expected: ',' or end of string"),
            arguments("!a in (b)", "found 'in' at column 4, expected: ',' or end of string"),
            arguments("a in b", "found 'b' at column 6, expected: '('"),
            arguments("a in", "found end of string at column 5, expected: '('"),
            arguments("a in (b", "found end of string at column 8, expected: ',' or ')'"),
            arguments("a in (b c)", "found 'c' at column 9, expected: ',' or ')'"),
            arguments("a in (b(c))", "found '(' at column 8, expected: ',' or ')'"),
            arguments("a in (", "found end of string at column 7, expected: ',', ')' or identifier"),
            arguments("a in (=)", "found '=' at column 7, expected: ',', ')' or identifier"),
            arguments("a in (b,=)", "found '=' at column 9, expected: ',' or identifier"),
            arguments("a in (b,", "found end of string at column 9, expected: ',' or identifier"),
            // apimachinery's quirk: two commas before the closing parenthesis
            arguments("a in (b,,)", "found ')' at column 10, expected: ',' or identifier"),
            arguments("a in (,,)", "found ')' at column 9, expected: ',' or identifier"),
            arguments("a=(b)", "found '(' at column 3, expected: identifier"),
            arguments("a=!b", "found '!' at column 3, expected: identifier"),
            arguments("a>=1", "found '=' at column 3, expected: identifier"),
            arguments("a<=1", "found '=' at column 3, expected: identifier"),
            arguments("a===b", "found '=' at column 4, expected: identifier"),
            arguments("a in in (b)", "found 'in' at column 6, expected: '('"),
            // > and < take an integer that is also a valid label value
            arguments("a>b", "'a>b': " + NOT_AN_INTEGER),
            arguments("a>", "'a>': " + NOT_AN_INTEGER),
            arguments("a<1.5", "'a<1.5': " + NOT_AN_INTEGER),
            arguments("a<0x10", "'a<0x10': " + NOT_AN_INTEGER),
            arguments("a>99999999999999999999", "'a>99999999999999999999': " + NOT_AN_INTEGER),
            arguments("a>-1", "label value '-1' of key 'a': " + VALUE_RULE),
            arguments("a>+1", "label value '+1' of key 'a': " + VALUE_RULE),
            arguments("a>-b", "'a>-b': " + NOT_AN_INTEGER + "; label value '-b' of key 'a': " + VALUE_RULE),
            // label values
            arguments("a=-b", "label value '-b' of key 'a': " + VALUE_RULE),
            arguments("a=b_", "label value 'b_' of key 'a': " + VALUE_RULE),
            arguments("a=b/c", "label value 'b/c' of key 'a': " + VALUE_RULE),
            arguments("a=é", "label value 'é' of key 'a': " + VALUE_RULE),
            arguments("a in (b,c*)", "label value 'c*' of key 'a': " + VALUE_RULE),
            arguments("a notin (-x,y-)", "label value '-x' of key 'a': " + VALUE_RULE + "; label value 'y-' of key 'a': " + VALUE_RULE),
            arguments("a=" + "v".repeat(64), "label value '" + "v".repeat(64) + "' of key 'a': must be no more than 63 characters"),
            arguments("a=" + "-".repeat(64), "label value '" + "-".repeat(64) + "' of key 'a': must be no more than 63 characters; " + VALUE_RULE),
            // label keys
            arguments("-a", "label key '-a': name part " + NAME_RULE),
            arguments("a.", "label key 'a.': name part " + NAME_RULE),
            arguments("!_a", "label key '_a': name part " + NAME_RULE),
            arguments("a*=b", "label key 'a*': name part " + NAME_RULE),
            arguments("a\u0000b", "label key 'a\u0000b': name part " + NAME_RULE),
            arguments("a/b/c", "label key 'a/b/c': must be a name with an optional DNS subdomain prefix and one '/' (e.g. 'example.com/MyName')"),
            arguments("/a", "label key '/a': prefix part must be non-empty"),
            arguments("a/", "label key 'a/': name part must be non-empty"),
            arguments("/", "label key '/': prefix part must be non-empty; name part must be non-empty"),
            arguments("Example.com/a", "label key 'Example.com/a': " + PREFIX_RULE),
            arguments("example..com/a", "label key 'example..com/a': " + PREFIX_RULE),
            arguments(".example.com/a", "label key '.example.com/a': " + PREFIX_RULE),
            arguments("example.com./a", "label key 'example.com./a': " + PREFIX_RULE),
            arguments("-example.com/a", "label key '-example.com/a': " + PREFIX_RULE),
            arguments("example-.com/a", "label key 'example-.com/a': " + PREFIX_RULE),
            arguments("ex_ample.com/a", "label key 'ex_ample.com/a': " + PREFIX_RULE),
            arguments("k".repeat(64), "label key '" + "k".repeat(64) + "': name part must be no more than 63 characters"),
            arguments("p".repeat(254) + "/k", "label key '" + "p".repeat(254) + "/k': prefix part must be no more than 253 characters"),
            arguments("Bad/-x", "label key 'Bad/-x': " + PREFIX_RULE + "; name part " + NAME_RULE),
            // the first bad requirement is reported, wherever it is
            arguments("app=web,tier=front,-x", "label key '-x': name part " + NAME_RULE));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("refusals")
    void refusesWhatApimachineryRefuses(final String selector, final String problem)
    {
        final ConfigException refusal = assertThrows(ConfigException.class, () -> parse(selector));
        assertEquals("--export-allowlist", refusal.origin());
        assertEquals("labels", refusal.field());
        assertEquals(selector, refusal.value());
        assertEquals("--export-allowlist: labels = '" + selector + "': bad label selector: " + problem, refusal.getMessage());
    }

    @Test
    void errorsNameTheirOrigin()
    {
        final ConfigException refusal = assertThrows(ConfigException.class,
            () -> LabelSelector.parse("filters.json:3", "labels", "app in web"));
        assertEquals("filters.json:3: labels = 'app in web': bad label selector: found 'web' at column 8, expected: '('",
            refusal.getMessage());
    }

    @Test
    void lookupsAreByTheWholeKeyOncePerRequirement()
    {
        final Map<String, Integer> asked = new HashMap<>();
        final LabelSource counting = key ->
        {
            asked.merge(key, 1, Integer::sum);
            return key.equals("app.kubernetes.io/name") ? "xwing" : null;
        };
        assertTrue(parse("app.kubernetes.io/name=xwing,!org,tier notin (db)").matches(counting));
        assertEquals(Map.of("app.kubernetes.io/name", 1, "org", 1, "tier", 1), asked);
    }

    @Test
    void valuesMayBeAnyCharSequence()
    {
        final StringBuilder reused = new StringBuilder();
        final LabelSource view = key ->
        {
            reused.setLength(0);
            return key.equals("n") ? reused.append("42") : key.equals("app") ? reused.append("web") : null;
        };
        assertTrue(parse("n>41,n<43,app in (web),app!=db").matches(view));
        assertFalse(parse("n>42").matches(view));
    }

    @Test
    void matchingAllocatesNothing()
    {
        final LabelSelector selector = parse("app.kubernetes.io/name in (xwing,tie),class=xwing,org!=empire,!debug,"
            + "tier notin (db),replicas>2,replicas<10,zone");
        final Map<String, String> map = new HashMap<>(Map.of("app.kubernetes.io/name", "xwing", "class", "xwing",
            "org", "alliance", "replicas", "3", "zone", "a"));
        final LabelSource labels = map::get;
        final LabelSource others = Map.of("app.kubernetes.io/name", "falcon", "replicas", "12")::get;
        final int rounds = 200_000;
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        // steady state: on a loaded machine the JIT may still be compiling during the first rounds (and the interpreter
        // allocates what compiled code does not), so the least a round allocated, out of several, is the measure
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 8 && least >= 4096; round++)
        {
            final long before = threads.getThreadAllocatedBytes(threadId);
            final long matched = matchMany(selector, labels, others, rounds);
            least = Math.min(least, threads.getThreadAllocatedBytes(threadId) - before);
            assertEquals(rounds, matched, "labels match, others do not");
        }
        assertTrue(least < 4096, "allocated at least " + least + " bytes per " + 2 * rounds + " matches");
    }

    private static long matchMany(final LabelSelector selector, final LabelSource labels, final LabelSource others, final int rounds)
    {
        long matched = 0;
        for (int i = 0; i < rounds; i++)
        {
            matched += (selector.matches(labels) ? 1 : 0) + (selector.matches(others) ? 1 : 0);
        }
        return matched;
    }
}
