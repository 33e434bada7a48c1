package ru.school500.searchservice.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserQueryTest {

    @Test
    void orAndИлиBecomeThePipeOperatorOutsidePhrases() {
        UserQuery query = UserQuery.parse("медиация OR наставничество ИЛИ \"школа OR класс\"");

        assertThat(query.strict()).isEqualTo("медиация | наставничество | \"школа OR класс\"");
    }

    @Test
    void typoTolerantVariantMakesLongPlainWordsFuzzyOnly() {
        UserQuery query = UserQuery.parse("наставнечество молодых -вебинар \"точная фраза\" рос");

        assertThat(query.typoTolerant()).isEqualTo("наставнечество~2 молодых~1 -вебинар \"точная фраза\" рос");
        assertThat(query.typoMarks()).isEqualTo("наставнечество~1 молодых~1 -вебинар \"точная фраза\" рос");
    }

    @Test
    void positiveTextLeavesOutExclusionsAndOperators() {
        assertThat(UserQuery.parse("медиация | \"школьная служба\" -конфликт").positiveText())
                .isEqualTo("медиация школьная служба");
    }

    @Test
    void punctuationAndOperatorsAloneHaveNoTerms() {
        assertThat(UserQuery.parse("\"\" - | *** ~").hasNoTerms()).isTrue();
        assertThat(UserQuery.parse("  ").hasNoTerms()).isTrue();
        assertThat(UserQuery.parse("ё").hasNoTerms()).isFalse();
    }

    @Test
    void anUnclosedQuoteStaysOneSegment() {
        assertThat(UserQuery.parse("\"наставничество молодых").strict()).isEqualTo("\"наставничество молодых");
    }

    @Test
    void exclusionsAreCollectedAndTheWordsLeftAsTyped() {
        UserQuery query = UserQuery.parse("наставникам молодых -вебинар -\"онлайн курс\"");

        // word families are the index's search analyzer's business now: the query keeps the words as typed
        assertThat(query.strict()).isEqualTo("наставникам молодых -вебинар -\"онлайн курс\"");
        assertThat(query.exclusions()).isEqualTo("вебинар | \"онлайн курс\"");
    }
}
