package ru.school500.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class UnavailableServiceHandlerTest {

    @Test
    void connectionRefusedTimeoutsAndGatewayTimeoutsMeanTheServiceIsUnavailable() {
        assertThat(UnavailableServiceHandler.isUnavailable(new ConnectException("refused"))).isTrue();
        assertThat(UnavailableServiceHandler.isUnavailable(
                new org.springframework.cloud.gateway.support.ServiceUnavailableException())).isTrue();
        assertThat(UnavailableServiceHandler.isUnavailable(
                new org.springframework.cloud.gateway.support.TimeoutException("slow"))).isTrue();
        assertThat(UnavailableServiceHandler.isUnavailable(
                new IllegalStateException("wrapped", new TimeoutException("slow")))).isTrue();
        assertThat(UnavailableServiceHandler.isUnavailable(
                new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT))).isTrue();
        assertThat(UnavailableServiceHandler.isUnavailable(
                new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE))).isTrue();
    }

    @Test
    void aConnectionTheServiceResetMidRequestMeansTheServiceIsUnavailable() {
        assertThat(UnavailableServiceHandler.isUnavailable(
                new java.io.IOException("recvAddress(..) failed with error(-104): Connection reset by peer"))).isTrue();
        assertThat(UnavailableServiceHandler.isUnavailable(new java.net.SocketException("Connection reset"))).isTrue();
        assertThat(UnavailableServiceHandler.isUnavailable(
                new IllegalStateException("wrapped", new java.io.IOException("writev(..) failed: Broken pipe")))).isTrue();
        assertThat(UnavailableServiceHandler.isUnavailable(new java.io.IOException("No space left on device"))).isFalse();
    }

    @Test
    void otherFailuresAreLeftToTheDefaultHandling() {
        assertThat(UnavailableServiceHandler.isUnavailable(new ResponseStatusException(HttpStatus.NOT_FOUND))).isFalse();
        assertThat(UnavailableServiceHandler.isUnavailable(new IllegalArgumentException("bug"))).isFalse();
    }
}
