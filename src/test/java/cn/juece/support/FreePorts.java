package cn.juece.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback port nobody listens on at the moment of asking: for servers a test starts itself (some stop and start
 * them again on the same port), or for one it wants absent. Taken below Linux's ephemeral range (32768–60999): a port
 * the system hands out for outgoing connections could be taken by any client on the machine between a server's stop
 * and its restart (seen: the two-node test's restarted node found its port in use while another build ran tests).
 */
public final class FreePorts {

    private static final int LOW = 20_000;
    private static final int HIGH = 32_767;

    private FreePorts() {
    }

    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH + 1);
            try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
