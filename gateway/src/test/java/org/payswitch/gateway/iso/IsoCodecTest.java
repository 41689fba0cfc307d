package org.payswitch.gateway.iso;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87BPackager;
import org.junit.jupiter.api.Test;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.engine.AuthCodes;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;

import static org.assertj.core.api.Assertions.assertThat;

/** The codec against jPOS 2.1.10's ISO87BPackager: what jPOS packs we read, what we write jPOS reads. */
class IsoCodecTest
{
    private final ISO87BPackager packager = new ISO87BPackager();

    private ISOMsg authorization(final String mti, final String pan) throws ISOException
    {
        final ISOMsg msg = new ISOMsg(mti);
        msg.setPackager(packager);
        msg.set(2, pan);
        msg.set(3, "000000");
        msg.set(4, "000000012000");
        msg.set(7, "1111000000");
        msg.set(11, "000123");
        msg.set(12, "000000");
        msg.set(13, "1111");
        msg.set(14, "3012");
        msg.set(18, "5651");
        msg.set(22, "071");
        msg.set(32, "12345");
        msg.set(37, "TM0000000001");
        msg.set(41, "TERM0001");
        msg.set(42, "M00000000000001");
        msg.set(49, "156");
        return msg;
    }

    /** A network management echo test (0800, DE 70 301) with the given STAN. */
    private ISOMsg echoTest(final String stan) throws ISOException
    {
        final ISOMsg msg = new ISOMsg("0800");
        msg.setPackager(packager);
        msg.set(7, "1111000000");
        msg.set(11, stan);
        msg.set(70, "301");
        return msg;
    }

    private static ByteBuf body(final ISOMsg msg) throws ISOException
    {
        return Unpooled.wrappedBuffer(msg.pack());
    }

    @Test
    void shouldReadEveryFieldJposPacksInA0100() throws ISOException
    {
        final IsoMessage message = new IsoMessage();
        assertThat(message.decode(body(authorization("0100", "6222600000000006")))).isEqualTo(IsoMessage.OK);

        final SwitchCommand command = new SwitchCommand();
        command.reset();
        assertThat(IsoRequestMapper.map(message, command)).isTrue();
        assertThat(message.mti()).isEqualTo(100);
        assertThat(command.type).isEqualTo(CommandType.AUTHORIZE);
        assertThat(command.capture).isFalse();
        assertThat(command.pan).isEqualTo(6222600000000006L);
        assertThat(command.panLength).isEqualTo(16);
        assertThat(command.amount).isEqualTo(12_000);
        assertThat(command.expiry).isEqualTo(3012);
        assertThat(command.mcc).isEqualTo(5651);
        assertThat(command.currency).isEqualTo(156);
        assertThat(command.merchantId.toString()).isEqualTo("M00000000000001");
        assertThat(command.orderId.toString()).isEqualTo("TM0000000001");
        assertThat(message.numeric(11)).isEqualTo(123);
    }

    @Test
    void shouldReadOddLengthPansOfTwelveAndNineteenDigits() throws ISOException
    {
        final IsoMessage message = new IsoMessage();
        for (final String pan : new String[] {"622260000001", "6222600000000000009", "4367420000000002"})
        {
            assertThat(message.decode(body(authorization("0200", pan)))).isEqualTo(IsoMessage.OK);
            final SwitchCommand command = new SwitchCommand();
            command.reset();
            assertThat(IsoRequestMapper.map(message, command)).isTrue();
            assertThat(command.panLength).isEqualTo(pan.length());
            assertThat(org.payswitch.core.domain.Pan.toDigits(command.pan, command.panLength)).isEqualTo(pan);
            assertThat(command.capture).isTrue();
        }
    }

    @Test
    void shouldMapCompletionAndReversalsToTheirOriginalByMerchantAndRrn() throws ISOException
    {
        final IsoMessage message = new IsoMessage();
        final ISOMsg completion = authorization("0220", "6222600000000006");
        completion.set(4, "000000010000");
        completion.set(90, "010000012311110000000000000000000000000000");
        assertThat(message.decode(body(completion))).isEqualTo(IsoMessage.OK);
        final SwitchCommand command = new SwitchCommand();
        command.reset();
        assertThat(IsoRequestMapper.map(message, command)).isTrue();
        assertThat(command.type).isEqualTo(CommandType.CAPTURE);
        assertThat(command.hasAmount).isTrue();
        assertThat(command.amount).isEqualTo(10_000);

        for (final String mti : new String[] {"0400", "0420"})
        {
            assertThat(message.decode(body(authorization(mti, "6222600000000006")))).isEqualTo(IsoMessage.OK);
            command.reset();
            assertThat(IsoRequestMapper.map(message, command)).isTrue();
            assertThat(command.type).isEqualTo(CommandType.REVERSAL);
            assertThat(command.orderId.toString()).isEqualTo("TM0000000001");
        }
    }

    /** The load generator writes its requests with {@link IsoWriter}: odd digit counts must be padded as jPOS pads them. */
    @Test
    void shouldWriteLlNumericsOfOddAndEvenLengthJposAndTheSwitchRead() throws ISOException
    {
        for (final String pan : new String[] {"6222600000000006", "6222600000000000009", "622260000001"})
        {
            final ByteBuf frame = Unpooled.buffer();
            new IsoWriter().begin(frame, 100, false)
                .llNumeric(2, Long.parseUnsignedLong(pan), pan.length())
                .numeric(11, 123)
                .llNumeric(32, 12_345, 5)
                .end();

            final ISOMsg jpos = unpack(frame.duplicate());
            assertThat(jpos.getString(2)).isEqualTo(pan);
            assertThat(jpos.getString(32)).isEqualTo("12345");

            final IsoMessage ours = new IsoMessage();
            frame.skipBytes(2);
            assertThat(ours.decode(frame)).isEqualTo(IsoMessage.OK);
            assertThat(ours.digitCount(2)).isEqualTo(pan.length());
            assertThat(Long.toUnsignedString(ours.unsignedDigits(2))).isEqualTo(pan);
        }
    }

    /**
     * Fixed numerics of odd and even widths (DE 3, 4, 7, 11, 13, 14) and LL numerics of 1..19 digits,
     * with seeded random values: what {@link IsoWriter} writes, jPOS reads as the same digits, and
     * {@link IsoMessage} reads back as the same numbers.
     */
    @Test
    void shouldRoundTripNumericsOfEveryWidthThroughJpos() throws ISOException
    {
        final long seed = System.nanoTime();
        final java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int round = 0; round < 2_000; round++)
        {
            final long processing = random.nextLong(1_000_000);
            final long amount = random.nextLong(1_000_000_000_000L);
            final long transmitted = random.nextLong(10_000_000_000L);
            final long stan = 1 + random.nextLong(999_999);
            final int panDigits = 1 + random.nextInt(19);
            final long pan = panDigits == 19 ? random.nextLong(Long.MAX_VALUE) : random.nextLong(pow10(panDigits));
            final ByteBuf frame = Unpooled.buffer();
            new IsoWriter().begin(frame, 100, false)
                .llNumeric(2, pan, panDigits)
                .numeric(3, processing)
                .numeric(4, amount)
                .numeric(7, transmitted)
                .numeric(11, stan)
                .numeric(13, round % 10_000)
                .end();

            final ISOMsg jpos = unpack(frame.duplicate());
            final String context = "seed " + seed + ", round " + round;
            assertThat(jpos.getString(2)).as(context).isEqualTo(pad(pan, panDigits));
            assertThat(jpos.getString(4)).as(context).isEqualTo(pad(amount, 12));
            assertThat(jpos.getString(7)).as(context).isEqualTo(pad(transmitted, 10));
            final IsoMessage ours = new IsoMessage();
            frame.skipBytes(2);
            assertThat(ours.decode(frame)).as(context).isEqualTo(IsoMessage.OK);
            assertThat(ours.unsignedDigits(2)).as(context).isEqualTo(pan);
            assertThat(ours.numeric(3)).as(context).isEqualTo(processing);
            assertThat(ours.numeric(4)).as(context).isEqualTo(amount);
            assertThat(ours.numeric(7)).as(context).isEqualTo(transmitted);
            assertThat(ours.numeric(11)).as(context).isEqualTo(stan);
            assertThat(ours.numeric(13)).as(context).isEqualTo(round % 10_000);
        }
    }

    /**
     * A nibble above 9 anywhere in a numeric field (either half of any of its bytes) is refused:
     * in DE 4, before DE 11 is read, the frame is unreadable; in DE 12, after it, a format error to answer.
     */
    @Test
    void shouldRefuseANonDigitNibbleInEveryPositionOfANumericField() throws ISOException
    {
        final byte[] packed = authorization("0100", "6222600000000006").pack();
        final int amountAt = 2 + 8 + 9 + 3;
        final int localTimeAt = amountAt + 6 + 5 + 3;
        for (final int[] field : new int[][] {{amountAt, 6, IsoMessage.UNREADABLE},
            {localTimeAt, 3, IsoMessage.ANSWERABLE_FORMAT_ERROR}})
        {
            for (int i = 0; i < field[1]; i++)
            {
                for (final int bad : new int[] {0xA0, 0x0B})
                {
                    final byte[] frame = packed.clone();
                    final int at = field[0] + i;
                    frame[at] = (byte)((frame[at] & (bad > 0x0F ? 0x0F : 0xF0)) | bad);
                    assertThat(new IsoMessage().decode(Unpooled.wrappedBuffer(frame)))
                        .as("offset %d, nibble %x", at, bad).isEqualTo(field[2]);
                }
            }
        }
        assertThat(new IsoMessage().decode(Unpooled.wrappedBuffer(packed))).isEqualTo(IsoMessage.OK);
    }

    private static long pow10(final int digits)
    {
        long value = 1;
        for (int i = 0; i < digits; i++)
        {
            value *= 10;
        }
        return value;
    }

    private static String pad(final long value, final int digits)
    {
        final String text = Long.toString(value);
        return "0".repeat(digits - text.length()) + text;
    }

    @Test
    void shouldWriteAnApprovedAnswerJposReads() throws ISOException
    {
        final IsoMessage request = new IsoMessage();
        request.decode(body(authorization("0100", "6222600000000006")));
        final SwitchCommand decided = new SwitchCommand();
        decided.reset();
        decided.responseCode = ResponseCode.APPROVED;
        decided.transaction.present = true;
        decided.transaction.status = TransactionStatus.AUTHORIZED;
        decided.transaction.chargedAmount = 11_000;
        decided.transaction.discount = 1_000;
        decided.transaction.currency = 156;
        AuthCodes.write(1, decided.transaction.authCode);

        final ISOMsg answer = unpack(encode(request, decided));

        assertThat(answer.getMTI()).isEqualTo("0110");
        assertThat(answer.getString(2)).isEqualTo("6222600000000006");
        assertThat(answer.getString(3)).isEqualTo("000000");
        assertThat(answer.getString(4)).isEqualTo("000000012000");
        assertThat(answer.getString(6)).isEqualTo("000000011000");
        assertThat(answer.getString(7)).isEqualTo("1111000000");
        assertThat(answer.getString(11)).isEqualTo("000123");
        assertThat(answer.getString(12)).isEqualTo("000000");
        assertThat(answer.getString(13)).isEqualTo("1111");
        assertThat(answer.getString(37)).isEqualTo("TM0000000001");
        assertThat(answer.getString(38)).isEqualTo(decided.transaction.authCode.toString());
        assertThat(answer.getString(39)).isEqualTo("00");
        assertThat(answer.getString(41)).isEqualTo("TERM0001");
        assertThat(answer.getString(42)).isEqualTo("M00000000000001");
        assertThat(answer.getString(49)).isEqualTo("156");
        assertThat(answer.getString(54)).isEqualTo("0091156C000000001000");
        assertThat(answer.hasField(14)).isFalse();
    }

    @Test
    void shouldLeaveOutAuthCodeChargedAmountAndDiscountWhenDeclined() throws ISOException
    {
        final IsoMessage request = new IsoMessage();
        request.decode(body(authorization("0200", "6222600000000006")));
        final SwitchCommand declined = new SwitchCommand();
        declined.reset();
        declined.responseCode = ResponseCode.INSUFFICIENT_FUNDS;

        final ISOMsg answer = unpack(encode(request, declined));

        assertThat(answer.getMTI()).isEqualTo("0210");
        assertThat(answer.getString(39)).isEqualTo("51");
        assertThat(answer.hasField(38)).isFalse();
        assertThat(answer.hasField(6)).isFalse();
        assertThat(answer.hasField(54)).isFalse();
    }

    @Test
    void shouldAnswerNetworkManagementWithASecondaryBitmap() throws ISOException
    {
        final ISOMsg echo = echoTest("000001");
        final IsoMessage request = new IsoMessage();
        assertThat(request.decode(body(echo))).isEqualTo(IsoMessage.OK);
        final ByteBuf out = Unpooled.buffer();
        new IsoAnswers().networkManagement(request, out);

        final ISOMsg answer = unpack(out);

        assertThat(answer.getMTI()).isEqualTo("0810");
        assertThat(answer.getString(39)).isEqualTo("00");
        assertThat(answer.getString(70)).isEqualTo("301");
        assertThat(answer.getString(11)).isEqualTo("000001");
    }

    @Test
    void shouldAnswer30WhenOnlyMtiAndStanCanBeRead() throws ISOException
    {
        final byte[] packed = authorization("0100", "6222600000000006").pack();
        final byte[] truncated = java.util.Arrays.copyOf(packed, packed.length - 5);
        final IsoMessage request = new IsoMessage();
        assertThat(request.decode(Unpooled.wrappedBuffer(truncated))).isEqualTo(IsoMessage.ANSWERABLE_FORMAT_ERROR);
        final ByteBuf out = Unpooled.buffer();
        new IsoAnswers().formatError(request, out);

        final ISOMsg answer = unpack(out);
        assertThat(answer.getMTI()).isEqualTo("0110");
        assertThat(answer.getString(39)).isEqualTo("30");
        assertThat(answer.getString(11)).isEqualTo("000123");
    }

    @Test
    void shouldRefuseMissingFieldsAndBadFieldContent() throws ISOException
    {
        final IsoMessage message = new IsoMessage();
        final SwitchCommand command = new SwitchCommand();
        final ISOMsg noMerchant = authorization("0100", "6222600000000006");
        noMerchant.unset(42);
        assertThat(message.decode(body(noMerchant))).isEqualTo(IsoMessage.OK);
        command.reset();
        assertThat(IsoRequestMapper.map(message, command)).isFalse();

        final ISOMsg badRrn = authorization("0100", "6222600000000006");
        badRrn.set(37, "TM 000000001");
        message.decode(body(badRrn));
        command.reset();
        assertThat(IsoRequestMapper.map(message, command)).isFalse();

        final ISOMsg shortPan = authorization("0100", "62226000006");
        message.decode(body(shortPan));
        command.reset();
        assertThat(IsoRequestMapper.map(message, command)).isFalse();

        final ISOMsg other = authorization("0300", "6222600000000006");
        message.decode(body(other));
        command.reset();
        assertThat(IsoRequestMapper.map(message, command)).isFalse();
    }

    @Test
    void shouldFindUnreadableFrames()
    {
        final IsoMessage message = new IsoMessage();
        assertThat(message.decode(Unpooled.wrappedBuffer(new byte[] {0x01, 0x00, 0, 0}))).isEqualTo(IsoMessage.UNREADABLE);
        final byte[] badMti = new byte[20];
        badMti[0] = (byte)0xAB;
        assertThat(message.decode(Unpooled.wrappedBuffer(badMti))).isEqualTo(IsoMessage.UNREADABLE);
        final byte[] noStan = new byte[12];
        noStan[0] = 0x01;
        noStan[2] = 0x20;
        assertThat(message.decode(Unpooled.wrappedBuffer(noStan))).isEqualTo(IsoMessage.UNREADABLE);
    }

    @Test
    void shouldSkipOtherFieldsOfTheTable() throws ISOException
    {
        final ISOMsg rich = authorization("0100", "6222600000000006");
        rich.set(35, "6222600000000006D3012");
        rich.set(43, "SHOP NAME                    SHANGHAI CN");
        rich.set(48, "PRIVATE DATA");
        rich.set(52, new byte[8]);
        rich.set(128, new byte[8]);
        final IsoMessage message = new IsoMessage();
        assertThat(message.decode(body(rich))).isEqualTo(IsoMessage.OK);
        final AsciiField merchant = new AsciiField(15);
        assertThat(message.copyAscii(42, merchant)).isTrue();
        assertThat(merchant.toString()).isEqualTo("M00000000000001");
    }

    @Test
    void shouldForgetTheFieldsOfTheFrameBeforeWhenReused() throws ISOException
    {
        final ISOMsg rich = authorization("0100", "6222600000000006");
        rich.set(43, "SHOP NAME                    SHANGHAI CN");
        rich.set(128, new byte[8]);
        final ISOMsg plain = echoTest("000124");
        final IsoMessage message = new IsoMessage();

        assertThat(message.decode(body(rich))).isEqualTo(IsoMessage.OK);
        assertThat(message.has(43)).isTrue();
        assertThat(message.decode(body(plain))).isEqualTo(IsoMessage.OK);

        for (final int field : new int[] {2, 3, 4, 12, 13, 14, 18, 22, 32, 37, 41, 42, 43, 49, 128})
        {
            assertThat(message.has(field)).as("field %d of the frame before", field).isFalse();
        }
        assertThat(message.has(70)).isTrue();
        assertThat(message.numeric(11)).isEqualTo(124);
        assertThat(message.decode(Unpooled.wrappedBuffer(new byte[] {0x01, 0x00, 0, 0}))).isEqualTo(IsoMessage.UNREADABLE);
        assertThat(message.has(11)).as("after an unreadable frame").isFalse();
    }

    private static ByteBuf encode(final IsoMessage request, final SwitchCommand decided)
    {
        final IsoEcho echo = new IsoEcho();
        echo.copyFrom(request);
        final ByteBuf out = Unpooled.buffer();
        new IsoAnswers().answer(echo, decided, out);
        return out;
    }

    private ISOMsg unpack(final ByteBuf frame) throws ISOException
    {
        final int length = frame.readUnsignedShort();
        assertThat(length).isEqualTo(frame.readableBytes());
        final byte[] bytes = new byte[length];
        frame.readBytes(bytes);
        final ISOMsg msg = new ISOMsg();
        msg.setPackager(packager);
        msg.unpack(bytes);
        return msg;
    }
}
