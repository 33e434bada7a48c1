package ru.school500.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

final class Ports {

    private Ports() {
    }

    static void requireFree(String component, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException taken) {
            throw new StackException(component + ": port 127.0.0.1:" + port
                    + " is already taken by another process (free it, e.g. `ss -ltnp 'sport = :" + port
                    + "'` shows who holds it)");
        }
    }
}
