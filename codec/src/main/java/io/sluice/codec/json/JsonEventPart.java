package io.sluice.codec.json;

import io.sluice.codec.sbe.EventRecordView;

/**
 * What the parts of the event layout ({@link EventJsonWriter}, {@link JsonWorkload}, {@link JsonValues},
 * {@link JsonThreat}) share: the located record, the sink, and the fields every part writes (a string of the record,
 * numbers omitted at their default, a timestamp). Every write is within the room {@link EventJsonWriter} reserved
 * for the event ({@link JsonSink#reserve}).
 */
abstract class JsonEventPart
{
    final EventRecordView view;
    final JsonSink json;

    JsonEventPart(final EventRecordView view, final JsonSink json)
    {
        this.view = view;
        this.json = json;
    }

    /**
     * A {@code google.protobuf.Timestamp}: {@code open} is its key with the brace, {@code openSeconds} the same with the
     * key of {@code seconds} after it (one write when seconds are set, the common case).
     */
    final void writeTimestamp(final JsonKey open, final JsonKey openSeconds, final long seconds, final int nanos)
    {
        if (seconds != 0)
        {
            json.int64FieldInRoom(openSeconds, seconds);
        }
        else
        {
            json.keyInRoom(open);
        }
        if (nanos != 0)
        {
            json.int32FieldInRoom(JsonKeys.NANOS, nanos);
        }
        json.endObjectInRoom();
    }

    final void writeString(final JsonKey key, final int string)
    {
        final int length = view.stringLength(string);
        if (length > 0)
        {
            json.stringFieldInRoom(key, view.buffer(), view.stringOffset(string), length);
        }
    }

    final void writeUint32(final JsonKey key, final int value)
    {
        if (value != 0)
        {
            json.uint32FieldInRoom(key, value);
        }
    }

    final void writeUint64(final JsonKey key, final long value)
    {
        if (value != 0)
        {
            json.uint64FieldInRoom(key, value);
        }
    }
}
