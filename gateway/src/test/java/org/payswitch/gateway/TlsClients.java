package org.payswitch.gateway;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87BPackager;

/** The JDK's TLS client as a checkout or acquirer would use it, and ISO 8583 frames over its sockets. */
final class TlsClients
{
    private TlsClients()
    {
    }

    /**
     * A client context trusting the certificate of the key in {@code serverKeyStore} and, when
     * {@code clientKeyStore} is not null, showing that store's key as its own certificate.
     */
    static SSLContext context(final Path serverKeyStore, final Path clientKeyStore, final String password)
        throws Exception
    {
        final KeyStore server = load(serverKeyStore, password);
        final KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (final String alias : Collections.list(server.aliases()))
        {
            final Certificate certificate = server.getCertificate(alias);
            trusted.setCertificateEntry(alias, certificate);
        }
        final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        KeyManagerFactory keys = null;
        if (clientKeyStore != null)
        {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(clientKeyStore, password), password.toCharArray());
        }
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    /** A TLS socket to the port on 127.0.0.1, not yet shaken hands, reads timing out after 30 s. */
    static SSLSocket connect(final SSLContext context, final int port) throws IOException
    {
        final SSLSocket socket = (SSLSocket)context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** Writes one ISO 8583 message with its 2-byte length, packed as jPOS's ISO87BPackager packs it. */
    static void send(final Socket socket, final ISOMsg message) throws Exception
    {
        message.setPackager(new ISO87BPackager());
        final byte[] packed = message.pack();
        final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeShort(packed.length);
        out.write(packed);
        out.flush();
    }

    /** Reads one length-prefixed ISO 8583 message. */
    static ISOMsg receive(final Socket socket) throws Exception
    {
        final DataInputStream in = new DataInputStream(socket.getInputStream());
        final byte[] frame = new byte[in.readUnsignedShort()];
        in.readFully(frame);
        final ISOMsg message = new ISOMsg();
        message.setPackager(new ISO87BPackager());
        message.unpack(frame);
        return message;
    }

    /** True when the switch closed the socket without a byte: end of stream, a reset, or a TLS alert. */
    static boolean closedWithoutAnswer(final Socket socket)
    {
        try
        {
            final InputStream in = socket.getInputStream();
            return in.read() == -1;
        }
        catch (final SocketTimeoutException e)
        {
            return false;
        }
        catch (final IOException e)
        {
            return true;
        }
    }

    static KeyStore load(final Path file, final String password) throws Exception
    {
        try (InputStream in = Files.newInputStream(file))
        {
            final KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        }
    }
}
