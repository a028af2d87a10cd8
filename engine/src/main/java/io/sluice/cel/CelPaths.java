package io.sluice.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Checks the field paths an expression selects ({@code workload.process.pid}, {@code process_exec.process.binary}) on
 * variables declared as maps, against the fields the real protobuf type has, so that a misspelt field is refused when
 * the expression is compiled, as Tracee's and Tetragon's type checker refuse it, and not answered false at run time.
 */
public final class CelPaths
{
    private CelPaths()
    {
    }

    /**
     * A field of a type: its sub-fields by name, or {@link #LEAF}.
     *
     * @param fields the fields by name.
     * @return the type.
     */
    public static Map<String, Object> type(final Object... fields)
    {
        final Map<String, Object> type = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2)
        {
            type.put((String)fields[i], fields[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(type);
    }

    /** A field without sub-fields (a scalar, a list or a map whose content is not checked). */
    public static final Map<String, Object> LEAF = Map.of();

    /**
     * @param ast   a checked expression.
     * @param roots the variables checked, each with its type ({@link #type}).
     * @return the first path that selects a field its type does not have ({@code workload.process.nam}), or null.
     */
    @SuppressWarnings("unchecked")
    public static String unknown(final CelAbstractSyntaxTree ast, final Map<String, Map<String, Object>> roots)
    {
        for (final CelNavigableExpr node : (Iterable<CelNavigableExpr>)CelNavigableAst.fromAst(ast).getRoot().allNodes()::iterator)
        {
            if (node.getKind() != CelExpr.ExprKind.Kind.SELECT)
            {
                continue;
            }
            final Deque<String> fields = new ArrayDeque<>();
            CelExpr expr = node.expr();
            while (expr.getKind() == CelExpr.ExprKind.Kind.SELECT)
            {
                fields.push(expr.select().field());
                expr = expr.select().operand();
            }
            if (expr.getKind() != CelExpr.ExprKind.Kind.IDENT || !roots.containsKey(expr.ident().name()))
            {
                continue;
            }
            final StringBuilder path = new StringBuilder(expr.ident().name());
            Map<String, Object> type = roots.get(expr.ident().name());
            for (final String field : fields)
            {
                path.append('.').append(field);
                if (type == LEAF)
                {
                    break;
                }
                if (!type.containsKey(field))
                {
                    return path.toString();
                }
                type = (Map<String, Object>)type.get(field);
            }
        }
        return null;
    }

    /**
     * @param ast a checked expression.
     * @return the names of the variables it reads, in order of first use.
     */
    @SuppressWarnings("unchecked")
    public static java.util.Set<String> identifiers(final CelAbstractSyntaxTree ast)
    {
        final java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (final CelNavigableExpr node : (Iterable<CelNavigableExpr>)CelNavigableAst.fromAst(ast).getRoot().allNodes()::iterator)
        {
            if (node.getKind() == CelExpr.ExprKind.Kind.IDENT)
            {
                names.add(node.expr().ident().name());
            }
        }
        return names;
    }
}
