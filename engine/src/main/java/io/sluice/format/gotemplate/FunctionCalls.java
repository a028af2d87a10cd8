package io.sluice.format.gotemplate;

/**
 * Calls a function as Go's {@code evalCall} does: checks the number of arguments, short-circuits {@code and} and
 * {@code or} (returning the deciding value), evaluates the arguments into stack cells (the piped value last), then
 * runs the builtin or Sprig function; a function's error becomes {@code error calling NAME: ...}.
 */
final class FunctionCalls
{
    private final ValueStack stack;
    private final ExecutionErrors errors;
    private final Builtins builtins;
    private final SprigFunctions sprig;

    FunctionCalls(final ValueStack stack, final ExecutionErrors errors, final Builtins builtins, final SprigFunctions sprig)
    {
        this.stack = stack;
        this.errors = errors;
        this.builtins = builtins;
        this.sprig = sprig;
    }

    /**
     * @param node the command (or the function operand used as an argument), for errors.
     * @param args the command's operands, the function first; null when the function is an argument itself.
     * @param last the previous command's value in the pipeline, or null.
     */
    void call(final Evaluator evaluator, final Value dot, final int function, final Positioned node, final Operand[] args,
        final Value last, final Value out)
    {
        final int given = args == null ? 0 : args.length - 1;
        final int count = given + (last == null ? 0 : 1);
        final int fixed = Functions.fixed(function);
        final String name = Functions.name(function);
        if (Functions.variadic(function) ? count < fixed : count != fixed)
        {
            throw errors.error("wrong number of args for " + name + ": want " + (Functions.variadic(function) ? "at least " : "")
                + fixed + " got " + (Functions.variadic(function) ? given : count));
        }
        if (function == Functions.AND || function == Functions.OR)
        {
            andOr(evaluator, dot, function == Functions.OR, args, last, out);
            return;
        }
        final int mark = stack.mark();
        final int base = mark;
        for (int i = 0; i < given; i++)
        {
            evaluator.argument(dot, args[i + 1], Evaluator.parameterType(function, i), stack.push());
        }
        if (last != null)
        {
            final Value piped = stack.push().set(last);
            if (Evaluator.parameterType(function, given) != 0)
            {
                evaluator.checkString(piped);
            }
        }
        errors.at(node);
        try
        {
            if (function == Functions.CALL)
            {
                throw new CallFailure(stack.get(base).kind == Value.NIL ? "call of nil"
                    : "non-function " + args[1].text + " of type " + stack.get(base).typeName());
            }
            if (function < Functions.DEFAULT)
            {
                builtins.call(function, base, count, out);
            }
            else
            {
                sprig.call(function, base, count, out);
            }
        }
        catch (final CallFailure failure)
        {
            throw errors.error("error calling " + name + ": " + failure.getMessage());
        }
        finally
        {
            stack.release(mark);
        }
    }

    private void andOr(final Evaluator evaluator, final Value dot, final boolean or, final Operand[] args, final Value last,
        final Value out)
    {
        final int given = args == null ? 0 : args.length - 1;
        for (int i = 0; i < given; i++)
        {
            evaluator.argument(dot, args[i + 1], 0, out);
            if (out.truth() == or)
            {
                return;
            }
        }
        if (last != null)
        {
            out.set(last);
        }
    }
}
