package org.payswitch.gateway.http;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Writes an HTTP/1.1 response's status line and headers as bytes, for the answers the pipeline's
 * reply thread encodes whole (status line, headers and body in one buffer that the I/O thread
 * only writes): the same lines Netty's encoder writes for the switch's responses, without a
 * response object and its header map per answer, and without encoding work on the I/O thread.
 */
final class HttpHead
{
    private static final byte[] HTTP_1_1 = ascii("HTTP/1.1 ");
    private static final byte[] CONTENT_TYPE_JSON = ascii("\r\ncontent-type: application/json");
    private static final byte[] CONTENT_TYPE_PROMETHEUS =
        ascii("\r\ncontent-type: text/plain; version=0.0.4; charset=utf-8");
    private static final byte[] KEEP_ALIVE = ascii("\r\nconnection: keep-alive");
    private static final byte[] CLOSE = ascii("\r\nconnection: close");
    private static final byte[] RETRY_AFTER = ascii("\r\nretry-after: 1");
    private static final byte[] CONTENT_LENGTH = ascii("\r\ncontent-length: ");
    private static final byte[] END = ascii("\r\n\r\n");

    private HttpHead()
    {
    }

    /**
     * The status line and headers of a response whose body of {@code bodyLength} bytes follows:
     * content type (JSON, or Prometheus text), connection, {@code retry-after} when asked, length.
     */
    static void write(
        final ByteBuf out, final HttpResponseStatus status, final boolean prometheus, final boolean keepAlive,
        final boolean retryAfter, final int bodyLength)
    {
        out.writeBytes(HTTP_1_1);
        out.writeCharSequence(status.codeAsText(), StandardCharsets.US_ASCII);
        out.writeByte(' ');
        out.writeCharSequence(status.reasonPhrase(), StandardCharsets.US_ASCII);
        out.writeBytes(prometheus ? CONTENT_TYPE_PROMETHEUS : CONTENT_TYPE_JSON);
        out.writeBytes(keepAlive ? KEEP_ALIVE : CLOSE);
        if (retryAfter)
        {
            out.writeBytes(RETRY_AFTER);
        }
        out.writeBytes(CONTENT_LENGTH);
        writeDigits(out, bodyLength);
        out.writeBytes(END);
    }

    private static void writeDigits(final ByteBuf out, final int value)
    {
        int divisor = 1;
        while (value / divisor >= 10)
        {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10)
        {
            out.writeByte('0' + value / divisor % 10);
        }
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
