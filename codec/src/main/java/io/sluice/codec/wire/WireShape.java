package io.sluice.codec.wire;

/**
 * The fields of one protobuf message a structured {@code EventValue} member is made of (Tracee's {@code IPv4},
 * {@code DNS}, {@code HTTPRequest}, ...), in declaration order, which is also number order. The validator and the
 * printers walk a value's wire bytes with it, so a new message needs only its shape, never new printing code.
 */
public final class WireShape
{
    private final String name;
    private final WireField[] byNumber;

    private WireShape(final String name, final WireField... fields)
    {
        this.name = name;
        int max = 0;
        for (final WireField field : fields)
        {
            max = Math.max(max, field.number());
        }
        byNumber = new WireField[max + 1];
        int previous = 0;
        for (final WireField field : fields)
        {
            if (field.number() <= previous)
            {
                throw new IllegalArgumentException(name + ": fields must be declared in increasing number order");
            }
            previous = field.number();
            byNumber[field.number()] = field;
        }
    }

    /**
     * @param name   the message name.
     * @param fields its fields in number order.
     * @return the shape.
     */
    public static WireShape of(final String name, final WireField... fields)
    {
        return new WireShape(name, fields);
    }

    /**
     * @return the message name.
     */
    public String name()
    {
        return name;
    }

    /**
     * @param number a field number.
     * @return the field, or null when the message has none by that number.
     */
    public WireField field(final int number)
    {
        return number > 0 && number < byNumber.length ? byNumber[number] : null;
    }
}
