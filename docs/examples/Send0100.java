import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.PostChannel;
import org.jpos.iso.packager.ISO87BPackager;

/**
 * Sends one 0100 to the switch with jPOS (PostChannel: 2-byte length; ISO87BPackager) and prints
 * the 0110. Usage: java -cp jpos-2.1.10.jar docs/examples/Send0100.java [host] [port] [pan] [amount]
 */
public class Send0100
{
    public static void main(final String[] args) throws Exception
    {
        final String host = args.length > 0 ? args[0] : "127.0.0.1";
        final int port = args.length > 1 ? Integer.parseInt(args[1]) : 8583;
        final String pan = args.length > 2 ? args[2] : "6222600000000006";
        final long amount = args.length > 3 ? Long.parseLong(args[3]) : 12000;
        final PostChannel channel = new PostChannel(host, port, new ISO87BPackager());
        channel.connect();
        final ISOMsg request = new ISOMsg("0100");
        request.set(2, pan);
        request.set(3, "000000");
        request.set(4, String.format("%012d", amount));
        request.set(7, "1111000000");
        request.set(11, "000001");
        request.set(12, "000000");
        request.set(13, "1111");
        request.set(14, "3012");
        request.set(37, String.format("%012d", System.currentTimeMillis() % 1_000_000_000_000L));
        request.set(41, "TERM0001");
        request.set(42, "M00000000000001");
        request.set(49, "156");
        channel.send(request);
        final ISOMsg answer = channel.receive();
        channel.disconnect();
        System.out.println("MTI " + answer.getMTI() + "  DE 37 " + answer.getString(37) + "  DE 39 " +
            answer.getString(39) + "  DE 38 " + answer.getString(38) + "  DE 6 " + answer.getString(6) + "  DE 54 " +
            answer.getString(54));
    }
}
