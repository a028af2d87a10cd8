package io.sluice.detect.yaml;

import com.google.common.primitives.UnsignedLong;
import com.google.protobuf.ByteString;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.sluice.cel.CelPaths;
import io.sluice.policy.EventView;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tracee's YAML detector CEL environment ({@code pkg/detectors/yaml/cel_env.go}, {@code cel_strings.go}): the
 * {@code workload} and {@code timestamp} variables, {@code getEventData} and {@code hasData} on the event being
 * evaluated, the string helpers ({@code split}, {@code join}, {@code trim}, {@code replace}, {@code upper},
 * {@code lower}, {@code basename}, {@code dirname}) and the shared {@code string_list}s as variables. One environment
 * per load; it evaluates on the ingest thread only (it holds the event being evaluated).
 */
final class TraceeCel
{
    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true)
        .enableUnsignedLongs(true).build();

    private final CelCompiler compiler;
    private final CelRuntime runtime;
    private final Map<String, Object> variables = new HashMap<>();
    private EventView current;

    /**
     * @param lists the shared lists by name.
     */
    TraceeCel(final Map<String, List<String>> lists)
    {
        final CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS)
            .setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS)
            .addVar("workload", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("timestamp", SimpleType.TIMESTAMP)
            .addFunctionDeclarations(
                global("getEventData", SimpleType.DYN, SimpleType.STRING),
                global("hasData", SimpleType.BOOL, SimpleType.STRING),
                global("split", ListType.create(SimpleType.STRING), SimpleType.STRING, SimpleType.STRING),
                global("join", SimpleType.STRING, ListType.create(SimpleType.STRING), SimpleType.STRING),
                global("trim", SimpleType.STRING, SimpleType.STRING),
                global("replace", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, SimpleType.STRING),
                global("upper", SimpleType.STRING, SimpleType.STRING),
                global("lower", SimpleType.STRING, SimpleType.STRING),
                global("basename", SimpleType.STRING, SimpleType.STRING),
                global("dirname", SimpleType.STRING, SimpleType.STRING));
        lists.forEach((name, values) ->
        {
            builder.addVar(name, ListType.create(SimpleType.STRING));
            variables.put(name, values);
        });
        compiler = builder.build();
        runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).addFunctionBindings(
            CelFunctionBinding.from("getEventData_string", String.class, this::data),
            CelFunctionBinding.from("hasData_string", String.class, name -> current.dataIndex(utf8(name)) >= 0),
            CelFunctionBinding.from("split_string_string", String.class, String.class,
                (text, delimiter) -> List.of(text.split(java.util.regex.Pattern.quote(delimiter), -1))),
            CelFunctionBinding.from("join_list_string", List.class, String.class,
                (list, delimiter) -> String.join(delimiter, (List<String>)list)),
            CelFunctionBinding.from("trim_string", String.class, String::strip),
            CelFunctionBinding.from("replace_string_string_string", List.of(String.class, String.class, String.class),
                args -> ((String)args[0]).replace((String)args[1], (String)args[2])),
            CelFunctionBinding.from("upper_string", String.class, text -> text.toUpperCase(java.util.Locale.ROOT)),
            CelFunctionBinding.from("lower_string", String.class, text -> text.toLowerCase(java.util.Locale.ROOT)),
            CelFunctionBinding.from("basename_string", String.class, TraceeCel::basename),
            CelFunctionBinding.from("dirname_string", String.class, TraceeCel::dirname)).build();
    }

    /**
     * @param expression an expression.
     * @return the kind of value the checker says it has ({@code DYN} when it cannot tell before an event).
     * @throws IllegalArgumentException with the compiler's message.
     */
    CelKind kindOf(final String expression)
    {
        try
        {
            return compiler.compile(expression).getAst().getResultType().kind();
        }
        catch (final CelValidationException ex)
        {
            throw new IllegalArgumentException(ex.getMessage().replace('\n', ' '), ex);
        }
    }

    /**
     * @param expression a CEL expression.
     * @param result     the type it must have (BOOL for a condition), or null for any.
     * @return its program.
     * @throws IllegalArgumentException with the compiler's message, or naming a field {@code workload} does not have.
     */
    CelRuntime.Program compile(final String expression, final CelType result)
    {
        try
        {
            final CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
            if (result != null && !ast.getResultType().equals(result) && !ast.getResultType().equals(SimpleType.DYN))
            {
                throw new IllegalArgumentException("the expression is " + ast.getResultType().name() + ", expected " + result.name());
            }
            final String unknown = CelPaths.unknown(ast, Map.of("workload", TraceeWorkload.TYPE));
            if (unknown != null)
            {
                throw new IllegalArgumentException("no such field: " + unknown + " (Tracee's Workload has no such field, or Sluice "
                    + "does not know it)");
            }
            return runtime.createProgram(ast);
        }
        catch (final CelValidationException ex)
        {
            throw new IllegalArgumentException(ex.getMessage().replace('\n', ' '), ex);
        }
        catch (final CelEvaluationException ex)
        {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
    }

    /**
     * @param program a program of this environment.
     * @param event   the event it reads.
     * @return its value.
     * @throws CelEvaluationException when it cannot be computed (a data field the event does not have ...).
     */
    Object eval(final CelRuntime.Program program, final EventView event) throws CelEvaluationException
    {
        current = event;
        variables.put("workload", TraceeWorkload.of(event));
        final long nanos = event.timestampNanos();
        variables.put("timestamp", com.google.protobuf.Timestamp.newBuilder().setSeconds(Math.floorDiv(nanos, 1_000_000_000L))
            .setNanos((int)Math.floorMod(nanos, 1_000_000_000L)).build());
        return program.eval(variables);
    }

    private Object data(final String name)
    {
        final int i = current.dataIndex(utf8(name));
        if (i < 0)
        {
            throw new IllegalArgumentException("the event has no data field " + name);
        }
        final byte[] value = current.dataValue(i);
        return switch (current.dataType(i))
        {
            case INT32, INT64 -> current.dataInt(i);
            case UINT32, UINT64 -> UnsignedLong.fromLongBits(current.dataInt(i));
            case BOOL -> current.dataInt(i) != 0;
            case STR -> new String(value, 0, current.dataValueLength(i), StandardCharsets.UTF_8);
            case BYTES -> ByteString.copyFrom(value, 0, current.dataValueLength(i));
            default -> throw new IllegalArgumentException("data field " + name + " is a " + current.dataType(i) + ", which CEL does not read");
        };
    }

    private static CelFunctionDecl global(final String name, final CelType result, final CelType... parameters)
    {
        final StringBuilder id = new StringBuilder(name);
        for (final CelType parameter : parameters)
        {
            id.append('_').append(parameter instanceof ListType ? "list" : parameter.name());
        }
        return CelFunctionDecl.newFunctionDeclaration(name, CelOverloadDecl.newGlobalOverload(id.toString(), result, parameters));
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String basename(final String path)
    {
        final String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.isEmpty() ? "." : trimmed.substring(trimmed.lastIndexOf('/') + 1).isEmpty() ? "/"
            : trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    static String dirname(final String path)
    {
        final int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash);
    }
}
