package org.payswitch.gateway;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.testing.DataFolderFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherIT
{
    private static final String AUTHORIZATION = "{\"merchantId\":\"M00000000000001\",\"orderId\":\"TM20261111000001\"," +
        "\"pan\":\"6222600000000006\",\"expiry\":\"3012\",\"amount\":12000,\"currency\":\"CNY\",\"mcc\":\"5651\"," +
        "\"capture\":false}";

    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    /**
     * The switch as shipped (max-queue-delay 0.1 s, not the system tests' 30 s): the first capture
     * after a start is answered. Jackson used to build its mapper and the body's deserializer in that
     * request, 274 ms on the I/O thread, so the switch shed it as late (503/91) with its ring empty;
     * built at start-up, the first capture takes 15-17 ms (measured 2026-12-07 with curl).
     */
    @Test
    void shouldAnswerTheFirstCaptureAfterAStartRatherThanShedIt() throws Exception
    {
        try (SwitchProcess shipped = SwitchProcess.startAsShipped(dataDir, 1000))
        {
            final HttpResponse<String> unknown = shipped.post("/v1/authorizations/999/capture", "{\"amount\":5000}");

            assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
            assertThat(shipped.terminate()).isEqualTo(0);
        }
    }

    @Test
    void shouldStopOnSigtermWithStatusZeroAndFindTheTransactionAfterARestart() throws Exception
    {
        final String transactionId;
        try (SwitchProcess first = SwitchProcess.start(dataDir, 1000))
        {
            assertThat(first.get("/health").statusCode()).isEqualTo(200);
            final HttpResponse<String> approved = first.post("/v1/authorizations", AUTHORIZATION);
            assertThat(approved.statusCode()).isEqualTo(200);
            assertThat(approved.body()).contains("\"responseCode\":\"00\"", "\"discount\":1000",
                "\"maskedPan\":\"622260******0006\"");
            transactionId = Json.text(approved.body(), "transactionId");

            assertThat(first.terminate()).isEqualTo(0);
            assertThat(first.output()).contains("every request answered").doesNotContain("6222600000000006");
        }

        try (SwitchProcess second = SwitchProcess.start(dataDir, 1000))
        {
            final HttpResponse<String> found =
                second.get("/v1/transactions?merchantId=M00000000000001&orderId=TM20261111000001");
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(Json.text(found.body(), "transactionId")).isEqualTo(transactionId);
            assertThat(found.body()).contains("\"status\":\"AUTHORIZED\"", "\"chargedAmount\":11000");
            final HttpResponse<String> captured =
                second.post("/v1/authorizations/" + transactionId + "/capture", "{\"amount\":5000}");
            assertThat(captured.statusCode()).as(captured.body()).isEqualTo(200);
            assertThat(captured.body()).contains("\"status\":\"CAPTURED\"", "\"capturedAmount\":5000");
            assertThat(second.output()).contains("recovered").contains("snapshot 1 + 0 journal records");
            assertThat(second.terminate()).isEqualTo(0);
        }
    }
}
