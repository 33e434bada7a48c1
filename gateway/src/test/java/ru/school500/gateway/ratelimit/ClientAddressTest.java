package ru.school500.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static String of(ClientAddress address, String peer, String... forwardedFor) {
        return address.resolve(new InetSocketAddress(peer, 41234), List.of(forwardedFor));
    }

    @Test
    void withoutTrustedProxiesTheConnectingAddressCountsAndForwardedHeadersAreIgnored() {
        ClientAddress address = new ClientAddress(List.of(), 1);

        assertThat(of(address, "192.0.2.5", "203.0.113.9")).isEqualTo("192.0.2.5");
    }

    @Test
    void aPeerOutsideTheTrustedRangesCannotChooseItsAddress() {
        ClientAddress address = new ClientAddress(List.of("10.0.0.0/8"), 1);

        assertThat(of(address, "192.0.2.5", "203.0.113.9")).isEqualTo("192.0.2.5");
    }

    @Test
    void behindATrustedProxyTheEntryItAppendedCountsNotWhatTheClientWrote() {
        ClientAddress address = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8"), 1);

        assertThat(of(address, "10.1.2.3", "198.51.100.1, 203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(of(address, "10.1.2.3", "198.51.100.1", "203.0.113.9")).as("two header lines")
                .isEqualTo("203.0.113.9");
        assertThat(of(address, "fd00::17", "2001:db8::5")).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(of(address, "10.1.2.3")).as("no header: the proxy itself").isEqualTo("10.1.2.3");
        assertThat(of(address, "10.1.2.3", "evil.example")).as("no address: the proxy itself, no DNS lookup")
                .isEqualTo("10.1.2.3");
    }

    @Test
    void withTwoProxyHopsTheSecondEntryFromTheRightIsTheClient() {
        ClientAddress address = new ClientAddress(List.of("10.0.0.0/8"), 2);

        assertThat(of(address, "10.1.2.3", "198.51.100.1, 203.0.113.9, 10.9.9.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void aSingleAddressIsATrustedRangeOfOne() {
        ClientAddress address = new ClientAddress(List.of("127.0.0.1"), 1);

        assertThat(of(address, "127.0.0.1", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(of(address, "127.0.0.2", "203.0.113.9")).isEqualTo("127.0.0.2");
    }
}
