package io.sluice.detect.yaml;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelKind;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.sluice.codec.catalog.ArgType;
import io.sluice.codec.sbe.ValueType;
import io.sluice.policy.EventView;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One of {@code output.fields}, compiled: its CEL program, and, when the expression is a plain copy
 * ({@code getEventData("pathname")}, {@code workload.container.id}), a copy straight from the decoded event that
 * allocates nothing; the program runs (and allocates) only when the copy cannot give the declared type. Its last value
 * is kept in reused arrays until the detection is written.
 */
final class OutputField
{
    private static final java.util.regex.Pattern GET_DATA = java.util.regex.Pattern.compile("getEventData\\(\"([^\"\\\\]+)\"\\)");

    final byte[] name;
    final ArgType type;
    final boolean optional;
    private static final Set<CelKind> SCALARS =
        EnumSet.of(CelKind.BOOL, CelKind.BYTES, CelKind.DOUBLE, CelKind.INT, CelKind.STRING, CelKind.UINT);

    private final CelRuntime.Program program;
    private final TraceeCel cel;
    private final byte[] dataName;
    private final WorkloadField workload;
    int valueType;
    long intValue;
    byte[] value = new byte[64];
    int valueLength;

    OutputField(final String name, final ArgType type, final boolean optional, final String expression, final TraceeCel cel)
    {
        this.name = name.getBytes(StandardCharsets.UTF_8);
        this.type = type;
        this.optional = optional;
        this.cel = cel;
        final CelKind kind = cel.kindOf(expression.strip());
        if (contradicts(type, kind))
        {
            throw new IllegalArgumentException("its value is of type " + kind.name().toLowerCase(Locale.ROOT) +
                ", the field is declared " + type.name().toLowerCase(Locale.ROOT) + " (it would never be filled)");
        }
        this.program = cel.compile(expression.strip(), null);
        final java.util.regex.Matcher data = GET_DATA.matcher(expression.strip());
        this.dataName = data.matches() ? data.group(1).getBytes(StandardCharsets.UTF_8) : null;
        this.workload = WorkloadField.of(expression.strip());
    }

    /**
     * @param event the trigger.
     * @return true when the value was computed (else the field is left out, or, when required, no event is raised).
     */
    boolean compute(final EventView event)
    {
        valueType = type.valueType().value();
        valueLength = 0;
        intValue = 0;
        if (dataName != null && copyData(event))
        {
            return true;
        }
        if (workload != null && workload.copy(event, this))
        {
            return true;
        }
        try
        {
            return convert(cel.eval(program, event));
        }
        catch (final CelEvaluationException | RuntimeException ex)
        {
            return false;
        }
    }

    private boolean copyData(final EventView event)
    {
        final int i = event.dataIndex(dataName);
        if (i < 0)
        {
            return false;
        }
        final ValueType found = event.dataType(i);
        final boolean text = found == ValueType.STR && type == ArgType.STR || found == ValueType.BYTES && type == ArgType.BYTES;
        if (text)
        {
            bytes(event.dataValue(i), event.dataValueLength(i));
            return true;
        }
        if (found == type.valueType() && !isText(type))
        {
            intValue = event.dataInt(i);
            return true;
        }
        return false;
    }

    /**
     * True when the checker already knows the expression's value cannot fill the field (a dynamic value, a wrapper
     * or a message is decided per event).
     */
    private static boolean contradicts(final ArgType type, final CelKind kind)
    {
        if (!SCALARS.contains(kind))
        {
            return false;
        }
        return switch (type)
        {
            case STR -> kind != CelKind.STRING;
            case BYTES -> kind != CelKind.BYTES;
            case BOOL -> kind != CelKind.BOOL;
            case INT32, INT64, U_INT32, U_INT64 -> kind != CelKind.INT && kind != CelKind.UINT;
            default -> false;
        };
    }

    private static boolean isText(final ArgType type)
    {
        return type == ArgType.STR || type == ArgType.BYTES;
    }

    void bytes(final byte[] source, final int length)
    {
        if (value.length < length)
        {
            value = new byte[Math.max(length, value.length * 2)];
        }
        System.arraycopy(source, 0, value, 0, length);
        valueLength = length;
    }

    private boolean convert(final Object result)
    {
        switch (type)
        {
            case STR:
                if (!(result instanceof String text))
                {
                    return false;
                }
                final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                bytes(utf8, utf8.length);
                return true;
            case BYTES:
                if (result instanceof com.google.protobuf.ByteString bytes)
                {
                    bytes(bytes.toByteArray(), bytes.size());
                    return true;
                }
                return false;
            case BOOL:
                if (!(result instanceof Boolean flag))
                {
                    return false;
                }
                intValue = flag ? 1 : 0;
                return true;
            default:
                if (result instanceof Long number)
                {
                    intValue = number;
                    return true;
                }
                if (result instanceof UnsignedLong number)
                {
                    intValue = number.longValue();
                    return true;
                }
                return false;
        }
    }
}
