package io.sluice.codec.wire;

import java.nio.charset.StandardCharsets;

/**
 * One field of a {@link WireShape}: its number, proto name, kind, whether it repeats, the shape of its message (a
 * nested message or a map's value) and, for an enum, the names of its numbers; with its keys pre-encoded for the JSON
 * printer ({@code "name":}) and the text printer ({@code name:}).
 */
public final class WireField
{
    private final int number;
    private final String name;
    private final FieldKind kind;
    private final boolean repeated;
    private final WireShape message;
    private final String[] enumNames;
    private final byte[][] enumJson;
    private final byte[][] enumText;
    private final byte[] jsonKey;
    private final byte[] textKey;

    private WireField(
        final int number,
        final String name,
        final FieldKind kind,
        final boolean repeated,
        final WireShape message,
        final String[] enumNames)
    {
        this.number = number;
        this.name = name;
        this.kind = kind;
        this.repeated = repeated;
        this.message = message;
        this.enumNames = enumNames;
        this.jsonKey = ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
        this.textKey = (name + ":").getBytes(StandardCharsets.US_ASCII);
        final int names = enumNames == null ? 0 : enumNames.length;
        this.enumJson = new byte[names][];
        this.enumText = new byte[names][];
        for (int i = 0; i < names; i++)
        {
            if (enumNames[i] != null)
            {
                enumJson[i] = ("\"" + enumNames[i] + "\"").getBytes(StandardCharsets.US_ASCII);
                enumText[i] = enumNames[i].getBytes(StandardCharsets.US_ASCII);
            }
        }
    }

    /**
     * @param number the field number.
     * @param name   the proto name.
     * @param kind   a scalar kind (not MESSAGE, MAP or ENUM).
     * @return a singular scalar field.
     */
    public static WireField scalar(final int number, final String name, final FieldKind kind)
    {
        return new WireField(number, name, kind, false, null, null);
    }

    /**
     * @param number the field number.
     * @param name   the proto name.
     * @return a repeated string field.
     */
    public static WireField repeatedString(final int number, final String name)
    {
        return new WireField(number, name, FieldKind.STRING, true, null, null);
    }

    /**
     * @param number the field number.
     * @param name   the proto name.
     * @param names  the enum's names by number (null where a number has none).
     * @param repeated whether it repeats (then packed).
     * @return an enum field.
     */
    public static WireField enumField(final int number, final String name, final String[] names, final boolean repeated)
    {
        return new WireField(number, name, FieldKind.ENUM, repeated, null, names.clone());
    }

    /**
     * @param number   the field number.
     * @param name     the proto name.
     * @param shape    the nested message's shape.
     * @param repeated whether it repeats.
     * @return a message field.
     */
    public static WireField message(final int number, final String name, final WireShape shape, final boolean repeated)
    {
        return new WireField(number, name, FieldKind.MESSAGE, repeated, shape, null);
    }

    /**
     * @param number the field number.
     * @param name   the proto name.
     * @param values the shape of the map's values (keys are strings).
     * @return a {@code map<string, Message>} field.
     */
    public static WireField map(final int number, final String name, final WireShape values)
    {
        return new WireField(number, name, FieldKind.MAP, true, values, null);
    }

    /**
     * @return the field number.
     */
    public int number()
    {
        return number;
    }

    /**
     * @return the proto name.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return the kind.
     */
    public FieldKind kind()
    {
        return kind;
    }

    /**
     * @return whether the field repeats (a map does).
     */
    public boolean repeated()
    {
        return repeated;
    }

    /**
     * @return whether it is a packed repeated scalar (a repeated enum).
     */
    public boolean packed()
    {
        return repeated && kind == FieldKind.ENUM;
    }

    /**
     * @return the wire type of one occurrence.
     */
    public int wireType()
    {
        return packed() ? 2 : kind.wireType();
    }

    /**
     * @return the nested message's (or map value's) shape, null for scalars.
     */
    public WireShape message()
    {
        return message;
    }

    /**
     * @param value an enum number.
     * @return its name, or null when the enum has none for it.
     */
    public String enumName(final int value)
    {
        return value >= 0 && enumNames != null && value < enumNames.length ? enumNames[value] : null;
    }

    /**
     * @param value an enum number.
     * @return its name quoted for JSON, or null.
     */
    public byte[] enumJson(final int value)
    {
        return value >= 0 && value < enumJson.length ? enumJson[value] : null;
    }

    /**
     * @param value an enum number.
     * @return its name as the text format writes it, or null.
     */
    public byte[] enumText(final int value)
    {
        return value >= 0 && value < enumText.length ? enumText[value] : null;
    }

    /**
     * @return {@code "name":}.
     */
    public byte[] jsonKey()
    {
        return jsonKey;
    }

    /**
     * @return {@code name:}.
     */
    public byte[] textKey()
    {
        return textKey;
    }
}
