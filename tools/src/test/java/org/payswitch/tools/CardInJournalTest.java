package org.payswitch.tools;

import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalCards;
import org.payswitch.core.journal.JournalRecord;
import org.payswitch.core.journal.PayloadCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CardInJournal} over records encoded by the journal's own {@link JournalRecord} and
 * {@link PayloadCodec} (card definitions sealed under a data key ring in a temporary folder): the
 * card's number as the card book gives it, and which authorizations are the card's.
 */
class CardInJournalTest
{
    private static final long OTHER_PAN = 6_217_000_000_000_000_003L;

    @TempDir
    Path dataDir;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2048]);
    private final SwitchCommand command = new SwitchCommand();
    private JournalCards writing;
    private JournalCards reading;

    @BeforeEach
    void keys()
    {
        final CardKeys keys = CardKeys.demo(dataDir);
        writing = JournalCards.forWriting(keys.openForWriting());
        reading = JournalCards.forReading(keys);
    }

    @Test
    void shouldNumberDemoCardsInOrderAndFindTheCardsAuthorizationsByNumber()
    {
        final CardInJournal card = card(DemoData.pan(5), 16);
        card.loadDemo(10);
        assertThat(card.number()).isEqualTo(5);
        assertThat(card.cards()).isEqualTo(10);
        assertThat(card.authorizes(buffer, authorization(DemoData.pan(5), 5))).isTrue();
        assertThat(card.authorizes(buffer, authorization(DemoData.pan(6), 6))).isFalse();
        assertThat(card.authorizes(buffer, authorization(DemoData.pan(5), 7))).isFalse();
    }

    @Test
    void shouldGiveAnUpsertedCardTheNextNumberAndAReplacedOneNone()
    {
        final CardInJournal card = card(OTHER_PAN, 19);
        card.loadDemo(10);
        upsert(card, DemoData.pan(3), 16);
        upsert(card, 6_222_600_099_999_999L, 16);
        assertThat(card.number()).isEqualTo(CardInJournal.NOT_DEFINED);
        upsert(card, OTHER_PAN, 19);
        upsert(card, OTHER_PAN, 19);
        assertThat(card.number()).isEqualTo(11);
        assertThat(card.cards()).isEqualTo(12);
        assertThat(card.authorizes(buffer, authorization(OTHER_PAN, 11))).isTrue();
    }

    @Test
    void shouldSkipDemoCardsUpsertedBeforeTheDemoDataWasLoaded()
    {
        final CardInJournal card = card(DemoData.pan(3), 16);
        upsert(card, DemoData.pan(2), 16);
        card.loadDemo(5);
        assertThat(card.number()).isEqualTo(3);
        assertThat(card.cards()).isEqualTo(5);
        card.loadDemo(8);
        assertThat(card.cards()).isEqualTo(8);
    }

    @Test
    void shouldFindNoAuthorizationOfACardTheJournalDoesNotDefine()
    {
        final CardInJournal card = card(DemoData.pan(12), 16);
        card.loadDemo(10);
        assertThat(card.number()).isEqualTo(CardInJournal.NOT_DEFINED);
        assertThat(card.authorizes(buffer, authorization(DemoData.pan(12), 12))).isFalse();
    }

    private CardInJournal card(final long pan, final int length)
    {
        return new CardInJournal(new PanInput.Card(pan, length), reading);
    }

    private void upsert(final CardInJournal card, final long pan, final int length)
    {
        command.reset();
        command.type = CommandType.UPSERT_CARD;
        command.cardDefinition = new CardDefinition(pan, length, 3012, CardStatus.ACTIVE, DemoData.CNY, 100_000,
            Money.NO_LIMIT, Money.NO_LIMIT);
        command.responseCode = ResponseCode.APPROVED;
        final byte[] payload = PayloadCodec.encode(command, writing);
        JournalRecord.encode(command, buffer, 0, payload, payload.length, writing);
        card.upsert(buffer, 0, 1);
    }

    /** Encodes an approved authorization of {@code pan}, on file as card {@code number}; returns the offset, 0. */
    private int authorization(final long pan, final int number)
    {
        command.reset();
        command.type = CommandType.AUTHORIZE;
        command.pan = pan;
        command.panLength = Long.toString(pan).length();
        command.cardOnFile = number;
        command.amount = 1_000;
        command.currency = DemoData.CNY;
        command.merchantId.set("M00000000000001");
        command.orderId.set("O1");
        command.responseCode = ResponseCode.APPROVED;
        command.transaction.transactionId = 1;
        JournalRecord.encode(command, buffer, 0, new byte[0], 0, writing);
        return 0;
    }
}
