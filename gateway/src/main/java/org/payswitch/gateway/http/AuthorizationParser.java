package org.payswitch.gateway.http;

import io.netty.buffer.ByteBuf;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.Currencies;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.ZoneCalendar;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.MerchantBook;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.gateway.json.JsonCursor;

/**
 * Parses {@code POST /v1/authorizations} bodies straight into a command, field by field, with
 * no String or boxed number per field. A field of the wrong type or shape is a format problem
 * naming the field; values of the right shape that the switch refuses (an amount of 0, a PAN
 * failing Luhn) are left to the engine's decision. One instance per I/O thread or connection.
 */
final class AuthorizationParser
{
    private final JsonCursor cursor = new JsonCursor();
    private final AsciiField key = new AsciiField(32);
    private final AsciiField scratch = new AsciiField(64);

    /** Fills {@code command} from {@code body}; false with {@code problem} set when the body is not valid. */
    boolean parse(final ByteBuf body, final SwitchCommand command, final FormatProblem problem)
    {
        command.type = CommandType.AUTHORIZE;
        cursor.wrap(body);
        if (!cursor.consume('{'))
        {
            return problem.set(null, "body: a JSON object is required");
        }
        boolean hasMerchant = false;
        boolean hasOrder = false;
        boolean hasPan = false;
        boolean hasAmount = false;
        boolean hasCurrency = false;
        if (!cursor.consume('}'))
        {
            do
            {
                if (!cursor.readAscii(key) || !cursor.consume(':'))
                {
                    return problem.set(null, "body: malformed JSON object");
                }
                if (is("merchantId"))
                {
                    if (!cursor.readAscii(command.merchantId) || command.merchantId.length() == 0 ||
                        command.merchantId.length() > MerchantBook.MAX_ID_LENGTH || !command.merchantId.isIdentifier())
                    {
                        return problem.set("merchantId", "merchantId: 1..15 characters of [A-Za-z0-9_-]");
                    }
                    hasMerchant = true;
                }
                else if (is("orderId"))
                {
                    if (!cursor.readAscii(command.orderId) || command.orderId.length() == 0 ||
                        !command.orderId.isIdentifier())
                    {
                        return problem.set("orderId", "orderId: 1..40 characters of [A-Za-z0-9_-]");
                    }
                    hasOrder = true;
                }
                else if (is("pan"))
                {
                    if (!cursor.readAscii(scratch) || !parsePan(command))
                    {
                        return problem.set("pan", "pan: 12..19 digits");
                    }
                    hasPan = true;
                }
                else if (is("expiry"))
                {
                    if (cursor.readNull())
                    {
                        command.expiry = SwitchCommand.NO_EXPIRY;
                    }
                    else if (!cursor.readAscii(scratch) || (command.expiry = digits(4)) < 0 ||
                        !ZoneCalendar.isValidExpiry(command.expiry))
                    {
                        return problem.set("expiry", "expiry: YYMM");
                    }
                }
                else if (is("amount"))
                {
                    if (!cursor.readLong())
                    {
                        return problem.set("amount", "amount: an integer number of minor units");
                    }
                    command.amount = cursor.longValue();
                    hasAmount = true;
                }
                else if (is("currency"))
                {
                    if (!cursor.readAscii(scratch) || (command.currency = Currencies.numericOf(scratch)) < 0)
                    {
                        return problem.set("currency", "currency: a known ISO 4217 alphabetic code");
                    }
                    hasCurrency = true;
                }
                else if (is("mcc"))
                {
                    if (cursor.readNull())
                    {
                        command.mcc = SwitchCommand.NO_MCC;
                    }
                    else if (!cursor.readAscii(scratch) || (command.mcc = digits(4)) < 0)
                    {
                        return problem.set("mcc", "mcc: 4 digits");
                    }
                }
                else if (is("capture"))
                {
                    final int capture = cursor.readBoolean();
                    if (capture < 0)
                    {
                        return problem.set("capture", "capture: true or false");
                    }
                    command.capture = capture == 1;
                }
                else if (!cursor.skipValue(1))
                {
                    return cursor.tooDeep() ? tooDeep(problem) : problem.set(null, "body: malformed JSON");
                }
            }
            while (cursor.consume(','));
            if (!cursor.consume('}'))
            {
                return problem.set(null, "body: malformed JSON object");
            }
        }
        if (!cursor.atEnd())
        {
            return problem.set(null, "body: trailing characters after the JSON object");
        }
        if (!hasMerchant)
        {
            return problem.set("merchantId", "merchantId: required");
        }
        if (!hasOrder)
        {
            return problem.set("orderId", "orderId: required");
        }
        if (!hasPan)
        {
            return problem.set("pan", "pan: required");
        }
        if (!hasAmount)
        {
            return problem.set("amount", "amount: required");
        }
        return hasCurrency || problem.set("currency", "currency: required");
    }

    /** An unknown field nested too deeply: named when it is a plain name (off the hot path: it allocates). */
    private boolean tooDeep(final FormatProblem problem)
    {
        final String field = key.length() > 0 && key.isIdentifier() ? key.toString() : null;
        return problem.set(field, (field == null ? "body" : field) + ": nested deeper than " + JsonCursor.MAX_DEPTH +
            " levels");
    }

    private boolean is(final String name)
    {
        if (key.length() != name.length())
        {
            return false;
        }
        for (int i = 0; i < name.length(); i++)
        {
            if (key.byteAt(i) != name.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private boolean parsePan(final SwitchCommand command)
    {
        final long pan = Pan.parse(scratch);
        if (pan == Pan.INVALID)
        {
            return false;
        }
        command.pan = pan;
        command.panLength = scratch.length();
        return true;
    }

    private int digits(final int count)
    {
        if (scratch.length() != count)
        {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < count; i++)
        {
            final byte b = scratch.byteAt(i);
            if (b < '0' || b > '9')
            {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }
}
