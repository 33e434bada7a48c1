package ru.school500.roadmapservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

class LostDatabaseTest {

    @Test
    void aRollbackThatFailedBecauseTheConnectionWasClosedIsAnOutage() {
        RuntimeException rollback = new JpaSystemException(new RuntimeException("Unable to rollback against JDBC Connection",
                new SQLException("This connection has been closed.", "08003")));

        assertThat(ProblemHandler.lostDatabase(rollback)).isTrue();
    }

    @Test
    void aRollbackOnAConnectionThePoolClosedIsAnOutageEvenWithoutAnSqlState() {
        RuntimeException rollback = new JpaSystemException(new org.hibernate.TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));

        assertThat(ProblemHandler.lostDatabase(rollback)).isTrue();
    }

    @Test
    void anAdministratorsShutdownOfTheDatabaseIsAnOutage() {
        assertThat(ProblemHandler.lostDatabase(new IllegalStateException(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void aValueTheDatabaseRefusesIsNotAnOutage() {
        assertThat(ProblemHandler.lostDatabase(new DataIntegrityViolationException("refused",
                new SQLException("invalid byte sequence", "22021")))).isFalse();
        assertThat(ProblemHandler.lostDatabase(new IllegalStateException("a bug"))).isFalse();
    }
}
