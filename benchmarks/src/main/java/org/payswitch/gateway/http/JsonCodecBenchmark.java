package org.payswitch.gateway.http;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.payswitch.benchmarks.SwitchFork;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.engine.TransactionView;

/**
 * The HTTP gateway's JSON codec on one thread, as {@code HttpRequestHandler} uses it:
 * {@code decode} resets a command and parses a {@code POST /v1/authorizations} body into it
 * ({@link AuthorizationParser}); {@code encode} writes the answer of a decided authorization
 * ({@link HttpAnswers}, kind AUTHORIZATION) into a reused buffer; {@code decodeEncode} does both,
 * the codec's whole share of one request. 1 024 bodies in direct buffers, in turn, shaped as
 * docs/api.md section 3's example (16-character order id, mcc, capture false) on demo cards 0..1023
 * of all four BINs, 120.00-130.23 CNY; their answers were decided by an engine with the demo data
 * in setup, so three in four carry a demo campaign's discount and its id (answers of 185-220 bytes).
 * Netty's allocation of the answer's buffer and the HTTP headers are not included.
 * <p>The benchmark lives in the gateway's package because the parser and the answer writer are
 * package-private there (benchmarks/README.md). It checks its own answers: every
 * parse succeeds and a checksum of the parsed fields over all operations matches the bodies';
 * the answers' lengths add up to those expected, and after each iteration the last answer
 * written equals, byte for byte, an answer built here from the decision's fields.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JsonCodecBenchmark extends SwitchFork
{
    static final int BODIES = 1 << 10;
    private static final long MIDNIGHT = OffsetDateTime.parse("2026-11-11T00:00:00+08:00").toInstant().toEpochMilli();

    private final AuthorizationParser parser = new AuthorizationParser();
    private final FormatProblem problem = new FormatProblem();
    private final HttpAnswers answers = new HttpAnswers(ZoneId.of("Asia/Shanghai"));
    private final SwitchCommand request = new SwitchCommand();
    private final ByteBuf[] bodies = new ByteBuf[BODIES];
    private final SwitchCommand[] decided = new SwitchCommand[BODIES];
    private final byte[][] expectedAnswers = new byte[BODIES][];
    private final long[] fieldSums = new long[BODIES];
    private final ByteBuf out = Unpooled.directBuffer(512);
    private long decodes;
    private long encodes;
    private long parseFailures;
    private long fieldSum;
    private long answerBytes;
    private int lastEncoded = -1;

    @Setup(Level.Trial)
    public void decideTheBodies()
    {
        final SwitchEngine engine = new SwitchEngine(EngineConfig.defaults().withExpected(BODIES, 2 * BODIES));
        DemoData.load(engine, BODIES, MIDNIGHT);
        for (int k = 0; k < BODIES; k++)
        {
            final String pan = DemoData.panText(k);
            final String orderId = String.format("TM2026111%07d", k);
            final long amount = 12_000 + k;
            final String body = "{\"merchantId\":\"" + DemoData.merchantId(k % DemoData.MERCHANTS) + "\",\"orderId\":\"" +
                orderId + "\",\"pan\":\"" + pan + "\",\"expiry\":\"3012\",\"amount\":" + amount +
                ",\"currency\":\"CNY\",\"mcc\":\"5651\",\"capture\":false}";
            bodies[k] = Unpooled.unreleasableBuffer(Unpooled.directBuffer(body.length())
                .writeBytes(body.getBytes(StandardCharsets.US_ASCII)));
            fieldSums[k] = fieldSum(amount, Long.parseLong(pan), pan.length(), orderId.length(), 15, 3012, DemoData.CNY, 5651);
            final SwitchCommand command = new SwitchCommand();
            command.reset();
            command.timestamp = MIDNIGHT + k;
            if (!parser.parse(bodies[k], command, problem))
            {
                throw new IllegalStateException("body " + k + " does not parse: " + problem.message);
            }
            engine.execute(command);
            if (command.responseCode != ResponseCode.APPROVED)
            {
                throw new IllegalStateException("body " + k + " answered " + command.responseCode);
            }
            decided[k] = command;
            expectedAnswers[k] = expectedAnswer(command.transaction, pan);
        }
    }

    @Benchmark
    public long decode()
    {
        return parse((int)(decodes++ & (BODIES - 1)));
    }

    @Benchmark
    public int encode()
    {
        return write((int)(encodes++ & (BODIES - 1)));
    }

    @Benchmark
    public int decodeEncode()
    {
        final int k = (int)(decodes++ & (BODIES - 1));
        encodes++;
        parse(k);
        return write(k);
    }

    /**
     * Every parse succeeded with the fields of its body, every answer had its expected length,
     * and the last answer written is byte for byte the expected one.
     */
    @TearDown(Level.Iteration)
    public void checkAnswers()
    {
        if (parseFailures != 0)
        {
            throw new IllegalStateException(parseFailures + " bodies did not parse");
        }
        long expectedFields = 0;
        long expectedBytes = 0;
        for (int k = 0; k < BODIES; k++)
        {
            final long times = decodes / BODIES + (k < decodes % BODIES ? 1 : 0);
            expectedFields += times * fieldSums[k];
            expectedBytes += (encodes / BODIES + (k < encodes % BODIES ? 1 : 0)) * expectedAnswers[k].length;
        }
        if (fieldSum != expectedFields)
        {
            throw new IllegalStateException("parsed fields do not match the bodies (checksum " + fieldSum + ", expected " +
                expectedFields + ")");
        }
        if (answerBytes != expectedBytes)
        {
            throw new IllegalStateException("answers of " + answerBytes + " bytes in all, expected " + expectedBytes);
        }
        if (lastEncoded >= 0)
        {
            final byte[] written = new byte[out.readableBytes()];
            out.getBytes(out.readerIndex(), written);
            if (!Arrays.equals(written, expectedAnswers[lastEncoded]))
            {
                throw new IllegalStateException("answer " + lastEncoded + " is " +
                    new String(written, StandardCharsets.US_ASCII) + ", expected " +
                    new String(expectedAnswers[lastEncoded], StandardCharsets.US_ASCII));
            }
        }
    }

    private long parse(final int k)
    {
        final SwitchCommand c = request;
        c.reset();
        if (!parser.parse(bodies[k], c, problem))
        {
            parseFailures++;
        }
        final long sum = fieldSum(c.amount, c.pan, c.panLength, c.orderId.length(), c.merchantId.length(), c.expiry,
            c.currency, c.mcc);
        fieldSum += sum;
        return sum;
    }

    private int write(final int k)
    {
        out.clear();
        answers.write(decided[k], AnswerKind.AUTHORIZATION, out);
        final int length = out.writerIndex();
        answerBytes += length;
        lastEncoded = k;
        return length;
    }

    private static long fieldSum(
        final long amount, final long pan, final int panLength, final int orderIdLength, final int merchantIdLength,
        final int expiry, final int currency, final int mcc)
    {
        return amount + 31 * pan + panLength + 37L * orderIdLength + 41L * merchantIdLength + expiry + currency + mcc;
    }

    /** The answer docs/api.md section 3 describes, built from the decision's fields without the gateway's writer. */
    private static byte[] expectedAnswer(final TransactionView t, final String pan)
    {
        final StringBuilder s = new StringBuilder(256)
            .append("{\"transactionId\":\"").append(t.transactionId)
            .append("\",\"status\":\"AUTHORIZED\",\"responseCode\":\"00\"");
        if (t.authCode.length() > 0)
        {
            s.append(",\"authCode\":\"").append(t.authCode).append('"');
        }
        s.append(",\"amount\":").append(t.amount)
            .append(",\"discount\":").append(t.discount)
            .append(",\"chargedAmount\":").append(t.chargedAmount);
        if (t.campaignId != null)
        {
            s.append(",\"campaignId\":\"").append(t.campaignId).append('"');
        }
        s.append(",\"currency\":\"CNY\",\"maskedPan\":\"")
            .append(pan, 0, 6).append("*".repeat(pan.length() - 10)).append(pan, pan.length() - 4, pan.length())
            .append("\"}");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
