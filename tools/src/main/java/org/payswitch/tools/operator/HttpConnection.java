package org.payswitch.tools.operator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLSocketFactory;

/**
 * One keep-alive HTTP/1.1 connection to the switch's operator API over a blocking socket with
 * {@code TCP_NODELAY}, requests pipelined. Requests go out in a single write (heads and bodies
 * together): the JDK's {@code java.net.http} client writes them apart, and on loopback Nagle's
 * algorithm then held each body for the switch's delayed acknowledgement, about 40 ms a request
 * (measured 1 100 cards/s with 64 in flight; tools/README.md). Reconnects when the switch closes
 * the connection. Not thread-safe: one per sending thread.
 */
final class HttpConnection implements AutoCloseable
{
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** How long an answer may take before the run gives up on the switch. */
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private final URI base;
    private final byte[] fixedHeaders;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** A connection to the switch at {@code base} sending {@code authorization} with each request; opened on first use. */
    HttpConnection(final URI base, final String authorization)
    {
        this.base = base;
        final String host = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
        this.fixedHeaders = ("Host: " + host + "\r\nAuthorization: " + authorization +
            "\r\nContent-Type: application/json\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends {@code method path} with {@code body} (null for none) and reads the answer. */
    OperatorAnswer exchange(final String method, final String path, final String body) throws IOException
    {
        return exchangeAll(method, path, List.of(body == null ? "" : body)).get(0);
    }

    /**
     * Sends {@code POST}s ({@code method path}) of all {@code bodies} in one write, pipelined, and
     * reads their answers, which the switch gives in the order asked. One write and one read for
     * many requests is what keeps a bulk import from spending its time in system calls.
     */
    List<OperatorAnswer> exchangeAll(final String method, final String path, final List<String> bodies)
        throws IOException
    {
        if (socket == null)
        {
            open();
        }
        final ByteArrayOutputStream requests = new ByteArrayOutputStream(bodies.size() * 512);
        final byte[] line = (method + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII);
        for (final String body : bodies)
        {
            final byte[] content = body.getBytes(StandardCharsets.UTF_8);
            requests.writeBytes(line);
            requests.writeBytes(fixedHeaders);
            requests.writeBytes(("Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            requests.writeBytes(content);
        }
        try
        {
            out.write(requests.toByteArray());
            out.flush();
            final List<OperatorAnswer> answers = new ArrayList<>(bodies.size());
            for (int i = 0; i < bodies.size(); i++)
            {
                if (socket == null)
                {
                    throw new IOException("the switch closed the connection after " + i + " of " + bodies.size() +
                        " answers");
                }
                answers.add(readAnswer());
            }
            return answers;
        }
        catch (final IOException e)
        {
            close();
            throw e;
        }
    }

    private void open() throws IOException
    {
        final boolean tls = "https".equals(base.getScheme());
        final int port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
        final Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress(base.getHost(), port), CONNECT_TIMEOUT_MILLIS);
        socket = tls ? ((SSLSocketFactory)SSLSocketFactory.getDefault()).createSocket(plain, base.getHost(), port, true) :
            plain;
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private OperatorAnswer readAnswer() throws IOException
    {
        final String statusLine = readLine();
        final String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1."))
        {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        final int status = number(parts[1], statusLine);
        int length = -1;
        long retryAfter = -1;
        boolean closing = false;
        String header;
        while (!(header = readLine()).isEmpty())
        {
            final int colon = header.indexOf(':');
            if (colon <= 0)
            {
                continue;
            }
            final String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            final String value = header.substring(colon + 1).trim();
            switch (name)
            {
                case "content-length" -> length = number(value, header);
                case "retry-after" -> retryAfter = seconds(value);
                case "connection" -> closing = "close".equalsIgnoreCase(value);
                default ->
                {
                }
            }
        }
        final byte[] content = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
        if (length >= 0 && content.length < length)
        {
            throw new IOException("the switch closed the connection in the middle of an answer");
        }
        if (closing || length < 0)
        {
            close();
        }
        return new OperatorAnswer(status, new String(content, StandardCharsets.UTF_8), retryAfter);
    }

    private String readLine() throws IOException
    {
        final StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n')
        {
            if (c < 0)
            {
                throw new IOException("the switch closed the connection");
            }
            if (line.length() > MAX_HEAD_BYTES)
            {
                throw new IOException("an answer's head is longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (c != '\r')
            {
                line.append((char)c);
            }
        }
        return line.toString();
    }

    /** A number the answer's head must hold; a head that does not is no HTTP answer. */
    private static int number(final String text, final String line) throws IOException
    {
        try
        {
            return Integer.parseInt(text.trim());
        }
        catch (final NumberFormatException e)
        {
            throw new IOException("not an HTTP answer: " + line, e);
        }
    }

    private static long seconds(final String value)
    {
        try
        {
            return Math.max(0, Long.parseLong(value));
        }
        catch (final NumberFormatException e)
        {
            return -1;
        }
    }

    @Override
    public void close()
    {
        if (socket != null)
        {
            try
            {
                socket.close();
            }
            catch (final IOException ignored)
            {
                // closing a connection that failed: nothing more to do with it
            }
            socket = null;
        }
    }
}
