package io.sluice.process.packet;

import io.sluice.proto.v1beta1.HTTP;
import io.sluice.proto.v1beta1.HttpHeader;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP/1.x request or response head, as Go's {@code http.ReadRequest}/{@code ReadResponse} give it to Tracee:
 * method, protocol, host (the Host header, taken out of the headers), path without its query, status text and code,
 * headers under their canonical names with every value, and the content length (-1 when a response does not say).
 */
final class HttpDecoder
{
    /**
     * @return Tracee's {@code HTTP}, or null when the bytes do not start with a request or status line.
     */
    HTTP decode(final byte[] packet, final int offset, final int length)
    {
        final String head = new String(packet, offset, Math.max(0, length - offset), StandardCharsets.ISO_8859_1);
        final int lineEnd = head.indexOf("\r\n");
        if (lineEnd < 0)
        {
            return null;
        }
        final String[] line = head.substring(0, lineEnd).split(" ", 3);
        if (line.length < 2)
        {
            return null;
        }
        final Map<String, HttpHeader.Builder> headers = new LinkedHashMap<>();
        int position = lineEnd + 2;
        while (position < head.length())
        {
            final int end = head.indexOf("\r\n", position);
            if (end <= position)
            {
                break;
            }
            final int colon = head.indexOf(':', position);
            if (colon > position && colon < end)
            {
                headers.computeIfAbsent(canonical(head.substring(position, colon).trim()), k -> HttpHeader.newBuilder())
                    .addHeader(head.substring(colon + 1, end).trim());
            }
            position = end + 2;
        }
        final HTTP.Builder http = HTTP.newBuilder();
        final boolean response = line[0].startsWith("HTTP/");
        long contentLength = response ? -1 : 0;
        final HttpHeader.Builder declared = headers.get("Content-Length");
        if (declared != null && declared.getHeaderCount() > 0)
        {
            try
            {
                contentLength = Long.parseLong(declared.getHeader(0));
            }
            catch (final NumberFormatException e)
            {
                contentLength = response ? -1 : 0;
            }
        }
        if (response)
        {
            final String code = line[1];
            http.setDirection("response").setProtocol(line[0]).setStatus(line.length > 2 ? code + " " + line[2] : code)
                .setStatusCode(parseCode(code));
        }
        else
        {
            final String target = line[1];
            final int query = target.indexOf('?');
            final HttpHeader.Builder host = headers.remove("Host");
            http.setDirection("request").setMethod(line[0]).setProtocol(line.length > 2 ? line[2] : "")
                .setUriPath(query >= 0 ? target.substring(0, query) : target)
                .setHost(host != null && host.getHeaderCount() > 0 ? host.getHeader(0) : "");
        }
        headers.forEach((name, values) -> http.putHeaders(name, values.build()));
        return http.setContentLength(contentLength).build();
    }

    private static int parseCode(final String code)
    {
        try
        {
            return Integer.parseInt(code);
        }
        catch (final NumberFormatException e)
        {
            return 0;
        }
    }

    /** Go's textproto.CanonicalMIMEHeaderKey: upper case after the start and each hyphen, lower case elsewhere. */
    static String canonical(final String name)
    {
        final char[] chars = name.toCharArray();
        boolean upper = true;
        for (int i = 0; i < chars.length; i++)
        {
            final char c = chars[i];
            if (c == ' ' || c > 127)
            {
                return name;
            }
            chars[i] = upper ? Character.toUpperCase(c) : Character.toLowerCase(c);
            upper = c == '-';
        }
        return new String(chars);
    }
}
