package ru.school500.roadmapservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class EtagsTest {

    @Test
    void versionsAreStrongQuotedEtags() {
        assertThat(Etags.of(3)).isEqualTo("\"3\"");
    }

    @Test
    void ifMatchAcceptsQuotedWeakAndBareVersions() {
        assertThat(Etags.required("\"3\"")).isEqualTo(3);
        assertThat(Etags.required("W/\"3\"")).isEqualTo(3);
        assertThat(Etags.required("3")).isEqualTo(3);
        assertThat(Etags.optional(null)).isNull();
    }

    @Test
    void anUnreadableIfMatchMatchesNoVersion() {
        assertThat(Etags.required("\"abc\"")).isEqualTo(Etags.NO_MATCH);
    }

    @Test
    void missingIfMatchIs428() {
        assertThatThrownBy(() -> Etags.required(" "))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(428));
    }
}
