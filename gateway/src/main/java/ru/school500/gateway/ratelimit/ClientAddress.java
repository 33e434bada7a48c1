package ru.school500.gateway.ratelimit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

import reactor.netty.http.server.HttpServerRequest;

/**
 * The address an anonymous caller is limited by. {@code X-Forwarded-For} is anybody's to write, so it is read
 * only when the connection comes from a configured proxy, and then only the entry that proxy appended: the
 * {@code hops}-th from the right, the rule of Spring Cloud Gateway's {@code XForwardedRemoteAddressResolver}
 * with {@code maxTrustedIndex}. Any other request is limited by the address it connects from.
 *
 * <p>Both are read from the connection itself (Reactor Netty's request), not from the exchange: with
 * {@code server.forward-headers-strategy=framework}, which the deployments use for the public scheme and host,
 * Spring's {@code ForwardedHeaderTransformer} has already replaced the remote address by the left-most, client
 * written, entry and removed the header.
 */
final class ClientAddress {

    private final List<IpSubnetFilterRule> proxies;
    private final int hops;

    ClientAddress(List<String> trustedProxies, int hops) {
        this.proxies = trustedProxies.stream().map(String::strip).filter(range -> !range.isEmpty())
                .map(ClientAddress::range).toList();
        this.hops = hops;
    }

    String of(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        if (nativeRequest(request) instanceof HttpServerRequest connection) {
            return resolve(connection.connectionRemoteAddress(), connection.requestHeaders().getAll("X-Forwarded-For"));
        }
        return resolve(request.getRemoteAddress(), request.getHeaders().getOrDefault("X-Forwarded-For", List.of()));
    }

    private static Object nativeRequest(ServerHttpRequest request) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request);
        } catch (IllegalArgumentException | IllegalStateException notOnAServer) {
            return null;
        }
    }

    /** The caller's address from the connection's peer and the {@code X-Forwarded-For} values it sent. */
    String resolve(SocketAddress peer, List<String> forwardedFor) {
        if (!(peer instanceof InetSocketAddress connected) || connected.getAddress() == null) {
            return "unknown";
        }
        if (proxies.stream().noneMatch(proxy -> proxy.matches(connected))) {
            return connected.getAddress().getHostAddress();
        }
        List<String> entries = forwardedFor.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        if (entries.isEmpty()) {
            return connected.getAddress().getHostAddress();
        }
        String client = entries.get(Math.max(0, entries.size() - hops));
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(client);
        // not an address literal (a name, "unknown", garbage): the proxy's own address, never a DNS lookup
        return address == null ? connected.getAddress().getHostAddress() : address.getHostAddress();
    }

    /** {@code 10.0.0.0/8}, {@code fd00::/8}, or one address. */
    static IpSubnetFilterRule range(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        int prefix = slash < 0 ? (address.contains(":") ? 128 : 32) : Integer.parseInt(cidr.substring(slash + 1));
        return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
    }
}
