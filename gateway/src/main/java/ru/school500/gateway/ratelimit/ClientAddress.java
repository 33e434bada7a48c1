package ru.school500.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;

import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address an anonymous caller is limited by. {@code X-Forwarded-For} is anybody's to write, so it is
 * read only when the connection comes from a configured proxy, and then only the entry that proxy appended
 * ({@link XForwardedRemoteAddressResolver#maxTrustedIndex}); any other request is limited by the address it
 * connects from.
 */
final class ClientAddress {

    private final List<IpSubnetFilterRule> proxies;
    private final RemoteAddressResolver forwarded;

    ClientAddress(List<String> trustedProxies, int trustedProxyHops) {
        this.proxies = trustedProxies.stream().map(String::strip).filter(range -> !range.isEmpty())
                .map(ClientAddress::range).toList();
        this.forwarded = XForwardedRemoteAddressResolver.maxTrustedIndex(trustedProxyHops);
    }

    String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        String connected = remote.getAddress().getHostAddress();
        if (proxies.stream().noneMatch(proxy -> proxy.matches(remote))) {
            return connected;
        }
        InetSocketAddress client = forwarded.resolve(exchange);
        if (client == null || client.getAddress() == null) {
            return client == null ? connected : client.getHostString();
        }
        return client.getAddress().getHostAddress();
    }

    /** {@code 10.0.0.0/8}, {@code fd00::/8}, or one address. */
    static IpSubnetFilterRule range(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        int prefix = slash < 0 ? (address.contains(":") ? 128 : 32) : Integer.parseInt(cidr.substring(slash + 1));
        return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
    }
}
