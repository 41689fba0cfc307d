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
 * no String or boxed number per field (docs/api.md section 3). A field of the wrong type or shape
 * is a format problem naming the field; values of the right shape that the switch refuses (an
 * amount of 0, a PAN failing Luhn) are left to the engine's decision. Fields it does not know are
 * skipped, whatever their name, if they are valid JSON nested at most {@value JsonCursor#MAX_DEPTH}
 * deep; a later duplicate of a field wins. One instance per I/O thread or connection.
 *
 * <p>In steps: the object's members one by one ({@link #readMember}), each known field by its own
 * reader, then what must follow the object, then the required fields ({@link #hasRequired}).
 * Every step returns false with the problem set; none throws or allocates.
 */
final class AuthorizationParser
{
    /** Longest key read as a name: the longest a format problem may echo (docs/api.md section 7). */
    private static final int KEY_CAPACITY = 40;
    /** Room for a string field's value: more than the longest valid one (a 19-digit PAN). */
    private static final int SCRATCH_CAPACITY = 64;
    private static final int EXPIRY_DIGITS = 4;
    private static final int MCC_DIGITS = 4;
    /** The object's own level, counted by the depth limit of an unknown field's value. */
    private static final int BODY_LEVEL = 1;

    private static final int MERCHANT_ID = 1;
    private static final int ORDER_ID = 1 << 1;
    private static final int PAN = 1 << 2;
    private static final int AMOUNT = 1 << 3;
    private static final int CURRENCY = 1 << 4;

    private static final String OBJECT_REQUIRED = "body: a JSON object is required";
    private static final String MALFORMED_OBJECT = "body: malformed JSON object";

    private final JsonCursor cursor = new JsonCursor();
    private final AsciiField key = new AsciiField(KEY_CAPACITY);
    private final AsciiField scratch = new AsciiField(SCRATCH_CAPACITY);
    /** The required fields read so far, one bit each. */
    private int seen;

    /** Fills {@code command} from {@code body}; false with {@code problem} set when the body is not valid. */
    boolean parse(final ByteBuf body, final SwitchCommand command, final FormatProblem problem)
    {
        command.type = CommandType.AUTHORIZE;
        cursor.wrap(body);
        seen = 0;
        if (!cursor.consume('{'))
        {
            return problem.set(null, OBJECT_REQUIRED);
        }
        return readMembers(command, problem) && nothingAfter(problem) && hasRequired(problem);
    }

    private boolean readMembers(final SwitchCommand command, final FormatProblem problem)
    {
        if (cursor.consume('}'))
        {
            return true;
        }
        do
        {
            if (!readMember(command, problem))
            {
                return false;
            }
        }
        while (cursor.consume(','));
        return cursor.consume('}') || problem.set(null, MALFORMED_OBJECT);
    }

    /** One "key": value member: a known field by its reader, any other skipped. */
    private boolean readMember(final SwitchCommand command, final FormatProblem problem)
    {
        final int read = cursor.readKey(key);
        if (read == JsonCursor.NO_KEY || !cursor.consume(':'))
        {
            return problem.set(null, MALFORMED_OBJECT);
        }
        if (read == JsonCursor.OTHER_KEY)
        {
            return skipUnknown(problem);
        }
        if (is("merchantId"))
        {
            return readMerchantId(command, problem);
        }
        if (is("orderId"))
        {
            return readOrderId(command, problem);
        }
        if (is("pan"))
        {
            return readPan(command, problem);
        }
        if (is("expiry"))
        {
            return readExpiry(command, problem);
        }
        if (is("amount"))
        {
            return readAmount(command, problem);
        }
        if (is("currency"))
        {
            return readCurrency(command, problem);
        }
        if (is("mcc"))
        {
            return readMcc(command, problem);
        }
        if (is("capture"))
        {
            return readCapture(command, problem);
        }
        return skipUnknown(problem);
    }

    private boolean readMerchantId(final SwitchCommand command, final FormatProblem problem)
    {
        final AsciiField id = command.merchantId;
        if (!cursor.readAscii(id) || id.length() == 0 || id.length() > MerchantBook.MAX_ID_LENGTH || !id.isIdentifier())
        {
            return problem.set("merchantId", "merchantId: 1..15 characters of [A-Za-z0-9_-]");
        }
        seen |= MERCHANT_ID;
        return true;
    }

    private boolean readOrderId(final SwitchCommand command, final FormatProblem problem)
    {
        final AsciiField id = command.orderId;
        if (!cursor.readAscii(id) || id.length() == 0 || !id.isIdentifier())
        {
            return problem.set("orderId", "orderId: 1..40 characters of [A-Za-z0-9_-]");
        }
        seen |= ORDER_ID;
        return true;
    }

    private boolean readPan(final SwitchCommand command, final FormatProblem problem)
    {
        final long pan = cursor.readAscii(scratch) ? Pan.parse(scratch) : Pan.INVALID;
        if (pan == Pan.INVALID)
        {
            return problem.set("pan", "pan: 12..19 digits");
        }
        command.pan = pan;
        command.panLength = scratch.length();
        seen |= PAN;
        return true;
    }

    private boolean readExpiry(final SwitchCommand command, final FormatProblem problem)
    {
        if (cursor.readNull())
        {
            command.expiry = SwitchCommand.NO_EXPIRY;
            return true;
        }
        if (!cursor.readAscii(scratch) || (command.expiry = digits(EXPIRY_DIGITS)) < 0 ||
            !ZoneCalendar.isValidExpiry(command.expiry))
        {
            return problem.set("expiry", "expiry: YYMM");
        }
        return true;
    }

    private boolean readAmount(final SwitchCommand command, final FormatProblem problem)
    {
        if (!cursor.readLong())
        {
            return problem.set("amount", "amount: an integer number of minor units");
        }
        command.amount = cursor.longValue();
        seen |= AMOUNT;
        return true;
    }

    private boolean readCurrency(final SwitchCommand command, final FormatProblem problem)
    {
        if (!cursor.readAscii(scratch) || (command.currency = Currencies.numericOf(scratch)) < 0)
        {
            return problem.set("currency", "currency: a known ISO 4217 alphabetic code");
        }
        seen |= CURRENCY;
        return true;
    }

    private boolean readMcc(final SwitchCommand command, final FormatProblem problem)
    {
        if (cursor.readNull())
        {
            command.mcc = SwitchCommand.NO_MCC;
            return true;
        }
        if (!cursor.readAscii(scratch) || (command.mcc = digits(MCC_DIGITS)) < 0)
        {
            return problem.set("mcc", "mcc: 4 digits");
        }
        return true;
    }

    private boolean readCapture(final SwitchCommand command, final FormatProblem problem)
    {
        final int capture = cursor.readBoolean();
        if (capture < 0)
        {
            return problem.set("capture", "capture: true or false");
        }
        command.capture = capture == 1;
        return true;
    }

    private boolean skipUnknown(final FormatProblem problem)
    {
        if (cursor.skipValue(BODY_LEVEL))
        {
            return true;
        }
        return cursor.tooDeep() ? tooDeep(problem) : problem.set(null, "body: malformed JSON");
    }

    private boolean nothingAfter(final FormatProblem problem)
    {
        return cursor.atEnd() || problem.set(null, "body: trailing characters after the JSON object");
    }

    /** The required fields, in the order their absence is named. */
    private boolean hasRequired(final FormatProblem problem)
    {
        if ((seen & MERCHANT_ID) == 0)
        {
            return problem.set("merchantId", "merchantId: required");
        }
        if ((seen & ORDER_ID) == 0)
        {
            return problem.set("orderId", "orderId: required");
        }
        if ((seen & PAN) == 0)
        {
            return problem.set("pan", "pan: required");
        }
        if ((seen & AMOUNT) == 0)
        {
            return problem.set("amount", "amount: required");
        }
        return (seen & CURRENCY) != 0 || problem.set("currency", "currency: required");
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

    /** The scratch's value as a number of exactly {@code count} digits, or -1. */
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
