package org.payswitch.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Makes PKCS12 key and trust stores with the JDK's keytool, as docs/operations.md tells an operator to. */
public final class KeyStoreFiles
{
    private KeyStoreFiles()
    {
    }

    /** A key store with one self-signed EC key for {@code dname}, valid from {@code startDate} (keytool's form, e.g. -1d). */
    public static Path keyStore(final Path folder, final String name, final String dname, final String password,
        final String startDate, final int validityDays) throws Exception
    {
        final Path file = folder.resolve(name + ".p12");
        final List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", "EC",
            "-groupname", "secp256r1", "-dname", dname, "-ext", "SAN=dns:localhost,ip:127.0.0.1",
            "-validity", Integer.toString(validityDays), "-storetype", "PKCS12", "-keystore", file.toString(),
            "-storepass", password, "-keypass", password));
        if (startDate != null)
        {
            args.add("-startdate");
            args.add(startDate);
        }
        keytool(args);
        return file;
    }

    /** A trust store holding the certificate of {@code alias} in {@code keyStore}, under its own password. */
    public static Path trustStore(final Path folder, final String name, final Path keyStore, final String alias,
        final String keyStorePassword, final String password) throws Exception
    {
        final Path certificate = folder.resolve(alias + ".pem");
        keytool(List.of("-exportcert", "-rfc", "-alias", alias, "-keystore", keyStore.toString(), "-storepass",
            keyStorePassword, "-file", certificate.toString()));
        final Path file = folder.resolve(name + ".p12");
        keytool(List.of("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-keystore",
            file.toString(), "-storetype", "PKCS12", "-storepass", password));
        return file;
    }

    private static void keytool(final List<String> args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0)
        {
            throw new IllegalStateException("keytool " + args.get(0) + " failed: " + output);
        }
    }
}
