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
 * <p>In steps: the members one by one, then what must follow the object, then the required
 * fields ({@link #hasRequired}). Every step returns false with the problem set; none throws or
 * allocates. The member loop and each field's few lines stay in {@link #parse}: with the fields
 * in methods of their own (and the loop in another), the JIT stopped inlining at its node budget
 * and a parse measured 6 to 15 % more CPU; in one method it inlines as before.
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

    /** Fills {@code command} from {@code body}; false with {@code problem} set when the body is not valid. */
    boolean parse(final ByteBuf body, final SwitchCommand command, final FormatProblem problem)
    {
        command.type = CommandType.AUTHORIZE;
        cursor.wrap(body);
        if (!cursor.consume('{'))
        {
            return problem.set(null, OBJECT_REQUIRED);
        }
        int seen = 0;
        if (!cursor.consume('}'))
        {
            do
            {
                if (cursor.readKey(key) == JsonCursor.NO_KEY || !cursor.consume(':'))
                {
                    return problem.set(null, MALFORMED_OBJECT);
                }
                if (is("merchantId"))
                {
                    if (!cursor.readAscii(command.merchantId) || command.merchantId.length() == 0 ||
                        command.merchantId.length() > MerchantBook.MAX_ID_LENGTH || !command.merchantId.isIdentifier())
                    {
                        return problem.set("merchantId", "merchantId: 1..15 characters of [A-Za-z0-9_-]");
                    }
                    seen |= MERCHANT_ID;
                }
                else if (is("orderId"))
                {
                    if (!cursor.readAscii(command.orderId) || command.orderId.length() == 0 ||
                        !command.orderId.isIdentifier())
                    {
                        return problem.set("orderId", "orderId: 1..40 characters of [A-Za-z0-9_-]");
                    }
                    seen |= ORDER_ID;
                }
                else if (is("pan"))
                {
                    if (!cursor.readAscii(scratch) || !parsePan(command))
                    {
                        return problem.set("pan", "pan: 12..19 digits");
                    }
                    seen |= PAN;
                }
                else if (is("expiry"))
                {
                    if (cursor.readNull())
                    {
                        command.expiry = SwitchCommand.NO_EXPIRY;
                    }
                    else if (!cursor.readAscii(scratch) || (command.expiry = digits(EXPIRY_DIGITS)) < 0 ||
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
                    seen |= AMOUNT;
                }
                else if (is("currency"))
                {
                    if (!cursor.readAscii(scratch) || (command.currency = Currencies.numericOf(scratch)) < 0)
                    {
                        return problem.set("currency", "currency: a known ISO 4217 alphabetic code");
                    }
                    seen |= CURRENCY;
                }
                else if (is("mcc"))
                {
                    if (cursor.readNull())
                    {
                        command.mcc = SwitchCommand.NO_MCC;
                    }
                    else if (!cursor.readAscii(scratch) || (command.mcc = digits(MCC_DIGITS)) < 0)
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
                else if (!skipUnknown(problem))
                {
                    return false;
                }
            }
            while (cursor.consume(','));
            if (!cursor.consume('}'))
            {
                return problem.set(null, MALFORMED_OBJECT);
            }
        }
        return nothingAfter(problem) && hasRequired(seen, problem);
    }

    /** A field the switch does not know (or whose name is too long to be one), skipped; false when it is not JSON. */
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

    /** The required fields ({@code seen}, one bit each), in the order their absence is named. */
    private static boolean hasRequired(final int seen, final FormatProblem problem)
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
