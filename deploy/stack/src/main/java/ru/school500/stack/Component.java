package ru.school500.stack;

/** One server of the local platform. */
interface Component extends AutoCloseable {

    String name();

    /** Starts the component and returns once it answers its health check. */
    void start();

    /** Stops the component; safe to call when it is not running. */
    @Override
    void close();
}
