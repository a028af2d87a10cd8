package io.sluice.format.gotemplate;

import org.agrona.DirectBuffer;

/**
 * The data a template reads: a tree of messages (Go structs behind pointers, fields named as in the proto), lists and
 * maps with string keys, each addressed by a {@code long} handle the implementation chooses. Values are written into
 * the caller's {@link Value} cells, so reading allocates nothing. Field names are resolved to ids when the template is
 * parsed ({@link FieldNames}); {@link FieldStep} carries both.
 */
interface TemplateData
{
    /**
     * @param handle a message, list, map or enum type.
     * @return its Go type, as Go names it ({@code *v1beta1.Workload}, {@code []string}, {@code map[string]string}).
     */
    String typeName(long handle);

    /**
     * @param message a message (possibly one that is nil).
     * @param field   the field.
     * @return true when the message's type has that field.
     */
    boolean hasField(long message, FieldStep field);

    /**
     * @param message a message that is not nil.
     * @param field   the field.
     * @param out     where its value goes.
     * @return false when the type has no such field ({@code out} untouched).
     */
    boolean field(long message, FieldStep field, Value out);

    /**
     * @param composite a list or map.
     * @return its number of elements or entries.
     */
    int size(long composite);

    /**
     * @param list  a list.
     * @param index an element, from 0.
     * @param out   where it goes.
     */
    void element(long list, int index, Value out);

    /**
     * @param map   a map.
     * @param index an entry in key order (Go's sorted order: bytewise), from 0.
     * @param out   where its key goes (a string).
     */
    void key(long map, int index, Value out);

    /**
     * @param map   a map.
     * @param index an entry in key order, from 0.
     * @param out   where its value goes.
     */
    void entry(long map, int index, Value out);

    /**
     * @param map    a map.
     * @param key    the key's bytes.
     * @param offset where they start.
     * @param length how many.
     * @param out    where the value goes.
     * @return false when the map has no such key ({@code out} untouched).
     */
    boolean lookup(long map, DirectBuffer key, int offset, int length, Value out);

    /**
     * @param map a map.
     * @param out set to the zero value of its element type (what {@code index} gives for a missing key).
     */
    void zeroElement(long map, Value out);

    /**
     * @param message a message.
     * @return its number of fields, set or not, for printing it whole.
     */
    int fieldCount(long message);

    /**
     * @param message a message.
     * @param index   a field, from 0, in field-number order.
     * @return its proto name.
     */
    String fieldName(long message, int index);

    /**
     * @param message a message that is not nil.
     * @param index   a field, from 0.
     * @param out     where its value goes.
     * @return true when it is set (printed by {@code %v} and {@code toJson}): not a proto3 default, or a oneof member.
     */
    boolean fieldAt(long message, int index, Value out);

    /**
     * @param enumType an enum type, as {@link Value#handle} holds it.
     * @param number   a number.
     * @return the enum name's bytes, or null for a number without a name.
     */
    byte[] enumName(long enumType, long number);
}
