package org.payswitch.core.cluster;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.payswitch.core.crypto.ClusterSecret;
import org.payswitch.core.crypto.KeyFileException;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.AsciiIdSet;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.MerchantBook;
import org.payswitch.core.engine.MerchantDefinition;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalCards;
import org.payswitch.core.testing.Campaigns;
import org.payswitch.core.testing.RandomWorkload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A command in the cluster's log ({@link ClusterMessage}): every request a gateway (or the node's
 * clock) sends reads back field for field, with and without the caller's merchant scope, at
 * offset 0 and inside a larger buffer; the forwarder's incarnation and the ring slot read back
 * from the header; no PAN is in clear in the message; card data sealed under one cluster secret
 * does not open under another, nor under another run's key; the decoder gives the same scope
 * object to consecutive messages of the same scope.
 */
class ClusterMessageTest
{
    private static final long INCARNATION = 0x1234_5678_9abc_def1L;
    private static final byte[] SECRET =
        HexFormat.of().parseHex("8f14e45fceea167a5a36dedd4bea2543c9f0f895fb98ab9159f51fd0297e236d");
    private static final long AUTHORIZED_PAN = DemoData.pan(7);
    private static final long LONG_PAN = 6_222_600_123_456_789_013L;
    private static final long SHORT_PAN = 518_888_000_017L;
    private static final long UPSERTED_PAN = 4_367_420_000_000_011L;
    private static final long LOOKED_UP_PAN = DemoData.pan(3);
    private static final long BLOCKED_PAN = DemoData.pan(4);
    private static final AsciiIdSet SCOPE =
        AsciiIdSet.of(List.of(DemoData.merchantId(1), DemoData.merchantId(2), "M-03"), MerchantBook.MAX_ID_LENGTH);

    private final ClusterSecret secret = ClusterSecret.of(SECRET);
    private final ClusterMessage.Encoder encoder = new ClusterMessage.Encoder(INCARNATION, logCards(secret, INCARNATION));
    private final ClusterMessage.Decoder decoder = new ClusterMessage.Decoder();
    private final JournalCards reading = logCards(secret, INCARNATION);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ClusterMessage.MAX_LENGTH]);

    /** Every request a gateway or the node sends: each command type but the snapshot marker, some in several forms. */
    static Stream<Arguments> requests()
    {
        return Stream.of(
            Arguments.of("authorization", authorization(AUTHORIZED_PAN, 16, DemoData.EXPIRY, false)),
            Arguments.of("sale of a 19-digit PAN without expiry", authorization(LONG_PAN, 19, SwitchCommand.NO_EXPIRY, true)),
            Arguments.of("authorization of a 12-digit PAN", authorization(SHORT_PAN, 12, 2901, false)),
            Arguments.of("full capture", capture(0)),
            Arguments.of("partial capture", capture(4_200)),
            Arguments.of("reversal", reversal()),
            Arguments.of("refund", refund()),
            Arguments.of("card", upsertCard()),
            Arguments.of("card status", setCardStatus()),
            Arguments.of("merchant", upsertMerchant()),
            Arguments.of("campaign", createCampaign()),
            Arguments.of("pause", campaignCommand(CommandType.PAUSE_CAMPAIGN, "SINGLES-DAY")),
            Arguments.of("resume", campaignCommand(CommandType.RESUME_CAMPAIGN, "SINGLES-DAY")),
            Arguments.of("transaction by id", transactionById()),
            Arguments.of("transaction by merchant and order", transactionByOrder()),
            Arguments.of("card lookup", lookupCard()),
            Arguments.of("all campaigns", campaignCommand(CommandType.GET_CAMPAIGNS, null)),
            Arguments.of("one campaign", campaignCommand(CommandType.GET_CAMPAIGNS, "SINGLES-DAY")),
            Arguments.of("discount report", plain(CommandType.DISCOUNT_REPORT)),
            Arguments.of("transaction report", plain(CommandType.TRANSACTION_REPORT)),
            Arguments.of("demo data", demoData()),
            Arguments.of("clock tick", plain(CommandType.EXPIRE_HOLDS)));
    }

    @Test
    void shouldCoverEveryCommandTypeButTheSnapshotMarker()
    {
        final Set<CommandType> covered = requests().map(arguments -> ((SwitchCommand)arguments.get()[1]).type)
            .collect(Collectors.toSet());

        assertThat(covered).isEqualTo(EnumSet.complementOf(EnumSet.of(CommandType.TAKE_SNAPSHOT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void shouldReadBackEveryRequestFieldOfAnUnscopedCaller(final String name, final SwitchCommand request)
    {
        final int length = encoder.encode(request, 17, buffer);

        final SwitchCommand read = previouslyUsedSlot();
        decoder.decode(buffer, 0, read, reading);

        assertThat(length).isPositive().isLessThanOrEqualTo(ClusterMessage.MAX_LENGTH);
        assertThat(requestFields(read)).isEqualTo(requestFields(request));
        assertThat(read.merchantScope).isNull();
        assertThat(ClusterMessage.incarnation(buffer, 0)).isEqualTo(INCARNATION);
        assertThat(ClusterMessage.sequence(buffer, 0)).isEqualTo(17);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void shouldReadBackEveryRequestFieldAndTheScopeOfAScopedCallerInsideALargerBuffer(
        final String name, final SwitchCommand request)
    {
        request.merchantScope = SCOPE;
        final int length = encoder.encode(request, Long.MAX_VALUE - 3, buffer);
        final int offset = 1_000;
        final UnsafeBuffer received = new UnsafeBuffer(new byte[offset + length + 64]);
        received.setMemory(0, received.capacity(), (byte)0x5A);
        received.putBytes(offset, buffer, 0, length);

        final SwitchCommand read = previouslyUsedSlot();
        decoder.decode(received, offset, read, reading);

        assertThat(requestFields(read)).isEqualTo(requestFields(request));
        assertThat(read.merchantScope.ids()).isEqualTo(SCOPE.ids());
        assertThat(ClusterMessage.incarnation(received, offset)).isEqualTo(INCARNATION);
        assertThat(ClusterMessage.sequence(received, offset)).isEqualTo(Long.MAX_VALUE - 3);
    }

    @Test
    void shouldTellAnEmptyScopeFromNoScope()
    {
        final SwitchCommand request = transactionById();
        request.merchantScope = AsciiIdSet.of(List.of(), MerchantBook.MAX_ID_LENGTH);
        encoder.encode(request, 1, buffer);

        final SwitchCommand read = previouslyUsedSlot();
        decoder.decode(buffer, 0, read, reading);

        assertThat(read.merchantScope).as("a caller scoped to no merchant is not unscoped").isNotNull();
        assertThat(read.merchantScope.ids()).isEmpty();
    }

    @Test
    void shouldReadBackAScopeOfManyMerchants()
    {
        final List<String> merchants = new ArrayList<>();
        for (int j = 0; j < 2_000; j++)
        {
            merchants.add(DemoData.merchantId(j));
        }
        final SwitchCommand request = authorization(AUTHORIZED_PAN, 16, DemoData.EXPIRY, false);
        request.merchantScope = AsciiIdSet.of(merchants, MerchantBook.MAX_ID_LENGTH);
        encoder.encode(request, 1, buffer);

        final SwitchCommand read = previouslyUsedSlot();
        decoder.decode(buffer, 0, read, reading);

        assertThat(requestFields(read)).isEqualTo(requestFields(request));
        assertThat(read.merchantScope.ids()).containsExactlyInAnyOrderElementsOf(merchants);
    }

    @Test
    void shouldReadEveryMessageOfAForwarderInTurn()
    {
        final List<SwitchCommand> sent = requests().map(arguments -> (SwitchCommand)arguments.get()[1]).toList();
        final SwitchCommand read = previouslyUsedSlot();

        for (int i = 0; i < sent.size(); i++)
        {
            sent.get(i).merchantScope = i % 3 == 0 ? SCOPE : null;
            encoder.encode(sent.get(i), i, buffer);
            decoder.decode(buffer, 0, read, reading);

            assertThat(requestFields(read)).as("message %d, %s", i, sent.get(i).type).isEqualTo(requestFields(sent.get(i)));
            assertThat(read.merchantScope == null).isEqualTo(i % 3 != 0);
            assertThat(ClusterMessage.sequence(buffer, 0)).isEqualTo(i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void shouldHoldNoPanInClear(final String name, final SwitchCommand request)
    {
        request.merchantScope = SCOPE;
        final int length = encoder.encode(request, 5, buffer);
        final byte[] message = new byte[length];
        buffer.getBytes(0, message);

        assertThat(indexOf(message, ascii(SCOPE.ids().iterator().next()))).as("the search finds what is in clear")
            .isNotNegative();
        for (final long[] card : cardsOf(request))
        {
            final long pan = card[0];
            final int panLength = (int)card[1];
            assertThat(indexOf(message, ascii(Pan.toDigits(pan, panLength)))).as("PAN digits").isNegative();
            assertThat(indexOf(message, longBytes(pan, ByteOrder.LITTLE_ENDIAN))).as("PAN, little-endian").isNegative();
            assertThat(indexOf(message, longBytes(pan, ByteOrder.BIG_ENDIAN))).as("PAN, big-endian").isNegative();
        }
    }

    @Test
    void shouldHaveAPanOfEveryKindToLookFor()
    {
        assertThat(requests().mapToInt(arguments -> cardsOf((SwitchCommand)arguments.get()[1]).size()).sum())
            .as("authorizations, the card, its status, the lookup").isEqualTo(6);
    }

    @Test
    void shouldRefuseCardDataSealedUnderAnotherClustersSecret()
    {
        final byte[] otherBytes = SECRET.clone();
        otherBytes[0] ^= 0x40;
        final JournalCards otherCluster = logCards(ClusterSecret.of(otherBytes), INCARNATION);

        encoder.encode(authorization(AUTHORIZED_PAN, 16, DemoData.EXPIRY, false), 1, buffer);
        assertThatThrownBy(() -> decoder.decode(buffer, 0, new SwitchCommand(), otherCluster))
            .isInstanceOf(KeyFileException.class);

        encoder.encode(upsertCard(), 2, buffer);
        assertThatThrownBy(() -> decoder.decode(buffer, 0, new SwitchCommand(), otherCluster))
            .isInstanceOf(KeyFileException.class);
    }

    @Test
    void shouldRefuseCardDataSealedUnderAnotherRunsKey()
    {
        final JournalCards otherRun = logCards(secret, INCARNATION + 2);

        encoder.encode(lookupCard(), 1, buffer);

        assertThatThrownBy(() -> decoder.decode(buffer, 0, new SwitchCommand(), otherRun))
            .isInstanceOf(KeyFileException.class);
    }

    @Test
    void shouldGiveConsecutiveMessagesOfOneScopeTheSameScopeObject()
    {
        final SwitchCommand first = previouslyUsedSlot();
        final SwitchCommand second = previouslyUsedSlot();
        final SwitchCommand third = previouslyUsedSlot();
        final SwitchCommand request = authorization(AUTHORIZED_PAN, 16, DemoData.EXPIRY, false);
        request.merchantScope = SCOPE;

        encoder.encode(request, 1, buffer);
        decoder.decode(buffer, 0, first, reading);
        request.orderId.set("ORDER-2");
        encoder.encode(request, 2, buffer);
        decoder.decode(buffer, 0, second, reading);
        request.merchantScope = AsciiIdSet.of(List.of(DemoData.merchantId(1), DemoData.merchantId(2), "M-03"),
            MerchantBook.MAX_ID_LENGTH);
        encoder.encode(request, 3, buffer);
        decoder.decode(buffer, 0, third, reading);

        assertThat(first.merchantScope.ids()).isEqualTo(SCOPE.ids());
        assertThat(second.merchantScope).isSameAs(first.merchantScope);
        assertThat(third.merchantScope).as("an equal scope of another key").isSameAs(first.merchantScope);
    }

    @Test
    void shouldReadAnotherScopeAsItselfAfterAScopeWasReused()
    {
        final AsciiIdSet other = AsciiIdSet.of(List.of(DemoData.merchantId(9)), MerchantBook.MAX_ID_LENGTH);
        final SwitchCommand request = transactionByOrder();
        final List<Set<String>> scopes = new ArrayList<>();

        for (final AsciiIdSet scope : Arrays.asList(SCOPE, SCOPE, other, null, other, SCOPE))
        {
            request.merchantScope = scope;
            encoder.encode(request, 1, buffer);
            final SwitchCommand read = previouslyUsedSlot();
            decoder.decode(buffer, 0, read, reading);
            scopes.add(read.merchantScope == null ? null : read.merchantScope.ids());
        }

        assertThat(scopes).containsExactly(SCOPE.ids(), SCOPE.ids(), other.ids(), null, other.ids(), SCOPE.ids());
    }

    /** The forwarder's and the service's cards of one run: its log key, derived from the secret and the incarnation. */
    private static JournalCards logCards(final ClusterSecret secret, final long incarnation)
    {
        return JournalCards.forWriting(secret.ringFor(ClusterSecret.LOG, incarnation));
    }

    /** A slot that held another request, scoped, with an answer: what decoding must clear. */
    private static SwitchCommand previouslyUsedSlot()
    {
        final SwitchCommand slot = upsertCard();
        slot.merchantId.set("OLD");
        slot.orderId.set("OLD-ORDER");
        slot.refundId.set("OLD-REFUND");
        slot.transactionId = 99;
        slot.amount = 99;
        slot.hasAmount = true;
        slot.capture = true;
        slot.mcc = 1234;
        slot.currency = 840;
        slot.cardStatus = CardStatus.LOST;
        slot.campaignId = "OLD";
        slot.merchantScope = AsciiIdSet.of(List.of("OLD"), MerchantBook.MAX_ID_LENGTH);
        return slot;
    }

    /** The request fields ({@link SwitchCommand#copyRequestFrom}), the scope by its ids, in one comparable list. */
    private static List<Object> requestFields(final SwitchCommand command)
    {
        return Arrays.asList(command.type, command.timestamp, command.merchantId.toString(), command.orderId.toString(),
            command.transactionId, command.pan, command.panLength, command.expiry, command.amount, command.hasAmount,
            command.currency, command.mcc, command.capture, command.refundId.toString(), command.cardDefinition,
            command.cardStatus, command.merchantDefinition, command.campaignDefinition, command.campaignId,
            command.merchantScope == null ? null : command.merchantScope.ids());
    }

    private static SwitchCommand request(final CommandType type)
    {
        final SwitchCommand command = new SwitchCommand();
        command.reset();
        command.type = type;
        command.timestamp = RandomWorkload.START + type.code();
        return command;
    }

    private static SwitchCommand authorization(final long pan, final int panLength, final int expiry, final boolean capture)
    {
        final SwitchCommand command = request(CommandType.AUTHORIZE);
        command.merchantId.set(DemoData.merchantId(1));
        command.orderId.set("ORDER-" + panLength);
        command.pan = pan;
        command.panLength = panLength;
        command.expiry = expiry;
        command.amount = 12_345;
        command.currency = DemoData.CNY;
        command.mcc = 5812;
        command.capture = capture;
        return command;
    }

    private static SwitchCommand capture(final long amount)
    {
        final SwitchCommand command = request(CommandType.CAPTURE);
        command.transactionId = 41;
        command.amount = amount;
        command.hasAmount = amount > 0;
        return command;
    }

    private static SwitchCommand reversal()
    {
        final SwitchCommand command = request(CommandType.REVERSAL);
        command.merchantId.set(DemoData.merchantId(2));
        command.orderId.set("ISO-000042");
        return command;
    }

    private static SwitchCommand refund()
    {
        final SwitchCommand command = request(CommandType.REFUND);
        command.transactionId = 1L << 40;
        command.refundId.set("R-2026_11-11-0001");
        command.amount = 5_000;
        command.hasAmount = true;
        return command;
    }

    private static SwitchCommand upsertCard()
    {
        final SwitchCommand command = request(CommandType.UPSERT_CARD);
        command.cardDefinition = new CardDefinition(UPSERTED_PAN, 16, 2811, CardStatus.ACTIVE, DemoData.CNY, 800_000,
            Money.NO_LIMIT, 300_000);
        return command;
    }

    private static SwitchCommand setCardStatus()
    {
        final SwitchCommand command = request(CommandType.SET_CARD_STATUS);
        command.pan = BLOCKED_PAN;
        command.panLength = 16;
        command.cardStatus = CardStatus.STOLEN;
        return command;
    }

    private static SwitchCommand upsertMerchant()
    {
        final SwitchCommand command = request(CommandType.UPSERT_MERCHANT);
        command.merchantDefinition = new MerchantDefinition("M-01", "Café Ünïcode & Co", 5651, false);
        return command;
    }

    private static SwitchCommand createCampaign()
    {
        final SwitchCommand command = request(CommandType.CREATE_CAMPAIGN);
        command.campaignDefinition = Campaigns.campaign("SINGLES-DAY").funder("Bank of Tests").bins("622260", "5188880")
            .mccs(5411, 5812).merchants(DemoData.merchantId(1), "M-03").rule(new DiscountRule.Percent(500, 2_000))
            .perCard(3).perCardDaily(1).budget(5_000_000).maxRedemptions(500).onReversal(OnReversal.CONSUME).build();
        return command;
    }

    private static SwitchCommand campaignCommand(final CommandType type, final String campaignId)
    {
        final SwitchCommand command = request(type);
        command.campaignId = campaignId;
        return command;
    }

    private static SwitchCommand transactionById()
    {
        final SwitchCommand command = request(CommandType.GET_TRANSACTION);
        command.transactionId = 123_456_789L;
        return command;
    }

    private static SwitchCommand transactionByOrder()
    {
        final SwitchCommand command = request(CommandType.GET_TRANSACTION);
        command.merchantId.set(DemoData.merchantId(2));
        command.orderId.set("o".repeat(SwitchCommand.MAX_ORDER_ID_LENGTH));
        return command;
    }

    private static SwitchCommand lookupCard()
    {
        final SwitchCommand command = request(CommandType.LOOKUP_CARD);
        command.pan = LOOKED_UP_PAN;
        command.panLength = 16;
        return command;
    }

    private static SwitchCommand demoData()
    {
        final SwitchCommand command = request(CommandType.LOAD_DEMO_DATA);
        command.amount = 1_000_000;
        return command;
    }

    private static SwitchCommand plain(final CommandType type)
    {
        return request(type);
    }

    /** Each card (PAN, length) the request names. */
    private static List<long[]> cardsOf(final SwitchCommand command)
    {
        final List<long[]> cards = new ArrayList<>();
        if (command.panLength != 0)
        {
            cards.add(new long[] {command.pan, command.panLength});
        }
        if (command.cardDefinition != null)
        {
            cards.add(new long[] {command.cardDefinition.pan(), command.cardDefinition.panLength()});
        }
        return cards;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] longBytes(final long value, final ByteOrder order)
    {
        return ByteBuffer.allocate(Long.BYTES).order(order).putLong(value).array();
    }

    private static int indexOf(final byte[] haystack, final byte[] needle)
    {
        for (int at = 0; at + needle.length <= haystack.length; at++)
        {
            if (Arrays.equals(haystack, at, at + needle.length, needle, 0, needle.length))
            {
                return at;
            }
        }
        return -1;
    }
}
