package org.payswitch.gateway.iso;

import io.netty.buffer.ByteBuf;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.TransactionView;

/**
 * Encodes ISO 8583 answers (docs/api.md section 4): MTI + 10; fields 2, 3, 4, 7, 11, 12, 13,
 * 37, 41, 42, 49 echoed byte for byte when the request had them; 39 always; 38 (auth code) and 6
 * (charged amount) when approved; 54 with one 20-character instant-discount entry when a discount
 * applied. One instance per thread.
 */
final class IsoAnswers
{
    private static final int[] ECHOED_BEFORE_6 = {2, 3, 4};
    private static final int[] ECHOED_AFTER_6 = {7, 11, 12, 13, 37};
    private static final int[] ECHOED_AFTER_39 = {41, 42};

    private final IsoWriter writer = new IsoWriter();
    /** One DE 54 additional amount: account type 2, amount type 2, currency 3, sign 1, amount 12. */
    private static final int ADDITIONAL_AMOUNT_LENGTH = 20;

    private final byte[] additionalAmount = new byte[ADDITIONAL_AMOUNT_LENGTH];

    /** The answer to a request the engine decided (or refused with 91), from the fields it echoes. */
    void answer(final IsoEcho request, final SwitchCommand command, final ByteBuf out)
    {
        final ResponseCode code = command.responseCode == null ? ResponseCode.SYSTEM_MALFUNCTION : command.responseCode;
        final TransactionView t = command.transaction;
        final boolean approved = code.isApproved() && t.present;
        writer.begin(out, request.mti() + 10, false);
        for (final int field : ECHOED_BEFORE_6)
        {
            writer.echo(field, request);
        }
        if (approved)
        {
            writer.numeric(6, t.chargedAmount);
        }
        for (final int field : ECHOED_AFTER_6)
        {
            writer.echo(field, request);
        }
        if (approved)
        {
            writer.ascii(38, t.authCode);
        }
        writer.ascii(39, code.code());
        for (final int field : ECHOED_AFTER_39)
        {
            writer.echo(field, request);
        }
        writer.echo(49, request);
        if (approved && t.discount > 0)
        {
            writer.lllAscii(54, discountEntry(t.currency, t.discount), additionalAmount.length);
        }
        writer.end();
    }

    /** The answer to a request that could not be parsed: its MTI + 10, DE 11 (and 41) echoed, 39 = 30. */
    void formatError(final IsoMessage request, final ByteBuf out)
    {
        writer.begin(out, request.mti() / 10 * 10 + 10, false);
        writer.echo(11, request);
        writer.ascii(39, ResponseCode.FORMAT_ERROR.code());
        writer.echo(41, request);
        writer.end();
    }

    /** The answer to a network management request (0800): 0810 echoing 7, 11, 70, with 39 = 00. */
    void networkManagement(final IsoMessage request, final ByteBuf out)
    {
        writer.begin(out, 810, request.has(70));
        writer.echo(7, request);
        writer.echo(11, request);
        writer.ascii(39, ResponseCode.APPROVED.code());
        writer.echo(70, request);
        writer.end();
    }

    /** "00" account type, "91" instant discount, the currency, "C", the discount in 12 digits. */
    private byte[] discountEntry(final int currency, final long discount)
    {
        final byte[] entry = additionalAmount;
        entry[0] = '0';
        entry[1] = '0';
        entry[2] = '9';
        entry[3] = '1';
        entry[4] = (byte)('0' + currency / 100 % 10);
        entry[5] = (byte)('0' + currency / 10 % 10);
        entry[6] = (byte)('0' + currency % 10);
        entry[7] = 'C';
        long rest = discount;
        for (int i = ADDITIONAL_AMOUNT_LENGTH - 1; i >= 8; i--)
        {
            entry[i] = (byte)('0' + rest % 10);
            rest /= 10;
        }
        return entry;
    }
}
