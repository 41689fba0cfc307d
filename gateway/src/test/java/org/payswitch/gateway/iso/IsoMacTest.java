package org.payswitch.gateway.iso;

import java.util.HexFormat;

import io.netty.buffer.Unpooled;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87BPackager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IsoMacTest
{
    private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] OTHER_KEY = HexFormat.of().parseHex("ff0102030405060708090a0b0c0d0e0f");

    private final IsoMac mac = new IsoMac();
    private final byte[][] pads = IsoMac.pads(KEY);
    private final IsoMessage decoded = new IsoMessage();

    private static ISOMsg authorization() throws Exception
    {
        final ISOMsg msg = new ISOMsg("0100");
        msg.set(2, "6222600000000006");
        msg.set(3, "000000");
        msg.set(4, "000000012000");
        msg.set(11, "000001");
        msg.set(32, "12345");
        msg.set(37, "MAC000000001");
        msg.set(42, "M00000000000001");
        msg.set(49, "156");
        return msg;
    }

    private boolean verifies(final ISOMsg message) throws Exception
    {
        message.setPackager(new ISO87BPackager());
        assertThat(decoded.decode(Unpooled.wrappedBuffer(message.pack()))).isEqualTo(IsoMessage.OK);
        return mac.verifies(decoded, pads[0], pads[1]);
    }

    @Test
    void shouldAcceptTheMacTheJdksHmacSha256MakesInDe64() throws Exception
    {
        assertThat(verifies(IsoMacs.sign(authorization(), KEY))).isTrue();
    }

    @Test
    void shouldAcceptItInDe128WithASecondaryBitmap() throws Exception
    {
        final ISOMsg reversal = authorization();
        reversal.setMTI("0400");
        reversal.set(90, "010000000100000000000000000000000000000000");

        assertThat(verifies(IsoMacs.sign(reversal, KEY))).isTrue();
    }

    @Test
    void shouldRefuseAnAlteredMessageAnotherKeysMacOrNone() throws Exception
    {
        final ISOMsg altered = IsoMacs.sign(authorization(), KEY);
        altered.set(4, "000000000100");
        assertThat(verifies(altered)).isFalse();
        assertThat(verifies(IsoMacs.sign(authorization(), OTHER_KEY))).isFalse();
        assertThat(verifies(authorization())).isFalse();
        final ISOMsg zeroMac = authorization();
        zeroMac.set(64, new byte[8]);
        assertThat(verifies(zeroMac)).isFalse();
    }

    @Test
    void shouldRefuseADe64ThatOtherFieldsFollow() throws Exception
    {
        final ISOMsg message = IsoMacs.sign(authorization(), KEY);
        message.setMTI("0400");
        message.set(90, "010000000100000000000000000000000000000000");

        assertThat(verifies(message)).isFalse();
    }

    @Test
    void shouldGiveTheSameAnswerWhenReusedForManyMessages() throws Exception
    {
        final ISOMsg good = IsoMacs.sign(authorization(), KEY);
        final ISOMsg bad = IsoMacs.sign(authorization(), OTHER_KEY);
        for (int i = 0; i < 3; i++)
        {
            assertThat(verifies(good)).isTrue();
            assertThat(verifies(bad)).isFalse();
        }
    }

    @Test
    void shouldAllocateNothingPerCheckOnceWarm() throws Exception
    {
        final ISOMsg good = IsoMacs.sign(authorization(), KEY);
        good.setPackager(new ISO87BPackager());
        decoded.decode(Unpooled.wrappedBuffer(good.pack()));
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++)
        {
            mac.verifies(decoded, pads[0], pads[1]);
        }
        final long thread = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(thread);
        int verified = 0;
        for (int i = 0; i < 10_000; i++)
        {
            verified += mac.verifies(decoded, pads[0], pads[1]) ? 1 : 0;
        }
        final long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(verified).isEqualTo(10_000);
        assertThat(allocated).as("bytes allocated by 10 000 checks").isLessThan(10_000);
    }
}
