package org.payswitch.tools;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import org.agrona.DirectBuffer;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;

/**
 * Which records {@code journal dump} and {@code journal tail} print: every condition given must
 * hold (an absent one holds for every record). Built once from the options, it then tests each
 * record in place, without decoding it or allocating: times as epoch milliseconds, ids as bytes,
 * types and codes as sets.
 */
final class RecordFilter
{
    long fromMillis = Long.MIN_VALUE;
    long toMillis = Long.MAX_VALUE;
    byte[] merchantId;
    byte[] orderId;
    long transactionId;
    int campaign = -1;
    EnumSet<CommandType> types;
    EnumSet<ResponseCode> codes;

    /** True when the record meets every condition. */
    boolean test(final RecordView record)
    {
        final long time = record.timestamp();
        return time >= fromMillis && time < toMillis &&
            (merchantId == null || sameBytes(record.buffer(), record.merchantIdAt(), record.merchantIdLength(), merchantId)) &&
            (orderId == null || sameBytes(record.buffer(), record.orderIdAt(), record.orderIdLength(), orderId)) &&
            (transactionId == 0 || record.namedTransactionId() == transactionId ||
                record.resultTransactionId() == transactionId) &&
            (campaign < 0 || record.campaign() == campaign) &&
            (types == null || types.contains(record.type())) &&
            (codes == null || (record.responseCode() != null && codes.contains(record.responseCode())));
    }

    /** Epoch milliseconds of an ISO-8601 instant with an offset, e.g. 2026-11-11T00:00:00+08:00 or 2026-11-10T16:00:00Z. */
    static long instant(final String option, final String text)
    {
        try
        {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        }
        catch (final DateTimeParseException | ArithmeticException e)
        {
            throw new BadOptionException(option, text,
                "an ISO-8601 instant with an offset, e.g. 2026-11-11T00:00:00+08:00 or 2026-11-10T16:00:00Z");
        }
    }

    /** The journaled command types named (any case), each value possibly a comma-separated list. */
    static EnumSet<CommandType> types(final String option, final List<String> values)
    {
        final EnumSet<CommandType> types = EnumSet.noneOf(CommandType.class);
        for (final String name : split(values))
        {
            final CommandType type = Arrays.stream(CommandType.values())
                .filter(t -> t.changesState() && t.name().equalsIgnoreCase(name)).findFirst().orElse(null);
            if (type == null)
            {
                throw new BadOptionException(option, name, "the journaled command types: " +
                    Arrays.stream(CommandType.values()).filter(CommandType::changesState).map(Enum::name)
                        .collect(Collectors.joining(", ")));
            }
            types.add(type);
        }
        return types;
    }

    /** The two-character response codes named, each value possibly a comma-separated list. */
    static EnumSet<ResponseCode> codes(final String option, final List<String> values)
    {
        final EnumSet<ResponseCode> codes = EnumSet.noneOf(ResponseCode.class);
        for (final String code : split(values))
        {
            final ResponseCode found = code.length() == 2 ? ResponseCode.fromCode(code) : null;
            if (found == null)
            {
                throw new BadOptionException(option, code, "response codes: " +
                    Arrays.stream(ResponseCode.values()).map(ResponseCode::code).collect(Collectors.joining(", ")));
            }
            codes.add(found);
        }
        return codes;
    }

    /** A positive whole number (a transaction id). */
    static long positive(final String option, final String text)
    {
        try
        {
            final long value = Long.parseLong(text.trim());
            if (value > 0)
            {
                return value;
            }
        }
        catch (final NumberFormatException e)
        {
            // answered below, as for a value that is not positive
        }
        throw new BadOptionException(option, text, "a whole number above 0");
    }

    /** A campaign number: 0 or above. */
    static int campaignNumber(final String option, final String text)
    {
        try
        {
            final int value = Integer.parseInt(text.trim());
            if (value >= 0 && value <= Short.MAX_VALUE)
            {
                return value;
            }
        }
        catch (final NumberFormatException e)
        {
            // answered below, as for a value out of range
        }
        throw new BadOptionException(option, text, "a campaign number, 0 to " + Short.MAX_VALUE);
    }

    /** An id's bytes as the journal records them (one byte a character). */
    static byte[] id(final String text)
    {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> split(final List<String> values)
    {
        return values.stream().flatMap(value -> Arrays.stream(value.split(",")))
            .map(String::trim).filter(value -> !value.isEmpty()).collect(Collectors.toList());
    }

    private static boolean sameBytes(final DirectBuffer buffer, final int at, final int length, final byte[] wanted)
    {
        if (length != wanted.length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (buffer.getByte(at + i) != wanted[i])
            {
                return false;
            }
        }
        return true;
    }
}
