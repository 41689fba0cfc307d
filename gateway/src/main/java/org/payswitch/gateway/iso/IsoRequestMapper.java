package org.payswitch.gateway.iso;

import org.payswitch.core.domain.Pan;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;

/**
 * Turns a decoded ISO 8583 request into an engine command (docs/api.md section 4): 0100 hold,
 * 0200 sale, 0220 capture, 0400/0420 reversal, the original named by DE 42 + DE 37. False when a
 * field the MTI needs is missing or malformed: the request is answered 30.
 */
final class IsoRequestMapper
{
    private IsoRequestMapper()
    {
    }

    static boolean map(final IsoMessage request, final SwitchCommand command)
    {
        switch (request.mti())
        {
            case 100, 200 ->
            {
                command.type = CommandType.AUTHORIZE;
                command.capture = request.mti() == 200;
                return key(request, command) && card(request, command) && amount(request, command) &&
                    currency(request, command) && optionalFields(request, command);
            }
            case 220 ->
            {
                command.type = CommandType.CAPTURE;
                command.hasAmount = true;
                return key(request, command) && amount(request, command);
            }
            case 400, 420 ->
            {
                command.type = CommandType.REVERSAL;
                return key(request, command);
            }
            default ->
            {
                return false;
            }
        }
    }

    private static boolean key(final IsoMessage request, final SwitchCommand command)
    {
        return request.copyAscii(42, command.merchantId) && command.merchantId.length() > 0 &&
            request.copyAscii(37, command.orderId) && command.orderId.length() > 0 && command.orderId.isIdentifier();
    }

    private static boolean card(final IsoMessage request, final SwitchCommand command)
    {
        final int digits = request.digitCount(2);
        if (!Pan.isValidLength(digits))
        {
            return false;
        }
        command.pan = request.unsignedDigits(2);
        command.panLength = digits;
        return true;
    }

    private static boolean amount(final IsoMessage request, final SwitchCommand command)
    {
        command.amount = request.numeric(4);
        return command.amount >= 0;
    }

    private static boolean currency(final IsoMessage request, final SwitchCommand command)
    {
        command.currency = request.asciiDigits(49);
        return command.currency > 0;
    }

    private static boolean optionalFields(final IsoMessage request, final SwitchCommand command)
    {
        command.expiry = request.has(14) ? (int)request.numeric(14) : SwitchCommand.NO_EXPIRY;
        command.mcc = request.has(18) ? (int)request.numeric(18) : SwitchCommand.NO_MCC;
        return true;
    }
}
