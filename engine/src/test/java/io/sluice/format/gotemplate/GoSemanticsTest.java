package io.sluice.format.gotemplate;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.sluice.format.gotemplate.MapData.msg;
import static io.sluice.format.gotemplate.MapData.nil;
import static io.sluice.format.gotemplate.MapData.u32;
import static io.sluice.format.gotemplate.MapData.u64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Go's {@code text/template} and Sprig, as documented, one case per construct and function: each template runs over
 * the same data (a Go {@code map[string]interface{}} with a nil and a non-nil message pointer in it) and must print
 * what Go prints, or fail with Go's message.
 */
class GoSemanticsTest
{
    private static final Map<String, Object> DATA = data();

    private static Map<String, Object> data()
    {
        final Map<String, Object> data = new LinkedHashMap<>();
        data.put("s", "hello");
        data.put("empty", "");
        data.put("n", 3);
        data.put("zero", 0);
        data.put("neg", -2);
        data.put("u", u32(7));
        data.put("big", u64(-1L));
        data.put("secs", 1732454400L);
        data.put("t", true);
        data.put("f", false);
        data.put("f64", 1.5);
        data.put("list", List.of("a", "b", "c"));
        data.put("emptyList", List.of());
        data.put("m", Map.of("b", 2, "a", 1, "c", 3));
        data.put("emptyMap", Map.of());
        data.put("nested", Map.of("inner", Map.of("x", "deep")));
        data.put("msg", msg("v1beta1.Timestamp", "seconds", 12L, "nanos", 5));
        data.put("nilmsg", nil("v1beta1.Workload", "process"));
        data.put("bytes", "hi".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        data.put("html", "<a href='x'>&</a>");
        return data;
    }

    private final List<DynamicTest> cases = new ArrayList<>();

    private void ok(final String name, final String template, final String expected)
    {
        cases.add(DynamicTest.dynamicTest(name + ": " + template,
            () -> assertEquals(expected, MapData.render(template, DATA))));
    }

    private void fails(final String name, final String template, final String message)
    {
        cases.add(DynamicTest.dynamicTest(name + ": " + template, () ->
        {
            final RuntimeException ex = assertThrows(RuntimeException.class, () -> MapData.render(template, DATA));
            assertTrue(ex.getMessage().contains(message), () -> "message: " + ex.getMessage());
        }));
    }

    @TestFactory
    List<DynamicTest> actionsPrintValuesAsGoDoes()
    {
        ok("text", "plain text", "plain text");
        ok("field", "{{.s}}", "hello");
        ok("field chain", "{{.nested.inner.x}}", "deep");
        ok("missing key prints <no value>", "{{.missing}}", "<no value>");
        ok("a missing key's fields are missing too", "{{.missing.deeper}}", "<no value>");
        ok("integers of every signedness", "{{.n}} {{.neg}} {{.u}} {{.big}} {{.secs}}", "3 -2 7 18446744073709551615 1732454400");
        ok("booleans", "{{.t}} {{.f}}", "true false");
        ok("a list as %v", "{{.list}}", "[a b c]");
        ok("a map in key order", "{{.m}}", "map[a:1 b:2 c:3]");
        ok("a byte slice", "{{.bytes}}", "[104 105]");
        ok("a float", "{{.f64}}", "1.5");
        ok("a message through its String()", "{{.msg}}", "seconds:12 nanos:5");
        ok("a nil message", "{{.nilmsg}}", "<nil>");
        fails("a field of a nil pointer", "{{.nilmsg.process}}",
            "template: t:1:2: executing \"t\" at <.nilmsg.process>: nil pointer evaluating *v1beta1.Workload.process");
        fails("an unknown field of a nil pointer", "{{.nilmsg.nope}}", "can't evaluate field nope in type *v1beta1.Workload");
        fails("a field of a string", "{{.s.x}}", "can't evaluate field x in type string");
        fails("an unknown message field", "{{.msg.other}}", "can't evaluate field other in type *v1beta1.Timestamp");
        fails("a map key given arguments", "{{.s 1}}", "s is not a method but has arguments");
        return cases;
    }

    @TestFactory
    List<DynamicTest> constantsCommentsAndTrimming()
    {
        ok("quoted string with escapes", "{{\"a\\tb\"}}", "a\tb");
        ok("raw string", "{{`raw\\n`}}", "raw\\n");
        ok("character constant is an int", "{{'a'}}", "97");
        ok("integer syntaxes", "{{0x1F}} {{1_000}} {{0o17}} {{017}} {{0b101}}", "31 1000 15 15 5");
        ok("floats and negatives", "{{1.5}} {{1e3}} {{-2}}", "1.5 1000 -2");
        ok("booleans", "{{true}} {{false}}", "true false");
        fails("nil is not a command", "{{nil}}", "nil is not a command");
        ok("nil as an argument", "{{print nil}}", "<nil>");
        ok("comment", "a {{/* comment */}} b", "a  b");
        ok("trimmed comment", "a {{- /* c */ -}} b", "ab");
        ok("trim markers eat all white space", "a  \n {{- .s -}} \n  b", "ahellob");
        ok("Go's trim example", "{{23 -}} < {{- 45}}", "23<45");
        ok("a minus without space is a number", "{{-3}}", "-3");
        return cases;
    }

    @TestFactory
    List<DynamicTest> pipelinesAndVariables()
    {
        ok("pipe into printf", "{{.s | printf \"%s!\"}}", "hello!");
        ok("the piped value is the last argument", "{{\"x\" | printf \"%s-%s\" \"y\"}}", "y-x");
        ok("parenthesised pipeline", "{{(len .list)}}", "3");
        ok("fields of a parenthesised pipeline", "{{(.nested).inner.x}}", "deep");
        ok("pipeline as argument", "{{len (print \"ab\" \"cd\")}}", "4");
        ok("chained pipes", "{{.s | len | printf \"%d\"}}", "5");
        fails("constant in a later stage", "{{\"a\" | \"b\"}}", "non executable command in pipeline stage 2");
        ok("declaration prints nothing", "{{$x := .s}}{{$x}}", "hello");
        ok("assignment", "{{$x := 1}}{{$x = 2}}{{$x}}", "2");
        ok("$ is the data", "{{with .nested}}{{$.s}} {{.inner.x}}{{end}}", "hello deep");
        ok("an inner declaration shadows until end", "{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}} {{$x}}", "2 1");
        ok("an assignment reaches the outer variable", "{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}", "2");
        fails("undefined variable", "{{$y}}", "undefined variable \"$y\"");
        fails("a variable does not outlive its end", "{{if true}}{{$z := 1}}{{end}}{{$z}}", "undefined variable \"$z\"");
        ok("variable fields", "{{$n := .nested}}{{$n.inner.x}}", "deep");
        return cases;
    }

    @TestFactory
    List<DynamicTest> ifWithAndTruth()
    {
        ok("if", "{{if .t}}yes{{end}}", "yes");
        ok("if else", "{{if .f}}yes{{else}}no{{end}}", "no");
        ok("else if", "{{if .zero}}a{{else if .n}}b{{else}}c{{end}}", "b");
        ok("false, 0, nil and empty are false; structs and non-empty values true",
            "{{if .empty}}1{{end}}{{if .emptyList}}2{{end}}{{if .emptyMap}}3{{end}}{{if .missing}}4{{end}}"
                + "{{if .nilmsg}}5{{end}}{{if .zero}}6{{end}}{{if .msg}}7{{end}}{{if .list}}8{{end}}{{if .f}}9{{end}}", "78");
        ok("with sets dot", "{{with .s}}[{{.}}]{{end}}", "[hello]");
        ok("with else", "{{with .empty}}x{{else}}none{{end}}", "none");
        ok("else with", "{{with .empty}}x{{else with .s}}{{.}}{{end}}", "hello");
        ok("with declaring", "{{with $v := .n}}{{$v}}{{end}}", "3");
        return cases;
    }

    @TestFactory
    List<DynamicTest> range()
    {
        ok("over a list", "{{range .list}}<{{.}}>{{end}}", "<a><b><c>");
        ok("index and element", "{{range $i, $v := .list}}{{$i}}={{$v}} {{end}}", "0=a 1=b 2=c ");
        ok("over a map in key order", "{{range $k, $v := .m}}{{$k}}:{{$v}},{{end}}", "a:1,b:2,c:3,");
        ok("else when empty", "{{range .emptyList}}x{{else}}empty{{end}}", "empty");
        ok("a missing value is empty", "{{range .missing}}x{{else}}none{{end}}", "none");
        ok("break", "{{range .list}}{{if eq . \"b\"}}{{break}}{{end}}{{.}}{{end}}", "a");
        ok("continue", "{{range .list}}{{if eq . \"b\"}}{{continue}}{{end}}{{.}}{{end}}", "ac");
        ok("over an integer (Go 1.22)", "{{range 3}}{{.}}{{end}}", "012");
        ok("over an integer with a variable", "{{range $i := 3}}{{$i}}{{end}}", "012");
        fails("an integer with two variables", "{{range $i, $v := 3}}{{end}}", "can't use 3 to iterate over more than one variable");
        fails("over a string", "{{range .s}}{{end}}", "range can't iterate over hello");
        fails("break outside range", "{{break}}", "{{break}} outside {{range}}");
        ok("element variable", "{{range $v := .list}}{{$v}}{{end}}", "abc");
        fails("range variables end with the range", "{{range $v := .list}}{{end}}{{$v}}", "undefined variable \"$v\"");
        return cases;
    }

    @TestFactory
    List<DynamicTest> defineTemplateAndBlock()
    {
        ok("define and call with data", "{{define \"T\"}}[{{.}}]{{end}}{{template \"T\" .s}}", "[hello]");
        ok("call without data", "{{define \"T\"}}x{{end}}{{template \"T\"}}", "x");
        ok("nested definitions", "{{define \"a\"}}A{{template \"b\" .}}{{end}}{{define \"b\"}}B{{.}}{{end}}{{template \"a\" \"!\"}}",
            "AB!");
        ok("block defines and calls", "{{block \"B\" .s}}<{{.}}>{{end}}", "<hello>");
        fails("undefined template", "{{template \"nope\"}}", "template \"nope\" not defined");
        ok("a called template has its own $", "{{define \"T\"}}{{$}}{{end}}{{$x := 1}}{{template \"T\" \"d\"}}", "d");
        fails("runaway recursion", "{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\"}}",
            "exceeded maximum template depth (1000)");
        fails("two definitions", "{{define \"x\"}}a{{end}}{{define \"x\"}}b{{end}}", "multiple definition of template \"x\"");
        return cases;
    }

    @TestFactory
    List<DynamicTest> logicLengthIndexSlice()
    {
        ok("and returns the first false value", "{{and 1 0 2}}", "0");
        ok("and returns the last value", "{{and 1 2}}", "2");
        ok("or returns the first true value", "{{or 0 \"\" \"x\"}}", "x");
        ok("or returns the last value", "{{or 0 \"\"}}", "");
        ok("not", "{{not .t}} {{not .empty}}", "false true");
        ok("and short-circuits", "{{and .f .nilmsg.process}}", "false");
        ok("or short-circuits", "{{or .t .nilmsg.process}}", "true");
        fails("and needs an argument", "{{and}}", "wrong number of args for and: want at least 1 got 0");
        ok("len", "{{len .s}} {{len .list}} {{len .m}} {{len .bytes}}", "5 3 3 2");
        fails("len of an int", "{{len .n}}", "error calling len: len of type int");
        ok("index", "{{index .list 1}} {{index .m \"b\"}} {{index .s 0}}", "b 2 104");
        fails("index out of range", "{{index .list 5}}", "error calling index: index out of range: 5");
        ok("index of a missing key is the zero value", "{{index .m \"zz\"}}", "<no value>");
        ok("slice", "{{slice .s 1 3}} {{slice .list 1}} {{slice .list 0 2}}", "el [b c] [a b]");
        fails("slice bounds", "{{slice .s 3 1}}", "error calling slice: invalid slice index: 3 > 1");
        fails("call of a non-function", "{{call .s}}", "error calling call: non-function .s of type string");
        return cases;
    }

    @TestFactory
    List<DynamicTest> printAndPrintf()
    {
        ok("print spaces operands when neither is a string", "{{print \"a\" 1 2 \"b\"}}", "a1 2b");
        ok("println", "{{println \"a\" 1}}", "a 1\n");
        ok("print of a missing value", "{{print .missing}}", "<nil>");
        ok("integer flags and widths", "{{printf \"%d|%5d|%-5d|%05d|%+d|% d\" 42 42 42 42 42 42}}", "42|   42|42   |00042|+42| 42");
        ok("integer bases", "{{printf \"%x %X %o %b %O %#x %#o\" 255 255 8 5 8 255 8}}", "ff FF 10 101 0o10 0xff 010");
        ok("negative hex", "{{printf \"%x\" -255}}", "-ff");
        ok("characters", "{{printf \"%c %q %U\" 65 65 65}}", "A 'A' U+0041");
        ok("strings", "{{printf \"%s|%q|%10s|%-10s|%.2s\" \"go\" \"go\" \"go\" \"go\" \"golang\"}}",
            "go|\"go\"|        go|go        |go");
        ok("hex of a string", "{{printf \"%x\" \"hi\"}}", "6869");
        ok("booleans", "{{printf \"%t %v\" true false}}", "true false");
        ok("floats", "{{printf \"%f %.2f %5.2f %e %g %G\" 3.14159 3.14159 3.14159 1234.5678 0.000012 1e21}}",
            "3.141590 3.14  3.14 1.234568e+03 1.2e-05 1E+21");
        ok("float widths", "{{printf \"%6.2f|%-8.3f|%08.3f\" 3.14159 2.5 -3.14159}}", "  3.14|2.500   |-003.142");
        ok("%v of composites", "{{printf \"%v %v %v\" .list .m .msg}}", "[a b c] map[a:1 b:2 c:3] seconds:12 nanos:5");
        ok("%+v of a map", "{{printf \"%+v\" .m}}", "map[a:1 b:2 c:3]");
        ok("%q of a list", "{{printf \"%q\" .list}}", "[\"a\" \"b\" \"c\"]");
        ok("%T", "{{printf \"%T %T %T %T\" 1 \"s\" .u .list}}", "int string uint32 []interface {}");
        ok("bad verb", "{{printf \"%d\" \"x\"}}", "%!d(string=x)");
        ok("missing argument", "{{printf \"%d %d\" 1}}", "1 %!d(MISSING)");
        ok("extra argument", "{{printf \"%d\" 1 2}}", "1%!(EXTRA int=2)");
        ok("percent", "{{printf \"100%%\"}}", "100%");
        ok("no verb", "{{printf \"%\"}}", "%!(NOVERB)");
        ok("nil with %s", "{{printf \"%s\" .missing}}", "%!s(<nil>)");
        ok("argument indexes", "{{printf \"%[2]d %[1]d\" 1 2}}", "2 1");
        return cases;
    }

    @TestFactory
    List<DynamicTest> comparisons()
    {
        ok("eq, eq against several, ne", "{{eq .s \"hello\"}} {{eq .n 1 2 3}} {{ne .n 3}}", "true true false");
        ok("integers of different signedness compare", "{{eq .u 7}} {{lt .neg .u}} {{gt .big 1}}", "true true true");
        ok("ordering", "{{lt \"a\" \"b\"}} {{le 2 2}} {{ge 1 2}} {{gt 2.5 1.5}}", "true true false true");
        fails("incompatible types", "{{eq .s 1}}", "error calling eq: incompatible types for comparison: string and int");
        fails("booleans do not order", "{{lt true false}}", "error calling lt: invalid type for comparison");
        ok("missing and nil", "{{eq .missing \"x\"}} {{eq .missing nil}} {{eq .nilmsg nil}}", "false true true");
        fails("eq needs two values", "{{eq .n}}", "error calling eq: missing argument for comparison");
        return cases;
    }

    @TestFactory
    List<DynamicTest> escapers()
    {
        ok("html", "{{html .html}}", "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
        ok("js", "{{js \"it's <b> & \\\"q\\\" = \\\\\"}}", "it\\'s \\u003Cb\\u003E \\u0026 \\\"q\\\" \\u003D \\\\");
        ok("urlquery", "{{urlquery \"a b&c=d/é\"}}", "a+b%26c%3Dd%2F%C3%A9");
        ok("escapers print a missing value as Go's evalArgs does", "{{html .missing}}", "&lt;no value&gt;");
        return cases;
    }

    @TestFactory
    List<DynamicTest> sprig()
    {
        ok("default", "{{default \"d\" .missing}} {{default \"d\" .empty}} {{default \"d\" .s}} {{.missing | default \"p\"}} "
            + "{{default \"d\" .zero}}", "d d hello p d");
        ok("upper lower trim", "{{upper .s}} {{lower \"ÀB\"}} [{{trim \"  x y \\n\"}}]", "HELLO àb [x y]");
        ok("replace OLD NEW SRC", "{{replace \"l\" \"L\" .s}} {{\"aaa\" | replace \"a\" \"b\"}}", "heLLo bbb");
        ok("contains SUBSTR STR, hasPrefix, hasSuffix",
            "{{contains \"ell\" .s}} {{hasPrefix \"he\" .s}} {{hasSuffix \"lo\" .s}} {{contains \"z\" .s}}", "true true true false");
        ok("join SEP LIST", "{{join \", \" .list}}", "a, b, c");
        ok("split SEP STR is a map of _0, _1...", "{{$p := split \"/\" \"a/b/c\"}}{{$p._0}} {{$p._2}} {{len $p}}", "a c 3");
        ok("split's keys range in Go's order", "{{range $k, $v := split \",\" \"a,b,c,d,e,f,g,h,i,j,k\"}}{{$k}}={{$v}} {{end}}",
            "_0=a _1=b _10=k _2=c _3=d _4=e _5=f _6=g _7=h _8=i _9=j ");
        ok("toJson", "{{toJson .m}} {{toJson .list}} {{toJson .msg}} {{toJson .bytes}} {{toJson .missing}}",
            "{\"a\":1,\"b\":2,\"c\":3} [\"a\",\"b\",\"c\"] {\"seconds\":12,\"nanos\":5} \"aGk=\" null");
        ok("toJson escapes as Go", "{{toJson .html}}", "\"\\u003ca href='x'\\u003e\\u0026\\u003c/a\\u003e\"");
        ok("date FORMAT TIME with Go layouts", "{{date \"2006-01-02 15:04:05 MST\" .secs}}|{{date \"Jan 2, 2006 3:04PM\" .secs}}"
            + "|{{date \"02/01/06 .000 Z07:00\" .secs}}", "2024-11-24 13:20:00 UTC|Nov 24, 2024 1:20PM|24/11/24 .000 Z");
        ok("now is a time.Time", "{{printf \"%T\" now}} {{now | date \"2006\"}}", "time.Time " + Year.now(ZoneOffset.UTC));
        ok("quote", "{{quote \"a\" 1 .missing \"b\\\"c\"}}", "\"a\" \"1\" \"b\\\"c\"");
        return cases;
    }

    @TestFactory
    List<DynamicTest> parseErrorsNameLineAndColumn()
    {
        fails("unclosed action", "x\n{{.s", "template: t:2:4: unclosed action");
        fails("unclosed if", "{{if .t}}x", "unexpected EOF");
        fails("stray end", "{{end}}", "unexpected {{end}}");
        fails("unknown function", "ab {{nofunc}}", "template: t:1:5: function \"nofunc\" not defined");
        fails("unterminated string", "{{\"abc}}", "unterminated quoted string");
        fails("a printable character alone", "{{.s # }}", "template: t:1:5: unexpected \"#\" in operand");
        fails("bad character", "{{.s \u0001 }}", "unrecognized character in action: U+0001");
        fails("unexpected right paren", "{{.s ) }}", "unexpected right paren");
        return cases;
    }
}
