package org.payswitch.tools;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * Frames HTTP/1.1 answers by their {@code Content-Length} and reads, in place, only what the load
 * generator counts ({@link HttpAnswer}): no header map, no aggregated body, no object per answer.
 * Netty's {@code HttpClientCodec} with an aggregator builds all of those for every answer and made
 * the project's generator slower than wrk on this machine (benchmarks/README.md). An answer
 * without a {@code Content-Length} (chunked, or one that ends with the connection) is not
 * something the switch sends: it fails the connection, as a head over 8 KiB does.
 */
final class HttpAnswerDecoder extends ByteToMessageDecoder
{
    /** The longest head read: status line and headers. */
    static final int MAX_HEAD = 8_192;
    /** The longest body read. */
    static final int MAX_BODY = 1 << 20;

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(US_ASCII);
    private static final byte[] RESPONSE_CODE = "\"responseCode\":\"".getBytes(US_ASCII);
    private static final byte[] DISCOUNT = "\"discount\":".getBytes(US_ASCII);
    /** Bytes of {@code "HTTP/1.1 "} before the status code. */
    private static final int STATUS_AT = 9;

    private final HttpAnswer answer = new HttpAnswer();

    @Override
    protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out)
    {
        final int start = in.readerIndex();
        final int headEnd = endOfHead(in, start);
        if (headEnd < 0)
        {
            if (in.readableBytes() > MAX_HEAD)
            {
                in.skipBytes(in.readableBytes());
                throw new TooLongFrameException("HTTP head over " + MAX_HEAD + " bytes");
            }
            return;
        }
        final long length = contentLength(in, start, headEnd);
        if (length < 0 || length > MAX_BODY)
        {
            in.skipBytes(in.readableBytes());
            throw new CorruptedFrameException("HTTP answer without a Content-Length of at most " + MAX_BODY);
        }
        final int bodyStart = headEnd + 4;
        if (in.writerIndex() - bodyStart < length)
        {
            return;
        }
        final int bodyEnd = bodyStart + (int)length;
        answer.status = digits(in, start + STATUS_AT, 3);
        answer.responseCode = codeIn(in, bodyStart, bodyEnd);
        answer.discount = discountIn(in, bodyStart, bodyEnd);
        in.readerIndex(bodyEnd);
        out.add(answer);
    }

    /** Index of the {@code \r\n\r\n} that ends the head starting at {@code from}, or -1 when not yet read. */
    private static int endOfHead(final ByteBuf in, final int from)
    {
        final int last = Math.min(in.writerIndex(), from + MAX_HEAD) - 3;
        for (int i = from; i < last; i++)
        {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r' &&
                in.getByte(i + 3) == '\n')
            {
                return i;
            }
        }
        return -1;
    }

    /** The {@code Content-Length} header's value (any case, spaces allowed around it), -1 without one. */
    private static long contentLength(final ByteBuf in, final int from, final int to)
    {
        final int at = indexOf(in, from, to, CONTENT_LENGTH, true);
        if (at < 0)
        {
            return -1;
        }
        int i = at + CONTENT_LENGTH.length;
        while (i < to && in.getByte(i) == ' ')
        {
            i++;
        }
        long value = -1;
        for (; i < to; i++)
        {
            final int digit = in.getByte(i) - '0';
            if (digit < 0 || digit > 9)
            {
                break;
            }
            value = (value < 0 ? 0 : value * 10) + digit;
        }
        return value;
    }

    private static int codeIn(final ByteBuf in, final int from, final int to)
    {
        final int at = indexOf(in, from, to, RESPONSE_CODE, false);
        if (at < 0 || at + RESPONSE_CODE.length + 2 > to)
        {
            return HttpAnswer.UNREADABLE;
        }
        return digits(in, at + RESPONSE_CODE.length, 2);
    }

    private static long discountIn(final ByteBuf in, final int from, final int to)
    {
        final int at = indexOf(in, from, to, DISCOUNT, false);
        if (at < 0)
        {
            return 0;
        }
        long value = 0;
        for (int i = at + DISCOUNT.length; i < to; i++)
        {
            final int digit = in.getByte(i) - '0';
            if (digit < 0 || digit > 9)
            {
                break;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** {@code count} ASCII digits at {@code at} as a number, or {@link HttpAnswer#UNREADABLE}. */
    private static int digits(final ByteBuf in, final int at, final int count)
    {
        if (at + count > in.writerIndex())
        {
            return HttpAnswer.UNREADABLE;
        }
        int value = 0;
        for (int i = at; i < at + count; i++)
        {
            final int digit = in.getByte(i) - '0';
            if (digit < 0 || digit > 9)
            {
                return HttpAnswer.UNREADABLE;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** First index of {@code needle} in {@code [from, to)}, ASCII case ignored when asked; -1 when absent. */
    private static int indexOf(final ByteBuf in, final int from, final int to, final byte[] needle,
        final boolean ignoreCase)
    {
        final int last = to - needle.length;
        for (int i = from; i <= last; i++)
        {
            int matched = 0;
            while (matched < needle.length && same(in.getByte(i + matched), needle[matched], ignoreCase))
            {
                matched++;
            }
            if (matched == needle.length)
            {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(final byte b, final byte expected, final boolean ignoreCase)
    {
        return b == expected || (ignoreCase && b >= 'A' && b <= 'Z' && b + ('a' - 'A') == expected);
    }
}
