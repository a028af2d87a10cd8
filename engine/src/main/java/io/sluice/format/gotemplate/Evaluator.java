package io.sluice.format.gotemplate;

/**
 * Evaluates pipelines, commands and their operands into {@link Value} cells, as Go's {@code text/template} does
 * ({@code evalPipeline}, {@code evalCommand}, {@code evalField}, {@code evalArg}, {@code evalCall}): field chains walk
 * the {@link TemplateData} by id, missing map keys give no value, a field of a nil message is an error, constants
 * are the values made at parse time. Errors carry Go's message and the node being evaluated.
 */
final class Evaluator
{
    private static final int ANY = 0;
    private static final int STRING = 1;

    private final ValueStack stack;
    private final ExecutionErrors errors;
    private final FunctionCalls calls;
    private int frame;

    Evaluator(final ValueStack stack, final ExecutionErrors errors, final FunctionCalls calls)
    {
        this.stack = stack;
        this.errors = errors;
        this.calls = calls;
    }

    int frame()
    {
        return frame;
    }

    void frame(final int base)
    {
        frame = base;
    }

    Value variable(final int slot)
    {
        return stack.get(frame + slot);
    }

    /**
     * Evaluates a pipeline into {@code out}, then sets the variables it declares or assigns.
     */
    void pipeline(final Value dot, final Pipeline pipe, final Value out)
    {
        errors.at(pipe);
        final int mark = stack.mark();
        Value last = null;
        for (final Command command : pipe.commands)
        {
            final Value result = stack.push();
            command(dot, command, last, result);
            last = result;
        }
        out.set(last);
        stack.release(mark);
        for (final int slot : pipe.slots)
        {
            variable(slot).set(out);
        }
    }

    private void command(final Value dot, final Command command, final Value last, final Value out)
    {
        final Operand first = command.args[0];
        switch (first.kind)
        {
            case Operand.FIELD ->
            {
                errors.at(first);
                fieldChain(dot, first.fields, command.args, last, out.set(dot));
            }
            case Operand.CHAIN ->
            {
                errors.at(first);
                chain(dot, first, command.args, last, out);
            }
            case Operand.FUNCTION ->
            {
                errors.at(first);
                calls.call(this, dot, first.function, command, command.args, last, out);
            }
            case Operand.PIPE ->
            {
                notAFunction(command.args, last);
                pipeline(dot, first.pipe, out);
            }
            case Operand.VARIABLE ->
            {
                errors.at(first);
                if (first.fields == null)
                {
                    notAFunction(command.args, last);
                    out.set(variable(first.slot));
                }
                else
                {
                    out.set(variable(first.slot));
                    fieldChain(dot, first.fields, command.args, last, out);
                }
            }
            default ->
            {
                errors.at(first);
                notAFunction(command.args, last);
                word(dot, first, out);
            }
        }
    }

    private void word(final Value dot, final Operand word, final Value out)
    {
        switch (word.kind)
        {
            case Operand.DOT -> out.set(dot);
            case Operand.NIL -> throw errors.error("nil is not a command");
            default -> constant(word, out);
        }
    }

    private void constant(final Operand word, final Value out)
    {
        if (word.constant == null)
        {
            throw errors.error(word.text + " overflows int");
        }
        out.set(word.constant);
    }

    private void notAFunction(final Operand[] args, final Value last)
    {
        if (args.length > 1 || last != null)
        {
            throw errors.error("can't give argument to non-function " + args[0].text);
        }
    }

    private void chain(final Value dot, final Operand chain, final Operand[] args, final Value last, final Value out)
    {
        if (chain.receiver.kind == Operand.NIL)
        {
            throw errors.error("indirection through explicit nil in " + chain.text);
        }
        argument(dot, chain.receiver, ANY, out);
        errors.at(chain);
        fieldChain(dot, chain.fields, args, last, out);
    }

    /**
     * Walks {@code .a.b.c} from the receiver in {@code out}, leaving the last field's value there.
     */
    private void fieldChain(final Value dot, final FieldStep[] fields, final Operand[] args, final Value last, final Value out)
    {
        final int n = fields.length;
        for (int i = 0; i < n - 1; i++)
        {
            field(out, fields[i], false);
        }
        field(out, fields[n - 1], (args != null && args.length > 1) || last != null);
    }

    /**
     * Go's {@code evalField}: the receiver in {@code cell} is replaced by its field.
     */
    private void field(final Value cell, final FieldStep field, final boolean hasArgs)
    {
        switch (cell.kind)
        {
            case Value.NIL ->
            {
                // a missing key's value: its fields are missing too
            }
            case Value.MESSAGE ->
            {
                if (cell.nil)
                {
                    if (cell.data.hasField(cell.handle, field))
                    {
                        throw errors.error("nil pointer evaluating " + cell.typeName() + "." + field.name);
                    }
                    throw errors.error("can't evaluate field " + field.name + " in type " + cell.typeName());
                }
                if (hasArgs && cell.data.hasField(cell.handle, field))
                {
                    throw errors.error(field.name + " has arguments but cannot be invoked as function");
                }
                final long message = cell.handle;
                final TemplateData data = cell.data;
                if (!data.field(message, field, cell))
                {
                    throw errors.error("can't evaluate field " + field.name + " in type " + data.typeName(message));
                }
            }
            case Value.MAP ->
            {
                if (hasArgs)
                {
                    throw errors.error(field.name + " is not a method but has arguments");
                }
                if (cell.nil || !cell.data.lookup(cell.handle, field.bytes, 0, field.bytes.capacity(), cell))
                {
                    cell.setNil();
                }
            }
            default -> throw errors.error("can't evaluate field " + field.name + " in type " + cell.typeName());
        }
    }

    /**
     * Go's {@code evalArg}: an argument for a parameter of type {@code interface{}}/{@code reflect.Value} or
     * {@code string}.
     *
     * @param type {@link #ANY} or {@link #STRING}.
     */
    void argument(final Value dot, final Operand arg, final int type, final Value out)
    {
        errors.at(arg);
        switch (arg.kind)
        {
            case Operand.DOT -> out.set(dot);
            case Operand.NIL ->
            {
                if (type == STRING)
                {
                    throw errors.error("cannot assign nil to string");
                }
                out.setNil();
            }
            case Operand.FIELD -> fieldChain(dot, arg.fields, null, null, out.set(dot));
            case Operand.VARIABLE ->
            {
                out.set(variable(arg.slot));
                if (arg.fields != null)
                {
                    fieldChain(dot, arg.fields, null, null, out);
                }
            }
            case Operand.PIPE -> pipeline(dot, arg.pipe, out);
            case Operand.FUNCTION -> calls.call(this, dot, arg.function, arg, null, null, out);
            case Operand.CHAIN -> chain(dot, arg, null, null, out);
            default ->
            {
                if (type == STRING && arg.kind != Operand.STRING)
                {
                    throw errors.error("expected string; found " + arg.text);
                }
                constant(arg, out);
                return;
            }
        }
        if (type == STRING)
        {
            checkString(out);
        }
    }

    /**
     * Go's {@code validateType} for a {@code string} parameter.
     */
    void checkString(final Value value)
    {
        if (value.kind == Value.NIL)
        {
            throw errors.error("invalid value; expected string");
        }
        if (value.kind != Value.STRING)
        {
            throw errors.error("wrong type for value; expected string; got " + value.typeName());
        }
    }

    /**
     * @param function  a function id.
     * @param index     a parameter position.
     * @return {@link #STRING} when that parameter is a Go string, else {@link #ANY}.
     */
    static int parameterType(final int function, final int index)
    {
        return Functions.stringParameter(function, index) ? STRING : ANY;
    }

    ExecutionErrors errors()
    {
        return errors;
    }
}
