package io.sluice.codec.testing;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.sluice.codec.wire.StructuredValue;
import io.sluice.proto.v1beta1.EventValue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Random instances of the structured {@code EventValue} members (IPv4, DNS, HTTP, Credentials, ...), filled through
 * protobuf's reflection so that every field of every message is exercised: unset fields, defaults, extreme numbers,
 * nasty text, unnamed enum numbers, empty and long repeated fields, maps with several keys, nested messages.
 */
public final class RandomMessages
{
    private static final int MAX_DEPTH = 4;
    private static final List<String> HEADER_NAMES = List.of("Accept", "Content-Type", "Host", "User-Agent", "X-Forwarded-For");

    private final Random random;
    private final IntFunction<String> text;
    private final boolean anyDouble;

    /**
     * @param random    the random source.
     * @param text      valid text of up to that many pieces.
     * @param anyDouble true for doubles of any bit pattern, false for seconds with a millisecond or nanosecond
     *                  fraction, zero, infinities and NaN, which the JDK formats without allocating.
     */
    public RandomMessages(final Random random, final IntFunction<String> text, final boolean anyDouble)
    {
        this.random = random;
        this.text = text;
        this.anyDouble = anyDouble;
    }

    /**
     * @param value the builder to set a random structured member on.
     * @return the builder.
     */
    EventValue.Builder member(final EventValue.Builder value)
    {
        final StructuredValue[] kinds = StructuredValue.values();
        final StructuredValue kind = kinds[random.nextInt(kinds.length)];
        final FieldDescriptor member = EventValue.getDescriptor().findFieldByNumber(kind.memberNumber());
        final Message.Builder message = value.newBuilderForField(member);
        fill(message, 0);
        return value.setField(member, message.build());
    }

    /**
     * @param kind a structured member.
     * @return a random message of that member's type.
     */
    public Message message(final StructuredValue kind)
    {
        final FieldDescriptor member = EventValue.getDescriptor().findFieldByNumber(kind.memberNumber());
        final Message.Builder message = EventValue.newBuilder().newBuilderForField(member);
        fill(message, 0);
        return message.build();
    }

    private void fill(final Message.Builder message, final int depth)
    {
        final Descriptor type = message.getDescriptorForType();
        for (final FieldDescriptor field : type.getFields())
        {
            if (random.nextInt(4) == 0)
            {
                continue; // left unset
            }
            if (field.isMapField())
            {
                map(message, field, depth);
            }
            else if (field.isRepeated())
            {
                final int n = random.nextInt(random.nextInt(10) == 0 ? 12 : 4);
                for (int i = 0; i < n; i++)
                {
                    message.addRepeatedField(field, element(message, field, depth));
                }
            }
            else
            {
                message.setField(field, element(message, field, depth));
            }
        }
    }

    private void map(final Message.Builder message, final FieldDescriptor field, final int depth)
    {
        final int n = random.nextInt(5);
        final Set<String> keys = new HashSet<>();
        final Descriptor entryType = field.getMessageType();
        for (int i = 0; i < n; i++)
        {
            final String key = random.nextBoolean() ? HEADER_NAMES.get(random.nextInt(HEADER_NAMES.size())) : "X-" + random.nextInt(1000);
            if (!keys.add(key))
            {
                continue;
            }
            final Message.Builder entry = message.newBuilderForField(field);
            entry.setField(entryType.findFieldByNumber(1), key);
            final FieldDescriptor valueField = entryType.findFieldByNumber(2);
            final Message.Builder value = entry.newBuilderForField(valueField);
            if (random.nextInt(4) != 0)
            {
                fill(value, depth + 1);
            }
            entry.setField(valueField, value.build());
            message.addRepeatedField(field, entry.build());
        }
    }

    private Object element(final Message.Builder message, final FieldDescriptor field, final int depth)
    {
        return switch (field.getJavaType())
        {
            case INT -> number32(field.getType() == FieldDescriptor.Type.UINT32);
            case LONG -> random.nextInt(3) == 0 ? random.nextLong() : (long)random.nextInt(100_000);
            case DOUBLE -> doubleValue();
            case STRING -> text.apply(random.nextInt(8) == 0 ? 30 : 6);
            case ENUM -> enumValue(field.getEnumType());
            case MESSAGE ->
            {
                final Message.Builder nested = message.newBuilderForField(field);
                if (depth < MAX_DEPTH && random.nextInt(5) != 0)
                {
                    fill(nested, depth + 1);
                }
                yield nested.build();
            }
            default -> throw new IllegalStateException("no random " + field.getJavaType());
        };
    }

    private int number32(final boolean unsigned)
    {
        return switch (random.nextInt(6))
        {
            case 0 -> 0;
            case 1 -> unsigned ? -1 : Integer.MIN_VALUE;
            case 2 -> random.nextInt();
            default -> random.nextInt(70_000);
        };
    }

    private double doubleValue()
    {
        return switch (random.nextInt(10))
        {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> Double.NaN;
            case 3 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 4 -> anyDouble ? Double.longBitsToDouble(random.nextLong()) : random.nextInt(100) + random.nextInt(1000) / 1000.0;
            case 5 -> random.nextInt(1000);
            default -> 1_700_000_000L + random.nextInt(100_000_000) / 1e9 + random.nextInt(1000);
        };
    }

    private EnumValueDescriptor enumValue(final EnumDescriptor type)
    {
        if (random.nextInt(6) == 0)
        {
            return type.findValueByNumberCreatingIfUnknown(9 + random.nextInt(3) * 100);
        }
        final List<EnumValueDescriptor> values = type.getValues();
        return values.get(random.nextInt(values.size()));
    }
}
