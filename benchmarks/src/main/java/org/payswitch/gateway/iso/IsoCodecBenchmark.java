package org.payswitch.gateway.iso;

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
import org.payswitch.core.engine.SwitchCommand;

/**
 * The ISO 8583 codec of the gateway, one thread, messages per second: {@code decode} is what the
 * I/O thread does with a 0100 of the load generator's shape (parse in place, map to a command,
 * keep the echoed fields for the slot); {@code encode} is what the reply stage does (the 0110 with
 * DE 6, 38, 39 and a DE 54 discount entry); {@code decodeAndEncode} both. Lives in the gateway's
 * package (the codec is package-private there) but in the benchmarks module.
 *
 * <p>Checks its answers after each iteration: the decoded command carries the
 * request's PAN, amount, merchant and order id; the encoded answer decodes back with DE 39 = 00,
 * the charged amount in DE 6 and DE 11 echoed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IsoCodecBenchmark extends SwitchFork
{
    private static final int STAN = 123_456;
    private static final long AMOUNT = 12_000;
    private static final long DISCOUNT = 1_000;

    private final IsoMessage request = new IsoMessage();
    private final IsoEcho echo = new IsoEcho();
    private final SwitchCommand command = new SwitchCommand();
    private final SwitchCommand decided = new SwitchCommand();
    private final IsoAnswers answers = new IsoAnswers();
    private final IsoMessage check = new IsoMessage();
    private ByteBuf frame;
    private ByteBuf answer;

    @Setup(Level.Trial)
    public void prepare()
    {
        frame = Unpooled.directBuffer(256);
        BenchmarkFrames.authorization(new IsoWriter(), frame, DemoData.pan(0), AMOUNT, STAN, "R00000000001",
            DemoData.merchantId(1));
        answer = Unpooled.directBuffer(256);
        if (request.decode(frame) != IsoMessage.OK)
        {
            throw new IllegalStateException("the benchmark's 0100 does not decode");
        }
        decode();
        decided.responseCode = ResponseCode.APPROVED;
        decided.transaction.present = true;
        decided.transaction.transactionId = 1;
        decided.transaction.amount = AMOUNT;
        decided.transaction.discount = DISCOUNT;
        decided.transaction.chargedAmount = AMOUNT - DISCOUNT;
        decided.transaction.currency = DemoData.CNY;
        decided.transaction.authCode.set("A1B2C3");
    }

    @Benchmark
    public long decode()
    {
        command.reset();
        if (request.decode(frame) != IsoMessage.OK || !IsoRequestMapper.map(request, command))
        {
            throw new IllegalStateException("decode failed");
        }
        echo.copyFrom(request);
        return command.amount;
    }

    @Benchmark
    public int encode()
    {
        answer.clear();
        answers.answer(echo, decided, answer);
        return answer.writerIndex();
    }

    @Benchmark
    public int decodeAndEncode()
    {
        decode();
        return encode();
    }

    /** The last decode and encode were right. */
    @TearDown(Level.Iteration)
    public void checkAnswers()
    {
        if (command.amount != AMOUNT || command.pan != DemoData.pan(0) || command.panLength != 16 ||
            !DemoData.merchantId(1).equals(command.merchantId.toString()) ||
            !"R00000000001".equals(command.orderId.toString()))
        {
            throw new IllegalStateException("decoded command differs from the request: " + command.orderId);
        }
        answer.clear();
        answers.answer(echo, decided, answer);
        answer.skipBytes(2);
        if (check.decode(answer) != IsoMessage.OK || check.mti() != 110 || check.asciiDigits(39) != 0 ||
            check.numeric(6) != AMOUNT - DISCOUNT || check.numeric(11) != STAN)
        {
            throw new IllegalStateException("encoded answer does not decode to the decision");
        }
    }
}
