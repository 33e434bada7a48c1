package ru.school500.gateway.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway tells browsers about its pages and cookies.
 *
 * @param contentSecurityPolicy the {@code Content-Security-Policy} header on every gateway response; scripts only
 *                              from the gateway's own files (no {@code 'unsafe-inline'}, no {@code 'unsafe-eval'})
 * @param secureCookie          mark the session and CSRF cookies {@code Secure}: on wherever the platform is served
 *                              over TLS, off for the plain-HTTP local stack
 */
@Validated
@ConfigurationProperties("platform.browser")
record BrowserProperties(@NotBlank String contentSecurityPolicy, boolean secureCookie) {
}
