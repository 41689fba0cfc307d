package org.payswitch.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87BPackager;
import org.payswitch.core.demo.DemoData;

/**
 * Valid requests of both protocols, mutated from one seeded {@link Random} (one instance per fuzz
 * worker): byte flips, truncations, insertions, deletions, deep JSON nesting, huge numbers, and, as
 * the last request of a round, framing lies (a length or Content-Length that is not the truth, a
 * frame over the limit, a request cut short, garbage). Each method says what it made in
 * {@link #lastKind()}, so a failure can name it.
 */
final class FuzzRequests
{
    private static final String[] ISO_MTIS = {"0100", "0100", "0100", "0200", "0220", "0400", "0420", "0800"};
    private static final int[] DEPTHS = {33, 100, 1_000, 20_000, 60_000};
    /** Deep objects of "{\"a\":" stay under the 64 KiB body limit at this depth (deeper ones test the limit). */
    private static final int MAX_OBJECT_DEPTH = 11_000;
    private static final String[] HUGE_NUMBERS = {"99999999999999999999999999999", "9223372036854775808",
        "-9223372036854775809", "1e400", "1.5", "-0", "00012", "1E2", "123456789012345678901234567890123456789"};

    private final Random random;
    private final int worker;
    private final int demoCards;
    private final ISO87BPackager packager = new ISO87BPackager();
    private int serial;
    private String lastKind = "";

    FuzzRequests(final long seed, final int worker, final int demoCards)
    {
        this.random = new Random(seed);
        this.worker = worker;
        this.demoCards = demoCards;
    }

    /** What the last request made was (its message type and mutation). */
    String lastKind()
    {
        return lastKind;
    }

    Random random()
    {
        return random;
    }

    /** An ISO 8583 frame: a valid message, mutated so that its 2-byte length still tells the truth. */
    byte[] isoFrame() throws ISOException
    {
        final byte[] body = mutate(validIsoBody());
        return frame(body, body.length);
    }

    /** An ISO 8583 frame whose framing lies, or garbage: the last of a round. */
    byte[] brokenIsoFrame() throws ISOException
    {
        final byte[] body = validIsoBody();
        switch (random.nextInt(6))
        {
            case 0:
                lastKind += " length+";
                return frame(body, Math.min(4_096, body.length + 1 + random.nextInt(200)));
            case 1:
                lastKind += " length-";
                return frame(body, random.nextInt(body.length));
            case 2:
                lastKind += " oversize";
                return frame(body, 4_097 + random.nextInt(65_535 - 4_097));
            case 3:
                lastKind += " cut";
                final byte[] frame = frame(body, body.length);
                return Arrays.copyOf(frame, 1 + random.nextInt(frame.length - 1));
            case 4:
                lastKind += " tiny";
                return frame(new byte[0], random.nextInt(10));
            default:
                lastKind = "garbage";
                return randomBytes(1 + random.nextInt(300));
        }
    }

    /** The 0800 echo that ends an ISO round; its answer carries {@code stan} back. */
    byte[] isoSentinel(final int stan) throws ISOException
    {
        final ISOMsg echo = new ISOMsg("0800");
        echo.setPackager(packager);
        echo.set(7, "1111000000");
        echo.set(11, String.format("%06d", stan));
        echo.set(70, "301");
        final byte[] body = echo.pack();
        return frame(body, body.length);
    }

    /** A valid 0100 authorization (for the check that the switch still answers). */
    byte[] validIsoAuthorization(final int stan) throws ISOException
    {
        final ISOMsg msg = isoRequest("0100");
        msg.set(11, String.format("%06d", stan));
        final byte[] body = msg.pack();
        return frame(body, body.length);
    }

    /** An HTTP request: a valid one with its body mutated, Content-Length telling the truth. */
    byte[] httpRequest()
    {
        final String[] valid = validHttp();
        final byte[] body = valid[2].isEmpty() && random.nextInt(4) > 0 ? new byte[0] :
            mutateJson(valid[2].getBytes(StandardCharsets.UTF_8));
        return http(valid[0], valid[1], body, body.length);
    }

    /** An HTTP request whose framing or head lies, or garbage: the last of a round. */
    byte[] brokenHttpRequest()
    {
        final String[] valid = validHttp();
        final byte[] body = valid[2].getBytes(StandardCharsets.UTF_8);
        switch (random.nextInt(7))
        {
            case 0:
                lastKind += " content-length+";
                return http(valid[0], valid[1], body, body.length + 1 + random.nextInt(500));
            case 1:
                lastKind += " content-length-";
                return http(valid[0], valid[1], body, random.nextInt(body.length + 1));
            case 2:
                lastKind += " head-flips";
                final byte[] request = http(valid[0], valid[1], body, body.length);
                final int head = request.length - body.length;
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++)
                {
                    request[random.nextInt(head)] ^= (byte)(1 + random.nextInt(255));
                }
                return request;
            case 3:
                lastKind += " oversize";
                final byte[] large = new byte[65 * 1024 + random.nextInt(10_000)];
                Arrays.fill(large, (byte)' ');
                return http(valid[0], valid[1], large, large.length);
            case 4:
                lastKind += " cut";
                final byte[] whole = http(valid[0], valid[1], body, body.length);
                return Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1));
            case 5:
                lastKind += " chunked";
                final String chunked = valid[0] + " " + valid[1] + " HTTP/1.1\r\nHost: fuzz\r\n" +
                    "Transfer-Encoding: chunked\r\n\r\n" + Long.toHexString(random.nextLong() >>> 4) + "\r\n" +
                    valid[2] + "\r\n";
                return chunked.getBytes(StandardCharsets.ISO_8859_1);
            default:
                lastKind = "garbage";
                return randomBytes(1 + random.nextInt(300));
        }
    }

    /** The GET /health that ends an HTTP round: answered after every request before it. */
    static byte[] httpSentinel()
    {
        return "GET /health HTTP/1.1\r\nHost: fuzz\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** A valid authorization over HTTP (for the check that the switch still answers). */
    byte[] validHttpAuthorization()
    {
        final byte[] body = authorizationJson().getBytes(StandardCharsets.UTF_8);
        return http("POST", "/v1/authorizations", body, body.length);
    }

    private byte[] validIsoBody() throws ISOException
    {
        final String mti = ISO_MTIS[random.nextInt(ISO_MTIS.length)];
        lastKind = "iso " + mti;
        if ("0800".equals(mti))
        {
            final ISOMsg echo = new ISOMsg(mti);
            echo.setPackager(packager);
            echo.set(7, "1111000000");
            echo.set(11, String.format("%06d", random.nextInt(1_000_000)));
            echo.set(70, random.nextBoolean() ? "301" : "001");
            return echo.pack();
        }
        return isoRequest(mti).pack();
    }

    private ISOMsg isoRequest(final String mti) throws ISOException
    {
        final ISOMsg msg = new ISOMsg(mti);
        msg.setPackager(packager);
        msg.set(2, DemoData.panText(random.nextInt(demoCards)));
        msg.set(3, "000000");
        msg.set(4, String.format("%012d", 1 + random.nextInt(500_000)));
        msg.set(7, "1111000000");
        msg.set(11, String.format("%06d", random.nextInt(1_000_000)));
        msg.set(12, "000000");
        msg.set(13, "1111");
        msg.set(14, "3012");
        msg.set(32, "12345");
        msg.set(37, orderId(12));
        msg.set(41, "FUZZ" + worker);
        msg.set(42, DemoData.merchantId(random.nextInt(DemoData.MERCHANTS)));
        msg.set(49, "156");
        return msg;
    }

    /** Method, path and body of a valid request of the API. */
    private String[] validHttp()
    {
        final int pick = random.nextInt(20);
        final String id = Integer.toString(1 + random.nextInt(50_000));
        if (pick < 12)
        {
            lastKind = "http authorization";
            return new String[] {"POST", "/v1/authorizations", authorizationJson()};
        }
        if (pick < 14)
        {
            lastKind = "http capture";
            return new String[] {"POST", "/v1/authorizations/" + id + "/capture",
                "{\"amount\":" + (1 + random.nextInt(10_000)) + "}"};
        }
        if (pick < 15)
        {
            lastKind = "http refund";
            return new String[] {"POST", "/v1/authorizations/" + id + "/refunds",
                "{\"refundId\":\"" + orderId(20) + "\",\"amount\":" + (1 + random.nextInt(10_000)) + "}"};
        }
        if (pick < 16)
        {
            lastKind = "http reversal";
            return new String[] {"POST", "/v1/authorizations/" + id + "/reversal", ""};
        }
        if (pick < 18)
        {
            lastKind = "http transaction";
            return new String[] {"GET", random.nextBoolean() ? "/v1/transactions/" + id :
                "/v1/transactions?merchantId=" + DemoData.merchantId(random.nextInt(DemoData.MERCHANTS)) +
                "&orderId=" + orderId(16), ""};
        }
        lastKind = "http card lookup";
        return new String[] {"POST", "/v1/cards/lookup",
            "{\"pan\":\"" + DemoData.panText(random.nextInt(demoCards)) + "\"}"};
    }

    private String authorizationJson()
    {
        return "{\"merchantId\":\"" + DemoData.merchantId(random.nextInt(DemoData.MERCHANTS)) + "\",\"orderId\":\"" +
            orderId(24) + "\",\"pan\":\"" + DemoData.panText(random.nextInt(demoCards)) +
            "\",\"expiry\":\"3012\",\"amount\":" + (1 + random.nextInt(500_000)) +
            ",\"currency\":\"CNY\",\"capture\":" + random.nextBoolean() + "}";
    }

    private String orderId(final int length)
    {
        final String id = "F" + worker + "X" + (serial++);
        return id.length() > length ? id.substring(id.length() - length) : id;
    }

    private static byte[] http(final String method, final String path, final byte[] body, final int contentLength)
    {
        final String head = method + " " + path + " HTTP/1.1\r\nHost: fuzz\r\nContent-Type: application/json\r\n" +
            (path.startsWith("/v1/cards") ? "Authorization: Bearer demo-admin-token\r\n" : "") +
            "Content-Length: " + contentLength + "\r\n\r\n";
        final ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A JSON body with one or two mutations, deep nesting and huge numbers among them. */
    private byte[] mutateJson(final byte[] body)
    {
        final int kind = random.nextInt(8);
        if (kind == 0 && body.length > 1)
        {
            final boolean arrays = random.nextBoolean();
            final int depth = arrays ? DEPTHS[random.nextInt(DEPTHS.length)] :
                Math.min(MAX_OBJECT_DEPTH, DEPTHS[random.nextInt(DEPTHS.length)]);
            lastKind += " deep-" + depth;
            final String deep = "\"deep\":" + (arrays ? "[".repeat(depth) : "{\"a\":".repeat(depth)) +
                (random.nextBoolean() ? "1" + (arrays ? "]" : "}").repeat(depth) : "") + ",";
            return insert(body, 1, deep.getBytes(StandardCharsets.US_ASCII));
        }
        if (kind == 1 && new String(body, StandardCharsets.UTF_8).contains("\"amount\":"))
        {
            final String text = new String(body, StandardCharsets.UTF_8);
            final String huge = HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)];
            lastKind += " huge-number";
            return text.replaceFirst("\"amount\":-?[0-9]+", "\"amount\":" + huge).getBytes(StandardCharsets.UTF_8);
        }
        return mutate(body);
    }

    /** One or two of: byte flips, truncation, insertion of random bytes, deletion, duplication. */
    private byte[] mutate(final byte[] input)
    {
        byte[] bytes = input;
        for (int round = 0, rounds = random.nextInt(10) < 7 ? 1 : 2; round < rounds; round++)
        {
            if (bytes.length == 0)
            {
                bytes = randomBytes(1 + random.nextInt(20));
                lastKind += " random";
                continue;
            }
            switch (random.nextInt(6))
            {
                case 0, 1 ->
                {
                    bytes = bytes.clone();
                    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++)
                    {
                        bytes[random.nextInt(bytes.length)] ^= (byte)(1 + random.nextInt(255));
                    }
                    lastKind += " flip";
                }
                case 2 ->
                {
                    bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                    lastKind += " truncate";
                }
                case 3 ->
                {
                    bytes = insert(bytes, random.nextInt(bytes.length + 1), randomBytes(1 + random.nextInt(16)));
                    lastKind += " insert";
                }
                case 4 ->
                {
                    final int from = random.nextInt(bytes.length);
                    final int to = from + random.nextInt(bytes.length - from + 1);
                    final byte[] shorter = new byte[bytes.length - (to - from)];
                    System.arraycopy(bytes, 0, shorter, 0, from);
                    System.arraycopy(bytes, to, shorter, from, bytes.length - to);
                    bytes = shorter;
                    lastKind += " delete";
                }
                default ->
                {
                    final int from = random.nextInt(bytes.length);
                    bytes = insert(bytes, random.nextInt(bytes.length + 1),
                        Arrays.copyOfRange(bytes, from, from + random.nextInt(bytes.length - from) + 1));
                    lastKind += " duplicate";
                }
            }
        }
        return bytes;
    }

    private static byte[] insert(final byte[] into, final int at, final byte[] what)
    {
        final byte[] out = new byte[into.length + what.length];
        System.arraycopy(into, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(into, at, out, at + what.length, into.length - at);
        return out;
    }

    private byte[] randomBytes(final int count)
    {
        final byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] frame(final byte[] body, final int length)
    {
        final byte[] frame = new byte[2 + body.length];
        frame[0] = (byte)(length >>> 8);
        frame[1] = (byte)length;
        System.arraycopy(body, 0, frame, 2, body.length);
        return frame;
    }
}
