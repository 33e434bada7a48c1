package ru.school500.faults;

import java.time.Duration;

/**
 * How long the faults last: {@code normal} (the CI run, every outage as short as still proves the point) or
 * {@code long} ({@code -Dplatform.faults.mode=long}: Elasticsearch down 60 s, the other outages 30 s, idle 6 min).
 */
enum Mode {
    NORMAL(Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(20), false),
    LONG(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(6), true);

    /** Elasticsearch stays down this long before it is started again (its start comes on top). */
    final Duration elasticsearchDown;
    /** S3, PostgreSQL and Keycloak stay down this long. */
    final Duration outage;
    /** No request at all for this long before the first use. */
    final Duration idle;

    /**
     * Keycloak stopped and started again (its start takes 40 s and more on two cores), or, in the normal run,
     * frozen with SIGSTOP and thawed: it accepts connections and answers nothing, the nastier of the two outages.
     */
    final boolean keycloakRestart;

    Mode(Duration elasticsearchDown, Duration outage, Duration idle, boolean keycloakRestart) {
        this.elasticsearchDown = elasticsearchDown;
        this.outage = outage;
        this.idle = idle;
        this.keycloakRestart = keycloakRestart;
    }

    static Mode current() {
        return "long".equalsIgnoreCase(System.getProperty("platform.faults.mode", "normal")) ? LONG : NORMAL;
    }
}
