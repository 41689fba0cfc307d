package org.payswitch.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.config.SwitchConfig;
import org.payswitch.core.config.TlsConfig;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.testing.KeyStoreFiles;
import org.payswitch.gateway.tls.ClientIdentity;
import org.payswitch.gateway.tls.ServerTlsContext;
import org.payswitch.gateway.tls.TlsInitializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS on both ports over real sockets, with key stores made by keytool: HTTPS and ISO 8583 over TLS
 * answered, a plaintext client on a TLS port closed without an answer (and without a stack trace in
 * the log) while the switch goes on serving, and mutual TLS refusing a client without a trusted
 * certificate at the handshake and telling the handlers who a trusted one is.
 */
class TlsIT
{
    private static final String PASSWORD = "tls-it-password";

    @TempDir
    static Path folder;

    private static Path serverStore;
    private static Path acquirerStore;
    private static Path strangerStore;
    private static Path trustStore;
    private static Path passwordFile;
    private static SwitchGateway tls;
    private static SwitchGateway mutual;
    private static final List<LogRecord> LOGGED = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler()
    {
        @Override
        public void publish(final LogRecord record)
        {
            LOGGED.add(record);
        }

        @Override
        public void flush()
        {
        }

        @Override
        public void close()
        {
        }
    };

    @BeforeAll
    static void start() throws Exception
    {
        serverStore = KeyStoreFiles.keyStore(folder, "switch", "CN=localhost,O=Payment Switch", PASSWORD, null, 30);
        acquirerStore = KeyStoreFiles.keyStore(folder, "acquirer", "CN=acquirer-12345,O=Demo Acquirer", PASSWORD,
            null, 30);
        strangerStore = KeyStoreFiles.keyStore(folder, "stranger", "CN=stranger", PASSWORD, null, 30);
        trustStore = KeyStoreFiles.trustStore(folder, "acquirers", acquirerStore, "acquirer", PASSWORD, PASSWORD);
        passwordFile = folder.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Logger.getLogger("").addHandler(CAPTURE);
        tls = SwitchGateway.start(config("tls-data", Map.of("tls-http", "true", "tls-iso", "true")));
        final Path acquirers = Files.writeString(folder.resolve("acquirers.properties"),
            "acquirer.12345.merchants=*\nacquirer.12345.client-subject=CN=acquirer-12345, O=Demo Acquirer\n" +
            "acquirer.67890.merchants=*\nacquirer.67890.client-subject=CN=acquirer-67890,O=Other Acquirer\n");
        mutual = SwitchGateway.start(config("mutual-data", Map.of("tls-http", "true", "tls-iso", "true",
            "tls-client-auth", "REQUIRE", "tls-trust-store", trustStore.toString(),
            "tls-trust-store-password-file", passwordFile.toString(), "acquirers-file", acquirers.toString())));
    }

    @AfterAll
    static void stop()
    {
        tls.stop();
        mutual.stop();
        Logger.getLogger("").removeHandler(CAPTURE);
    }

    private static SwitchConfig config(final String dataDir, final Map<String, String> tlsValues)
    {
        final Map<String, String> values = SwitchConfig.defaults();
        values.put("data-dir", folder.resolve(dataDir).toString());
        values.put("http-port", "0");
        values.put("iso-port", "0");
        values.put("demo-cards", "400");
        values.put("ring-size", "1024");
        values.put("max-queue-delay", "PT30S");
        values.put("tls-key-store", serverStore.toString());
        values.put("tls-key-store-password-file", passwordFile.toString());
        values.putAll(tlsValues);
        return SwitchConfig.from(values);
    }

    private static ISOMsg authorization(final int card, final String rrn, final int stan)
    {
        final ISOMsg msg = new ISOMsg("0100");
        msg.set(2, DemoData.panText(card));
        msg.set(3, "000000");
        msg.set(4, "000000005000");
        msg.set(7, "1111000000");
        msg.set(11, String.format("%06d", stan));
        msg.set(12, "000000");
        msg.set(13, "1111");
        msg.set(14, "3012");
        msg.set(32, "12345");
        msg.set(37, rrn);
        msg.set(41, "TERM0001");
        msg.set(42, DemoData.merchantId(1));
        msg.set(49, "156");
        return msg;
    }

    private static String answerOverTls(final SSLContext context, final int port, final ISOMsg request)
        throws Exception
    {
        try (SSLSocket socket = TlsClients.connect(context, port))
        {
            TlsClients.send(socket, request);
            final ISOMsg answer = TlsClients.receive(socket);
            assertThat(answer.getMTI()).isEqualTo("0110");
            assertThat(answer.getString(11)).isEqualTo(request.getString(11));
            return answer.getString(39);
        }
    }

    @Test
    void shouldAnswerAnHttpsAuthorization() throws Exception
    {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .sslContext(TlsClients.context(serverStore, null, PASSWORD)).build();
        final String body = "{\"merchantId\":\"" + DemoData.merchantId(1) + "\",\"orderId\":\"TLS-H1\",\"pan\":\"" +
            DemoData.panText(3) + "\",\"expiry\":\"3012\",\"amount\":5000,\"currency\":\"CNY\"}";

        final HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
            URI.create("https://127.0.0.1:" + tls.httpPort() + "/v1/authorizations"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"responseCode\":\"00\"", "\"status\":\"AUTHORIZED\"");
    }

    @Test
    void shouldAnswerAnIso0100OverTls() throws Exception
    {
        final SSLContext context = TlsClients.context(serverStore, null, PASSWORD);

        assertThat(answerOverTls(context, tls.isoPort(), authorization(7, "TLSRRN000001", 1))).isEqualTo("00");
    }

    @Test
    void shouldCloseAPlaintextClientOnATlsPortWithoutAnAnswerAndGoOnServing() throws Exception
    {
        LOGGED.clear();
        try (Socket iso = new Socket("127.0.0.1", tls.isoPort());
            Socket http = new Socket("127.0.0.1", tls.httpPort()))
        {
            iso.setSoTimeout(30_000);
            http.setSoTimeout(30_000);
            TlsClients.send(iso, authorization(11, "TLSRRN000002", 2));
            final OutputStream out = http.getOutputStream();
            out.write(("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer demo-admin-token\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(TlsClients.closedWithoutAnswer(iso)).isTrue();
            assertThat(TlsClients.closedWithoutAnswer(http)).isTrue();
        }

        final SSLContext context = TlsClients.context(serverStore, null, PASSWORD);
        assertThat(answerOverTls(context, tls.isoPort(), authorization(11, "TLSRRN000003", 3))).isEqualTo("00");
        assertThat(LOGGED).noneMatch(record -> record.getThrown() != null);
        assertThat(LOGGED).filteredOn(record -> record.getMessage().contains("TLS handshake failed")).hasSize(2)
            .allSatisfy(record -> assertThat(record.getMessage()).contains("not a TLS record")
                .doesNotContain(DemoData.panText(11), "demo-admin-token"));
    }

    @Test
    void shouldRefuseAClientWithoutACertificateWhenMutualTlsIsRequired() throws Exception
    {
        final SSLContext anonymous = TlsClients.context(serverStore, null, PASSWORD);

        assertThat(refused(anonymous, mutual.isoPort())).isTrue();
    }

    @Test
    void shouldRefuseAClientWhoseCertificateTheTrustStoreDoesNotHold() throws Exception
    {
        final SSLContext stranger = TlsClients.context(serverStore, strangerStore, PASSWORD);

        assertThat(refused(stranger, mutual.isoPort())).isTrue();
    }

    @Test
    void shouldAnswerAClientWithATrustedCertificate() throws Exception
    {
        final SSLContext acquirer = TlsClients.context(serverStore, acquirerStore, PASSWORD);

        assertThat(answerOverTls(acquirer, mutual.isoPort(), authorization(13, "TLSRRN000010", 10))).isEqualTo("00");
        assertThat(answerOverTls(TlsClients.context(serverStore, strangerStore, PASSWORD), tls.isoPort(),
            authorization(13, "TLSRRN000011", 11))).as("no client auth: a certificate is not asked for").isEqualTo("00");
    }

    @Test
    void shouldDeclineWith05AnAcquirerIdWhoseCertificateTheClientDoesNotHold() throws Exception
    {
        final SSLContext acquirer = TlsClients.context(serverStore, acquirerStore, PASSWORD);
        final ISOMsg posingAsAnother = authorization(14, "TLSRRN000012", 12);
        posingAsAnother.set(32, "67890");

        assertThat(answerOverTls(acquirer, mutual.isoPort(), posingAsAnother)).isEqualTo("05");
        assertThat(answerOverTls(acquirer, mutual.isoPort(), authorization(14, "TLSRRN000013", 13))).isEqualTo("00");
    }

    @Test
    void shouldGiveTheHandlersTheVerifiedClientsSubject() throws Exception
    {
        final Map<String, String> values = TlsConfig.defaults();
        values.putAll(Map.of("tls-iso", "true", "tls-key-store", serverStore.toString(),
            "tls-key-store-password-file", passwordFile.toString(), "tls-client-auth", "REQUIRE",
            "tls-trust-store", trustStore.toString(), "tls-trust-store-password-file", passwordFile.toString()));
        final TlsConfig config = TlsConfig.from(values, name -> null);
        final EventLoopGroup group = Transports.group(1);
        try
        {
            final Channel server = new ServerBootstrap().group(group).channel(Transports.serverChannel())
                .childHandler(new TlsInitializer(ServerTlsContext.of(config), new SubjectTeller()))
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
            final int port = ((InetSocketAddress)server.localAddress()).getPort();
            try (SSLSocket socket = TlsClients.connect(TlsClients.context(serverStore, acquirerStore, PASSWORD), port))
            {
                final String line = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();

                assertThat(line).isEqualTo("CN=acquirer-12345,O=Demo Acquirer");
            }
            server.close().syncUninterruptibly();
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** True when the switch refused the client: the handshake, or the first read after it, fails or ends. */
    private static boolean refused(final SSLContext context, final int port) throws Exception
    {
        try (SSLSocket socket = TlsClients.connect(context, port))
        {
            try
            {
                socket.startHandshake();
                TlsClients.send(socket, authorization(17, "TLSRRN000020", 20));
            }
            catch (final IOException e)
            {
                return true;
            }
            return TlsClients.closedWithoutAnswer(socket);
        }
    }

    /** A port's plaintext pipeline for the test: writes the client's subject once the handshake is done. */
    private static final class SubjectTeller extends ChannelInitializer<SocketChannel>
    {
        @Override
        protected void initChannel(final SocketChannel channel)
        {
            channel.pipeline().addLast(new ChannelInboundHandlerAdapter()
            {
                @Override
                public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
                {
                    if (event instanceof SslHandshakeCompletionEvent completion && completion.isSuccess())
                    {
                        final String subject = ClientIdentity.of(ctx.channel()).map(ClientIdentity::subject)
                            .orElse("none");
                        ctx.writeAndFlush(ctx.alloc().buffer().writeBytes((subject + "\n")
                            .getBytes(StandardCharsets.UTF_8)));
                    }
                }
            });
        }
    }
}
