package org.payswitch.gateway.iso;

import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87BPackager;

/**
 * MACs jPOS messages as an acquirer would, with the JDK's own {@code HmacSHA256} (not the
 * switch's code): DE 64, or DE 128 when the message has fields above 64, over the packed bytes
 * before it, truncated to 8 bytes.
 */
public final class IsoMacs
{
    private IsoMacs()
    {
    }

    /** Sets the message's MAC field to its MAC under {@code key}; returns the message. */
    public static ISOMsg sign(final ISOMsg message, final byte[] key) throws Exception
    {
        message.setPackager(new ISO87BPackager());
        final int field = message.getMaxField() > 64 ? 128 : 64;
        message.set(field, new byte[8]);
        final byte[] packed = message.pack();
        final Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        hmac.update(packed, 0, packed.length - 8);
        message.set(field, Arrays.copyOf(hmac.doFinal(), 8));
        return message;
    }
}
