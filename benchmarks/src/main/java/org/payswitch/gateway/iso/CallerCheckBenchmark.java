package org.payswitch.gateway.iso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
import org.payswitch.core.config.ApiKey;
import org.payswitch.core.domain.AsciiIdSet;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.gateway.auth.ApiKeys;
import org.payswitch.gateway.auth.CheckoutGuard;

/**
 * What proving a caller costs per request, on one thread: {@code apiKey} is a checkout call's
 * check ({@link CheckoutGuard#admit}: SHA-256 of a 47-character key, map lookup, constant-time
 * compare); {@code isoMac} the check of an ISO 8583 0100's MAC ({@link IsoMac}: HMAC-SHA256 over
 * a 0100 of the load generator's fields). Checks its answers after each iteration: every call admitted,
 * every MAC verified.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CallerCheckBenchmark extends SwitchFork
{
    private static final String KEY = "psk_YmVuY2htYXJrLWtleS1mb3ItdGhlLWNoZWNrb3V0LWd1YXJk";
    private static final byte[] MAC_KEY = new byte[32];

    private final SwitchCommand request = new SwitchCommand();
    private final IsoMessage message = new IsoMessage();
    private final IsoMac mac = new IsoMac();
    private CheckoutGuard guard;
    private String header;
    private byte[][] pads;
    private long calls;
    private long refused;

    @Setup(Level.Trial)
    public void prepare() throws Exception
    {
        guard = new CheckoutGuard(ApiKeys.of(List.of(new ApiKey("bench", sha256(KEY.getBytes(StandardCharsets.US_ASCII)),
            AsciiIdSet.of(List.of("M00000000000001"), 15)))));
        header = "Bearer " + KEY;
        pads = IsoMac.pads(MAC_KEY);
        if (message.decode(Unpooled.wrappedBuffer(signed0100())) != IsoMessage.OK || !mac.verifies(message, pads[0], pads[1]))
        {
            throw new IllegalStateException("the benchmark's signed 0100 does not verify");
        }
    }

    @Benchmark
    public int apiKey()
    {
        final int outcome = guard.admit(header, request);
        calls++;
        refused += outcome;
        return outcome;
    }

    @Benchmark
    public boolean isoMac()
    {
        final boolean verified = mac.verifies(message, pads[0], pads[1]);
        calls++;
        refused += verified ? 0 : 1;
        return verified;
    }

    /** Every check of the iteration passed. */
    @TearDown(Level.Iteration)
    public void checkAnswers()
    {
        if (refused != 0)
        {
            throw new IllegalStateException(refused + " of " + calls + " checks refused a valid caller");
        }
    }

    /** A 0100 as the load generator sends it, DE 64 appended with its MAC under {@link #MAC_KEY}. */
    private static byte[] signed0100() throws Exception
    {
        final ByteBuf frame = Unpooled.buffer(256);
        new IsoWriter().begin(frame, 100, false)
            .llNumeric(2, 6_222_600_000_000_006L, 16)
            .numeric(3, 0)
            .numeric(4, 12_000)
            .numeric(11, 1)
            .llNumeric(32, 12_345, 5)
            .ascii(37, "BENCH0000001")
            .ascii(42, "M00000000000001")
            .ascii(49, "156")
            .end();
        final byte[] unsigned = new byte[frame.readableBytes() - 2];
        frame.getBytes(2, unsigned);
        final byte[] message = Arrays.copyOf(unsigned, unsigned.length + IsoMac.LENGTH);
        message[2 + 7] |= 0x01;
        final Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(MAC_KEY, "HmacSHA256"));
        hmac.update(message, 0, unsigned.length);
        System.arraycopy(hmac.doFinal(), 0, message, unsigned.length, IsoMac.LENGTH);
        return message;
    }

    private static byte[] sha256(final byte[] bytes)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
