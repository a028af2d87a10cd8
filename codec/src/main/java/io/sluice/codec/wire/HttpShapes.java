package io.sluice.codec.wire;

import static io.sluice.codec.wire.FieldKind.INT32;
import static io.sluice.codec.wire.FieldKind.INT64;
import static io.sluice.codec.wire.FieldKind.STRING;
import static io.sluice.codec.wire.WireField.map;
import static io.sluice.codec.wire.WireField.scalar;

/**
 * Tracee's HTTP messages ({@code HTTP}, {@code HTTPRequest}, {@code HTTPResponse}), headers a map from name to
 * {@code HttpHeader}, as {@code api/v1beta1/event_data.proto} declares them.
 */
public final class HttpShapes
{
    private static final WireShape HEADER = WireShape.of("HttpHeader", WireField.repeatedString(1, "header"));

    /** {@code HTTP}. */
    public static final WireShape HTTP = WireShape.of("HTTP",
        scalar(1, "direction", STRING), scalar(2, "method", STRING), scalar(3, "protocol", STRING),
        scalar(4, "host", STRING), scalar(5, "uri_path", STRING), scalar(6, "status", STRING),
        scalar(7, "status_code", INT32), map(8, "headers", HEADER), scalar(9, "content_length", INT64));

    /** {@code HTTPRequest}. */
    public static final WireShape HTTP_REQUEST = WireShape.of("HTTPRequest",
        scalar(1, "method", STRING), scalar(3, "protocol", STRING), scalar(4, "host", STRING),
        scalar(5, "uri_path", STRING), map(6, "headers", HEADER), scalar(7, "content_length", INT64));

    /** {@code HTTPResponse}. */
    public static final WireShape HTTP_RESPONSE = WireShape.of("HTTPResponse",
        scalar(1, "status", STRING), scalar(2, "status_code", INT32), scalar(3, "protocol", STRING),
        map(4, "headers", HEADER), scalar(5, "content_length", INT64));

    private HttpShapes()
    {
    }
}
