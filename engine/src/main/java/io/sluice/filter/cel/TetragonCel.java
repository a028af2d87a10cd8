package io.sluice.filter.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.sluice.cel.CelPaths;
import io.sluice.codec.catalog.EventCatalog;
import io.sluice.policy.EventView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code cel_expression} value (a list of expressions, any of which may match), compiled as Tetragon's
 * {@code CELExpressionFilter} compiles it: each expression must type-check to a bool over the event fields of
 * {@code GetEventsResponse} ({@code process_exec}, {@code process_kprobe} ...), and is evaluated only on an event of one
 * of the fields it names; an evaluation error is a no-match (Tetragon logs it). Evaluating builds the event's message
 * (it allocates); an event of no field an expression names is answered without evaluating anything.
 */
public final class TetragonCel
{
    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true)
        .enableUnsignedLongs(true).build();
    private static final Map<String, Object> ABSENT = Map.of();

    private final CelRuntime.Program[] programs;
    /** Per program: the event fields it names. */
    private final String[][] names;
    private final TetragonEventMap messages;
    private final EventCatalog catalog;
    private final Map<String, Object> activation = new HashMap<>();

    /**
     * @param expressions the filter's expressions.
     * @param catalog     the event catalog.
     * @throws IllegalArgumentException naming the expression and what is wrong with it.
     */
    public TetragonCel(final List<String> expressions, final EventCatalog catalog)
    {
        final CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS)
            .setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS);
        TetragonTypes.EVENTS.keySet().forEach(name -> builder.addVar(name, MapType.create(SimpleType.STRING, SimpleType.DYN)));
        final CelCompiler compiler = builder.build();
        final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
        this.catalog = catalog;
        this.messages = new TetragonEventMap(catalog);
        programs = new CelRuntime.Program[expressions.size()];
        names = new String[expressions.size()][];
        for (int i = 0; i < programs.length; i++)
        {
            final String expression = expressions.get(i);
            try
            {
                final CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
                if (!ast.getResultType().equals(SimpleType.BOOL) && !ast.getResultType().equals(SimpleType.DYN))
                {
                    throw new IllegalArgumentException("'" + expression + "': got " + ast.getResultType().name() + ", wanted bool result type");
                }
                final String unknown = CelPaths.unknown(ast, TetragonTypes.EVENTS);
                if (unknown != null)
                {
                    throw new IllegalArgumentException("'" + expression + "': no such field: " + unknown);
                }
                names[i] = named(ast);
                programs[i] = runtime.createProgram(ast);
            }
            catch (final CelValidationException | CelEvaluationException ex)
            {
                throw new IllegalArgumentException("'" + expression + "': " + ex.getMessage().replace('\n', ' '), ex);
            }
        }
        TetragonTypes.EVENTS.keySet().forEach(name -> activation.put(name, ABSENT));
    }

    /**
     * @param event a decoded event.
     * @return true when one of the expressions is true for it.
     */
    public boolean matches(final EventView event)
    {
        final String[] filled = messages.variables(event.eventId());
        for (int p = 0; p < programs.length; p++)
        {
            if (names(filled, names[p]) && evaluate(programs[p], event, filled))
            {
                return true;
            }
        }
        return false;
    }

    private boolean evaluate(final CelRuntime.Program program, final EventView event, final String[] filled)
    {
        final String name = catalog.byId(event.eventId()).name();
        for (final String variable : filled)
        {
            activation.put(variable, messages.message(variable, event, name));
        }
        try
        {
            return Boolean.TRUE.equals(program.eval(activation));
        }
        catch (final CelEvaluationException | RuntimeException ex)
        {
            return false;
        }
        finally
        {
            for (final String variable : filled)
            {
                activation.put(variable, ABSENT);
            }
        }
    }

    private static boolean names(final String[] filled, final String[] named)
    {
        for (final String variable : filled)
        {
            for (final String name : named)
            {
                if (name.equals(variable))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /** The event fields an expression reads (Tetragon reads them from the checked AST's types). */
    private static String[] named(final CelAbstractSyntaxTree ast)
    {
        final Set<String> named = new LinkedHashSet<>(CelPaths.identifiers(ast));
        named.retainAll(TetragonTypes.EVENTS.keySet());
        return new ArrayList<>(named).toArray(new String[0]);
    }
}
